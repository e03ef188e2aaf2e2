import type { Command } from 'commander';
import { desc } from 'drizzle-orm';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';
import { outbox } from '../../db/schema';
import { DataDirLockedError } from '../../db/data-dir';

export function registerOutboxCommand(program: Command): void {
  program
    .command('outbox')
    .description('Show the newest messages in the outbox (in a demo: where a jobseeker finds the portal login code)')
    .option('--last [n]', 'how many of the newest messages (default 5)')
    .action(async (options: { last?: string | true }) => {
      const n = options.last === undefined || options.last === true ? 5 : Number(options.last);
      if (!Number.isInteger(n) || n < 1 || n > 200) {
        console.error(`Ugyldigt antal for --last: '${options.last}'. Skriv et tal fra 1 til 200.`);
        process.exit(2);
      }
      const env = readEnv();
      let opened;
      try {
        opened = await openDatabase(env);
      } catch (error) {
        if (error instanceof DataDirLockedError) {
          console.error(`${error.message}\nWhile the server runs, an admin reads the outbox at GET /api/v1/outbox.`);
          process.exit(3);
        }
        throw error;
      }
      try {
        const rows = await opened.connection.db.select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(n);
        for (const row of rows.reverse()) {
          console.log(`— ${row.createdAt.toISOString()}  ${row.channel} to ${row.recipient}  [${row.template}, ${row.status}]`);
          if (row.subject) console.log(`  ${row.subject}`);
          console.log(row.body.replace(/^/gm, '  '));
        }
        if (rows.length === 0) console.log('Udbakken er tom.');
      } finally {
        await opened.close();
      }
    });
}
