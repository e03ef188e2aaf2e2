import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';
import { organisations } from '../../db/schema';
import { systemClock } from '../../server/clock';
import { createMonthlySnapshot } from '../../server/measurement/snapshot';

type SnapshotOptions = { organisation?: string; month?: string; recompute?: boolean; reason?: string; json?: boolean };

export function registerSnapshotCommand(program: Command): void {
  program
    .command('snapshot')
    .description('Gem en afsluttet måneds statusskemaer (som den månedlige kørsel den 1.); en gemt måned ændres aldrig, --recompute gemmer en ny revision')
    .option('--organisation <name>', 'organisationens præcise navn (standard: alle)')
    .option('--month <YYYY-MM>', 'måneden (standard: forrige måned)')
    .option('--recompute', 'gem en ny revision, også hvor måneden allerede er gemt')
    .option('--reason <text>', 'hvorfor måneden genberegnes (vises ved revisionen)')
    .option('--json', 'skriv resultatet som JSON')
    .action(async (opts: SnapshotOptions) => {
      if (opts.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new Error('--month must be written YYYY-MM');
      const opened = await openDatabase(readEnv());
      try {
        const db = opened.connection.db;
        const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(opts.organisation ? eq(organisations.name, opts.organisation) : undefined);
        if (opts.organisation && orgs.length === 0) throw new Error(`No organisation named "${opts.organisation}"`);
        const results = [];
        for (const org of orgs) {
          const result = await createMonthlySnapshot(db, systemClock, { organisationId: org.id, month: opts.month, recompute: opts.recompute, reason: opts.reason });
          results.push({ organisation: org.name, ...result });
        }
        if (opts.json) console.log(JSON.stringify(results, null, 2));
        else for (const r of results) console.log(`${r.organisation} ${r.month}: ${r.stored.length} gemt, ${r.unchanged.length} uændret`);
      } finally {
        await opened.close();
      }
    });
}
