import { Command } from 'commander';
import { registerStartCommand } from './commands/start';
import { registerMigrateCommand } from './commands/migrate';
import { registerSeedCommand } from './commands/seed';
import { registerAdminCommand } from './commands/admin';
import { registerPlanCommand } from './commands/plan';
import { registerSurvivalCommand } from './commands/survival';
import { registerDigestCommand } from './commands/digest';
import { registerSnapshotCommand } from './commands/snapshot';
import { registerOutboxCommand } from './commands/outbox';
import { registerImportVacanciesCommand } from './commands/import-vacancies';
import { registerGenCommand } from './commands/gen';

const program = new Command();
program.name('jobspor').description('Jobspor: contact course, plans, job search, brokering and measurement.');
registerStartCommand(program);
registerMigrateCommand(program);
registerSeedCommand(program);
registerAdminCommand(program);
registerPlanCommand(program);
registerSurvivalCommand(program);
registerDigestCommand(program);
registerSnapshotCommand(program);
registerOutboxCommand(program);
registerImportVacanciesCommand(program);
registerGenCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
