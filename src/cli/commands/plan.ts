import { Command } from 'commander';
import { isIsoDate, isoWeekday, type IsoDate } from '../../core/calendar/iso-date.js';
import { createWorkingCalendar } from '../../core/calendar/working-calendar.js';
import type { ConversationMode } from '../../core/cadence/cadence-schema.js';
import { planConversations, type PlannedConversation } from '../../core/cadence/plan-conversations.js';
import { CadenceTemplateError, loadCadenceTemplates } from '../../server/cadence/load-templates.js';

const projectRoot = new URL('../../../', import.meta.url);
const defaultTemplatesDir = new URL('templates/cadences/', projectRoot);

const USAGE_ERROR = { exitCode: 2, code: 'jobspor.plan.usage' } as const;

const modeNames: Record<ConversationMode, string> = {
  in_person: 'fremmøde',
  phone: 'telefon',
  video: 'video',
  any: 'valgfri',
};
const weekdayNames = ['man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.', 'søn.'];

interface PlanOptions {
  template: string;
  start: string;
  closingDays?: string;
  courseStart?: string;
  templates?: string;
  json?: boolean;
}

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('Planlæg samtalerne i et ledighedsforløb efter en samtaleskabelon (arbejdsdage, helligdage, lukkedage)')
    .requiredOption('--template <id>', 'skabelonens id, fx hk-1')
    .requiredOption('--start <YYYY-MM-DD>', 'første ledighedsdag (dag 0)')
    .option('--closing-days <dates>', 'organisationens lukkedage, kommasepareret, fx 2026-12-24,2026-12-31')
    .option('--course-start <YYYY-MM-DD>', 'forløbets startdag for skabeloner, der regner fra forløbsstart (fx Jobviften)')
    .option('--templates <dir>', 'mappe med skabeloner (standard: templates/cadences i projektet)')
    .option('--json', 'skriv planen som JSON')
    .action((options: PlanOptions, command: Command) => {
      const fail = (message: string) => command.error(message, USAGE_ERROR);

      const start = requireDate(options.start, '--start', fail);
      const courseStart = options.courseStart === undefined ? undefined : requireDate(options.courseStart, '--course-start', fail);
      const closingDays = (options.closingDays ?? '')
        .split(',')
        .map((day) => day.trim())
        .filter((day) => day !== '')
        .map((day) => requireDate(day, '--closing-days', fail));

      let templates;
      try {
        templates = loadCadenceTemplates(options.templates ?? defaultTemplatesDir);
      } catch (error) {
        if (error instanceof CadenceTemplateError) command.error(error.message, { exitCode: 1, code: 'jobspor.plan.template' });
        throw error;
      }
      const cadence = templates.find((t) => t.id === options.template);
      if (!cadence) {
        fail(`Ukendt skabelon '${options.template}'. Kendte skabeloner: ${templates.map((t) => t.id).join(', ')}`);
        return;
      }

      const plan = planConversations({
        cadence,
        firstDayOfUnemployment: start,
        calendar: createWorkingCalendar({ closingDays }),
        ...(courseStart ? { courseStart } : {}),
      });

      if (options.json) {
        const rows = plan.map(({ type, earliest, latest, mandatory, mode }) => ({ type, earliest, latest, mandatory, mode }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      process.stdout.write(formatPlanTable(plan, `${cadence.name} (${cadence.id}, version ${cadence.version})`, courseStart ?? start));
    });
}

function requireDate(value: string, option: string, fail: (message: string) => void): IsoDate {
  if (!isIsoDate(value)) fail(`Ugyldig dato for ${option}: '${value}'. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-30.`);
  return value;
}

function formatDanishDate(date: IsoDate): string {
  return `${weekdayNames[isoWeekday(date) - 1]} ${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

export function formatPlanTable(plan: readonly PlannedConversation[], title: string, dayZero: IsoDate): string {
  const header = ['Nr.', 'Samtale', 'Tidligst', 'Senest', 'Obligatorisk', 'Form'];
  const rows = plan.map((p) => [
    String(p.sequence),
    p.windowCollapsed ? `${p.label} *` : p.label,
    formatDanishDate(p.earliest),
    formatDanishDate(p.latest),
    p.mandatory ? 'ja' : 'nej',
    p.maxMinutes ? `${modeNames[p.mode]}, højst ${p.maxMinutes} min.` : modeNames[p.mode],
  ]);
  const widths = header.map((h, column) => Math.max(h.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const lines = [`Samtaleplan: ${title}`, `Dag 0: ${formatDanishDate(dayZero)}`, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (plan.some((p) => p.windowCollapsed)) {
    lines.push('', '* Ingen arbejdsdag i reglens vindue; samtalen er lagt på nærmeste arbejdsdag (før vinduet, ellers efter).');
  }
  return `${lines.join('\n')}\n`;
}
