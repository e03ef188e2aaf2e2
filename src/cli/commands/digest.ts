import type { Command } from 'commander';
import { isIsoDate } from '../../core/calendar/iso-date';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';
import { fixedClock, systemClock } from '../../server/clock';
import { runWeeklyDigest } from '../../server/digest/run-weekly-digest';
import { DataDirLockedError } from '../../db/data-dir';

export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description('Write the weekly e-mail of overdue items to the outbox now (once per person and ISO week)')
    .option('--date <YYYY-MM-DD>', 'count overdue items as of this date instead of today')
    .action(async (options: { date?: string }) => {
      if (options.date !== undefined && !isIsoDate(options.date)) {
        console.error(`Ugyldig dato for --date: '${options.date}'. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-02.`);
        process.exit(2);
      }
      const env = readEnv();
      let opened;
      try {
        opened = await openDatabase(env);
      } catch (error) {
        if (error instanceof DataDirLockedError) {
          console.error(`${error.message}\nThe running server sends the digest itself every Monday at 07:00.`);
          process.exit(3);
        }
        throw error;
      }
      try {
        // Noon, so the date is the same in Copenhagen whatever the machine's zone.
        const clock = options.date ? fixedClock(`${options.date}T12:00:00Z`) : systemClock;
        const result = await runWeeklyDigest(opened.connection.db, clock);
        console.log(`Ugeoversigt ${result.week}: ${result.written} e-mail(s) lagt i udbakken; ${result.alreadySent} var allerede sendt i denne uge.`);
      } finally {
        await opened.close();
      }
    });
}
