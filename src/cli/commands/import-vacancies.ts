import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';
import { organisations } from '../../db/schema';
import { systemClock } from '../../server/clock';
import { systemContext } from '../../server/system-context';
import { AppError } from '../../server/errors';
import { createVacancyImportService } from '../../server/vacancies/service';

type ImportOptions = { org: string; source?: string; format?: string; json?: boolean };

export function registerImportVacanciesCommand(program: Command): void {
  program
    .command('import-vacancies <file>')
    .description('Importér stillingsopslag fra en JSON- eller CSV-fil (docs/vacancy-feed.md); samme fil igen ændrer intet')
    .requiredOption('--org <id>', 'organisationens id')
    .option('--source <name>', 'kildens navn (standard: filnavnet uden endelse)')
    .option('--format <json|csv>', 'filens format (standard: efter endelsen)')
    .option('--json', 'skriv rapporten som JSON')
    .action(async (file: string, opts: ImportOptions) => {
      const format = opts.format ?? extname(file).slice(1).toLowerCase();
      if (format !== 'json' && format !== 'csv') throw new Error('--format must be json or csv (or name the file .json/.csv)');
      const source = opts.source ?? file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
      const content = await readFile(file, 'utf8');
      const opened = await openDatabase(readEnv());
      try {
        const db = opened.connection.db;
        const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, opts.org)).catch(() => []);
        if (!org) throw new Error(`No organisation with id "${opts.org}"`);
        const service = createVacancyImportService({ db });
        let report;
        try {
          report = await service.importFeed(systemContext(org.id, systemClock, 'vacancy_import'), { source, format, content });
        } catch (error) {
          if (error instanceof AppError && error.fields?.content) throw new Error(`${error.fields.content.da} / ${error.fields.content.en}`, { cause: error });
          throw error;
        }
        if (opts.json) console.log(JSON.stringify(report, null, 2));
        else {
          console.log(`${source}: ${report.created} oprettet, ${report.updated} opdateret, ${report.unchanged} uændret, ${report.rejected} afvist`);
          for (const r of report.rejections) console.log(`  linje ${r.line}${r.externalId ? ` (${r.externalId})` : ''}: ${r.reason.da} / ${r.reason.en}`);
        }
        if (report.rejected > 0) process.exitCode = 2;
      } finally {
        await opened.close();
      }
    });
}
