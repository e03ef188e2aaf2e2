import { z } from 'zod';
import { parseCvr } from '../identity/cvr';
import type { Label } from '../reference/label';
import { isMunicipalityCode } from '../reference/municipalities';
import { isOccupationCode, searchOccupations } from '../reference/occupations';

// Vacancy feeds (docs/vacancy-feed.md): a JSON array of objects or a CSV file with a header row.
// Pure: the text in, the good rows and the rejected rows (with their line numbers and a Danish and
// English reason) out. No CSV library is among the dependencies, so parseCsv below is a small,
// strict RFC 4180 reader (quoted fields, "" inside quotes, CRLF or LF), nothing more.

export type FeedFormat = 'json' | 'csv';

export type FeedVacancy = {
  externalId: string;
  title: string;
  employerName: string;
  cvr: string | null;
  occupationCode: string;
  /** What the feed wrote when it gave text instead of a code (kept for the record). */
  occupationText: string | null;
  municipalityCode: number;
  description: string;
  deadline: string | null;
  url: string | null;
};

export type FeedRow = { line: number; vacancy: FeedVacancy };
export type FeedRejection = { line: number; externalId: string | null; reason: Label };
export type ParsedFeed = { rows: FeedRow[]; rejected: FeedRejection[] };

/** The whole file cannot be read (not JSON, unbalanced quotes, no header): nothing is imported. */
export class FeedFormatError extends Error {
  constructor(
    readonly reason: Label,
    readonly line: number | null = null,
  ) {
    super(reason.en);
  }
}

export const FEED_MAX_ROWS = 5000;

const CSV_COLUMNS = {
  external_id: 'externalId',
  title: 'title',
  employer_name: 'employerName',
  cvr: 'cvr',
  occupation_code: 'occupationCode',
  occupation_text: 'occupationText',
  municipality_code: 'municipalityCode',
  description: 'description',
  deadline: 'deadline',
  url: 'url',
} as const;

/** RFC 4180: returns each record with the line number it starts on (1 = the first line). */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atFieldStart && c === '"') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new FeedFormatError({ da: `Et felt i anførselstegn, der starter i linje ${quoteLine}, slutter aldrig.`, en: `A quoted field starting on line ${quoteLine} never ends.` }, quoteLine);
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new FeedFormatError({ da: `Tekst efter et afsluttende anførselstegn i linje ${line}.`, en: `Text after a closing quote on line ${line}.` }, line);
      }
      atFieldStart = false;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (c === '"') throw new FeedFormatError({ da: `Et anførselstegn midt i et felt uden anførselstegn i linje ${line}.`, en: `A quote inside an unquoted field on line ${line}.` }, line);
    field += c;
    atFieldStart = false;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** The line each top-level element of a JSON array starts on (the text must already parse). */
function jsonElementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

type Issue = { field: string; reason: Label };

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()))
    .pipe(z.string().max(max).nullable());

const ZRaw = z.object({
  externalId: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1).max(200)),
  title: text(300).min(1),
  employerName: text(300).min(1),
  cvr: optionalText(20),
  occupationCode: z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim())),
  occupationText: optionalText(200),
  municipalityCode: z.union([z.string(), z.number()]).transform((v) => (typeof v === 'number' ? v : /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : NaN)),
  description: optionalText(20000),
  deadline: optionalText(10),
  url: optionalText(2000),
});

const FIELD_LABEL: Record<string, Label> = {
  externalId: { da: 'eksternt id', en: 'external id' },
  title: { da: 'titel', en: 'title' },
  employerName: { da: 'arbejdsgiverens navn', en: 'employer name' },
  cvr: { da: 'CVR', en: 'CVR' },
  occupationCode: { da: 'DISCO-08-kode', en: 'DISCO-08 code' },
  occupationText: { da: 'stillingsbetegnelse', en: 'occupation text' },
  municipalityCode: { da: 'kommunekode', en: 'municipality code' },
  description: { da: 'beskrivelse', en: 'description' },
  deadline: { da: 'ansøgningsfrist', en: 'deadline' },
  url: { da: 'URL', en: 'URL' },
};

function missingOrInvalid(field: string): Label {
  const l = FIELD_LABEL[field] ?? { da: field, en: field };
  return { da: `Feltet ${l.da} mangler eller er ugyldigt.`, en: `The field ${l.en} is missing or invalid.` };
}

