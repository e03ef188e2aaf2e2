import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { summarizeIncidence, summarizeSurvival, type SpellSummary } from '../../core/survival/index.js';

const USAGE_ERROR = { exitCode: 2, code: 'jobspor.survival.input' } as const;

interface SurvivalOptions {
  csv: string;
  time: string;
  event: string;
  group?: string;
  at?: string;
  cause?: string;
  delimiter: string;
  json?: boolean;
}

export function registerSurvivalCommand(program: Command): void {
  program
    .command('survival')
    .description('Overlevelseskurver (Kaplan–Meier) for ledighedsforløb: median og andel uden job på udvalgte dage')
    .requiredOption('--csv <file>', 'CSV-fil med én række pr. forløb og en overskriftsrække')
    .requiredOption('--time <column>', 'kolonne med forløbets længde i dage')
    .requiredOption('--event <column>', 'kolonne med 1 = job, 0 = censureret (med --cause: afgangsårsag, 0 = censureret)')
    .option('--group <column>', 'kolonne at opdele efter, fx afdeling')
    .option('--at <days>', 'dage at aflæse kurven på, kommasepareret, fx 91,182')
    .option('--cause <label>', 'kumuleret incidens for denne afgangsårsag; andre årsager er konkurrerende afgange')
    .option('--delimiter <char>', 'feltadskiller', ',')
    .option('--json', 'skriv resultatet som JSON')
    .action((options: SurvivalOptions, command: Command) => {
      const fail = (message: string): never => command.error(message, USAGE_ERROR);
      const at = parseDays(options.at, fail);
      let text: string;
      try {
        text = readFileSync(options.csv, 'utf8');
      } catch (error) {
        return fail(`Kan ikke læse ${options.csv}: ${(error as Error).message}`);
      }
      if (options.delimiter.length !== 1) fail('--delimiter skal være ét tegn');
      const records = parseCsv(text, options.delimiter);
      const header = records[0];
      if (!header) return fail(`${options.csv} er tom`);
      const columnIndex = (name: string, option: string): number => {
        const i = header.fields.indexOf(name);
        if (i < 0) fail(`Kolonnen '${name}' (${option}) findes ikke i ${options.csv}. Kolonner: ${header.fields.join(', ')}`);
        return i;
      };
      const timeCol = columnIndex(options.time, '--time');
      const eventCol = columnIndex(options.event, '--event');
      const groupCol = options.group === undefined ? -1 : columnIndex(options.group, '--group');

      const rows = records.slice(1).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
      const time = new Float64Array(rows.length);
      const event: number[] = [];
      const cause: (string | 0)[] = [];
      const group: string[] = [];
      rows.forEach((record, i) => {
        const cell = (col: number, name: string): string => {
          const value = record.fields[col];
          if (value === undefined) fail(`Linje ${record.line}: kolonnen '${name}' mangler (rækken har ${record.fields.length} felter)`);
          return value!.trim();
        };
        const rawTime = cell(timeCol, options.time);
        const t = rawTime === '' ? Number.NaN : Number(rawTime);
        if (!Number.isFinite(t)) fail(`Linje ${record.line}: kolonnen '${options.time}' er ikke et tal: '${rawTime}'`);
        if (t < 0) fail(`Linje ${record.line}: kolonnen '${options.time}' er negativ: ${rawTime}`);
        time[i] = t;
        const rawEvent = cell(eventCol, options.event);
        if (options.cause === undefined) {
          if (rawEvent !== '0' && rawEvent !== '1') fail(`Linje ${record.line}: kolonnen '${options.event}' skal være 0 eller 1, ikke '${rawEvent}'`);
          event.push(rawEvent === '1' ? 1 : 0);
        } else {
          if (rawEvent === '') fail(`Linje ${record.line}: kolonnen '${options.event}' er tom; brug 0 for et censureret forløb`);
          cause.push(rawEvent === '0' ? 0 : rawEvent);
        }
        if (groupCol >= 0) group.push(cell(groupCol, options.group!));
      });
      if (rows.length === 0) fail(`${options.csv} har ingen forløb`);

      const groupInput = groupCol >= 0 ? { group } : {};
      const summary: SpellSummary =
        options.cause === undefined
          ? summarizeSurvival({ time, event, ...groupInput }, at)
          : summarizeIncidence({ time, cause, ...groupInput }, options.cause, at);
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    });
}

function parseDays(value: string | undefined, fail: (message: string) => never): number[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part) => {
    const day = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(day) || day < 0) fail(`--at: '${part}' er ikke et antal dage ≥ 0`);
    return day;
  });
}

export interface CsvRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  fields: string[];
}

/** RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

function formatNumber(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits).replace('.', ',');
}

function formatSummary(summary: SpellSummary): string {
  const measure = summary.cause === undefined ? 'uden job' : `afgang: ${summary.cause}`;
  const lines: string[] = [];
  for (const g of summary.groups) {
    lines.push(`${g.group}: ${g.n} forløb, ${g.events} hændelser, median ${formatNumber(g.median, 1)} dage (95 % KI ${formatNumber(g.medianLower, 1)}–${formatNumber(g.medianUpper, 1)})`);
    for (const p of g.at) {
      const value = 'survival' in p ? p.survival : p.incidence;
      lines.push(`  dag ${p.t}: ${formatNumber(value * 100, 1)} % ${measure} (95 % KI ${formatNumber(p.lower === null ? null : p.lower * 100, 1)}–${formatNumber(p.upper === null ? null : p.upper * 100, 1)} %)`);
    }
  }
  return `${lines.join('\n')}\n`;
}
