import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { isIsoDate, toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';
import { findOrCreateOrganisation, writeSyntheticData } from '../../db/seed/synthetic';

type GenOptions = { jobseekers: string; employers?: string; jobOrders?: string; seed: string; db?: string; pgUrl?: string; org: string; today?: string };

function count(name: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000) throw new Error(`${name} skal være et helt tal mellem 0 og 10.000.000, ikke '${value}'.`);
  return n;
}

export function registerGenCommand(program: Command): void {
  program
    .command('gen')
    .description('Lav syntetiske, realistiske danske ledige (CPR, adresse, forløb, profilering, CV), virksomheder og jobordrer til test og benchmarks; samme --seed giver samme data')
    .requiredOption('--jobseekers <n>', 'antal ledige')
    .option('--employers <n>', 'antal virksomheder (standard: 1 pr. 100 ledige, mindst 20)')
    .option('--job-orders <n>', 'antal jobordrer (standard: 1 pr. 200 ledige, mindst 100)')
    .option('--seed <n>', 'frø for tilfældighederne', '1')
    .option('--db <dir>', 'PGlite-datamappe (som JOBSPOR_DATA_DIR); standard: miljøets database')
    .option('--pg-url <url>', 'PostgreSQL-URL (kræver JOBSPOR_CPR_KEY)')
    .option('--org <navn eller id>', 'organisationen dataene lægges i; findes den ikke, oprettes en a-kasse med det navn', 'Syntetisk A-kasse')
    .option('--today <YYYY-MM-DD>', 'dagen dataene er "pr."; standard: i dag')
    .action(async (opts: GenOptions) => {
      const jobseekers = count('--jobseekers', opts.jobseekers);
      const employers = opts.employers === undefined ? Math.max(20, Math.round(jobseekers / 100)) : count('--employers', opts.employers);
      const jobOrders = opts.jobOrders === undefined ? Math.max(100, Math.round(jobseekers / 200)) : count('--job-orders', opts.jobOrders);
      const seed = count('--seed', opts.seed);
      if (opts.db && opts.pgUrl) throw new Error('Angiv enten --db eller --pg-url, ikke begge.');
      if (opts.today !== undefined && !isIsoDate(opts.today)) throw new Error(`Ugyldig dato for --today: '${opts.today}'. Skriv ÅÅÅÅ-MM-DD.`);
      if (jobOrders > 0 && employers === 0) throw new Error('Jobordrer kræver mindst én virksomhed (--employers).');
      const today = opts.today ?? toCopenhagenIsoDate(new Date());
      const env = readEnv();
      const opened = await openDatabase(opts.db ? { ...env, JOBSPOR_DATA_DIR: opts.db, DATABASE_URL: undefined } : opts.pgUrl ? { ...env, DATABASE_URL: opts.pgUrl } : env);
      try {
        const db = opened.connection.db;
        const org = await findOrCreateOrganisation(db, opts.org, seed);
        console.log(`${org.created ? 'Oprettede' : 'Bruger'} organisationen ${org.name} (${org.id}) i ${opened.describe}.`);
        let lastShown = 0;
        const result = await writeSyntheticData(db, opened.cipher, org, {
          seed,
          today,
          jobseekers,
          employers,
          jobOrders,
          onProgress: (done, total) => {
            if (done - lastShown >= 20_000 || done === total) {
              lastShown = done;
              process.stdout.write(`  ${done.toLocaleString('da-DK')} af ${total.toLocaleString('da-DK')} ledige skrevet\n`);
            }
          },
        });
        // Fresh statistics and visibility map, so the first queries do not plan for empty tables and
        // matching's index-only scans skip the heap (PGlite has no autovacuum).
        await db.execute(sql`vacuum analyze`);
        console.log(
          `Skrev ${result.jobseekers} ledige med forløb og CV (${result.assessments} profileringer), ${result.employers} virksomheder og ${result.jobOrders} jobordrer på ${(result.ms / 1000).toFixed(1)} s (seed ${seed}, pr. ${today}).`,
        );
      } finally {
        await opened.close();
      }
    });
}
