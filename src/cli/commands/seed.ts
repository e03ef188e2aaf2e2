import type { Command } from 'commander';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';
import { seedDemoIfEmpty } from '../../db/seed/demo';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Write the demo data set into an empty database')
    .requiredOption('--demo', 'the deterministic demo data set (organisations, staff, jobseekers)')
    .action(async () => {
      const opened = await openDatabase(readEnv());
      try {
        const seeded = await seedDemoIfEmpty(opened.connection.db, opened.cipher);
        console.log(seeded ? `Demo data written to ${opened.describe}.` : 'The database already has organisations; nothing was written.');
      } finally {
        await opened.close();
      }
    });
}
