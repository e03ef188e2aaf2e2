import type { Command } from 'commander';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (also done by start)')
    .action(async () => {
      const opened = await openDatabase(readEnv());
      console.log(`Migrated ${opened.describe}.`);
      await opened.close();
    });
}