/** Validate one feed object; the first problem found is the reason. */
export function validateVacancy(raw: unknown): { ok: true; vacancy: FeedVacancy } | { ok: false; externalId: string | null; issue: Issue } {
  const externalId = raw && typeof raw === 'object' && 'externalId' in raw && (typeof raw.externalId === 'string' || typeof raw.externalId === 'number') ? String(raw.externalId).trim() || null : null;
  const fail = (field: string, reason: Label) => ({ ok: false as const, externalId, issue: { field, reason } });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('row', { da: 'Rækken er ikke et objekt.', en: 'The row is not an object.' });
  const parsed = ZRaw.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'row');
    return fail(field, missingOrInvalid(field));
  }
  const v = parsed.data;
  let cvr: string | null = null;
  if (v.cvr !== null) {
    const c = parseCvr(v.cvr);
    if (!c.ok) return fail('cvr', c.reason === 'checksum' ? { da: `CVR ${v.cvr} består ikke modulus 11-kontrollen.`, en: `CVR ${v.cvr} fails the modulus 11 check.` } : { da: `CVR skal være 8 cifre (fik "${v.cvr}").`, en: `CVR must be 8 digits (got "${v.cvr}").` });
    cvr = c.cvr;
  }
  let occupationCode: string;
  if (v.occupationCode !== null) {
    if (!isOccupationCode(v.occupationCode)) return fail('occupationCode', { da: `Ukendt DISCO-08-kode "${v.occupationCode}".`, en: `Unknown DISCO-08 code "${v.occupationCode}".` });
    occupationCode = v.occupationCode;
  } else if (v.occupationText !== null) {
    const hits = searchOccupations(v.occupationText, 2);
    const hit = hits[0]?.exact || hits.length === 1 ? hits[0] : undefined;
    if (hits.length > 1 && !hit) return fail('occupationText', { da: `Stillingsbetegnelsen "${v.occupationText}" passer på flere DISCO-08-koder; angiv koden.`, en: `The occupation text "${v.occupationText}" fits several DISCO-08 codes; give the code.` });
    if (!hit) return fail('occupationText', { da: `Stillingsbetegnelsen "${v.occupationText}" svarer ikke til nogen DISCO-08-kode.`, en: `The occupation text "${v.occupationText}" matches no DISCO-08 code.` });
    occupationCode = hit.occupation.code;
  } else {
    return fail('occupationCode', { da: 'Angiv en DISCO-08-kode eller en stillingsbetegnelse.', en: 'Give a DISCO-08 code or an occupation text.' });
  }
  if (!isMunicipalityCode(v.municipalityCode)) return fail('municipalityCode', { da: 'Ukendt kommunekode.', en: 'Unknown municipality code.' });
  if (v.deadline !== null && !z.iso.date().safeParse(v.deadline).success) return fail('deadline', { da: `Ansøgningsfristen skal skrives ÅÅÅÅ-MM-DD (fik "${v.deadline}").`, en: `The deadline must be written YYYY-MM-DD (got "${v.deadline}").` });
  if (v.url !== null && !/^https?:\/\/[^\s]+$/i.test(v.url)) return fail('url', { da: 'URL skal begynde med http:// eller https://.', en: 'The URL must start with http:// or https://.' });
  return {
    ok: true,
    vacancy: {
      externalId: v.externalId,
      title: v.title,
      employerName: v.employerName,
      cvr,
      occupationCode,
      occupationText: v.occupationText,
      municipalityCode: v.municipalityCode,
      description: v.description ?? '',
      deadline: v.deadline,
      url: v.url,
    },
  };
}

function rowsOf(content: string, format: FeedFormat): { line: number; raw: unknown }[] {
  if (content.includes('\u0000')) throw new FeedFormatError({ da: 'Filen indeholder NUL-tegn; er den en tekstfil (UTF-8)?', en: 'The file contains NUL characters; is it a text file (UTF-8)?' });
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      throw new FeedFormatError({ da: 'Filen er ikke gyldig JSON.', en: 'The file is not valid JSON.' });
    }
    if (!Array.isArray(data)) throw new FeedFormatError({ da: 'JSON-filen skal være en liste ([ … ]) af stillinger.', en: 'The JSON file must be an array ([ … ]) of vacancies.' });
    const lines = jsonElementLines(content);
    return data.map((raw, i) => ({ line: lines[i] ?? i + 1, raw }));
  }
  const records = parseCsv(content);
  const header = records.shift();
  if (!header) throw new FeedFormatError({ da: 'CSV-filen er tom.', en: 'The CSV file is empty.' });
  const keys = header.fields.map((h) => h.trim().toLowerCase());
  const unknown = keys.filter((k) => !(k in CSV_COLUMNS));
  if (unknown.length > 0) throw new FeedFormatError({ da: `Ukendte kolonner: ${unknown.join(', ')}.`, en: `Unknown columns: ${unknown.join(', ')}.` }, header.line);
  for (const needed of ['external_id', 'title', 'employer_name', 'municipality_code']) {
    if (!keys.includes(needed)) throw new FeedFormatError({ da: `Kolonnen ${needed} mangler.`, en: `The column ${needed} is missing.` }, header.line);
  }
  return records.map((r) => {
    if (r.fields.length !== keys.length) return { line: r.line, raw: { __columns: r.fields.length } };
    const raw: Record<string, string> = {};
    keys.forEach((k, i) => {
      raw[CSV_COLUMNS[k as keyof typeof CSV_COLUMNS]] = r.fields[i]!;
    });
    return { line: r.line, raw };
  });
}

/** Read a whole feed: good rows kept, bad ones rejected with their line and a reason; a repeated external id is rejected. */
export function parseVacancyFeed(content: string, format: FeedFormat): ParsedFeed {
  const all = rowsOf(content, format);
  if (all.length > FEED_MAX_ROWS) throw new FeedFormatError({ da: `Højst ${FEED_MAX_ROWS} stillinger pr. fil.`, en: `At most ${FEED_MAX_ROWS} vacancies per file.` });
  const rows: FeedRow[] = [];
  const rejected: FeedRejection[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of all) {
    if (raw && typeof raw === 'object' && '__columns' in raw) {
      rejected.push({ line, externalId: null, reason: { da: `Rækken har ${String(raw.__columns)} felter, overskriften et andet antal.`, en: `The row has ${String(raw.__columns)} fields; the header has a different number.` } });
      continue;
    }
    const result = validateVacancy(raw);
    if (!result.ok) {
      rejected.push({ line, externalId: result.externalId, reason: result.issue.reason });
      continue;
    }
    const first = seen.get(result.vacancy.externalId);
    if (first !== undefined) {
      rejected.push({ line, externalId: result.vacancy.externalId, reason: { da: `Samme eksterne id som linje ${first}.`, en: `The same external id as line ${first}.` } });
      continue;
    }
    seen.set(result.vacancy.externalId, line);
    rows.push({ line, vacancy: result.vacancy });
  }
  return { rows, rejected };
}
