import { describe, expect, it } from 'vitest';
import { FeedFormatError, parseCsv, parseVacancyFeed, validateVacancy } from './feed';

const HEADER = 'external_id,title,employer_name,cvr,occupation_code,occupation_text,municipality_code,description,deadline,url';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and gives each record its first line', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nlast,,\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });
  it('skips a byte-order mark and blank lines, and reads a last line without a line break', () => {
    expect(parseCsv('\uFEFFa,b\n\nc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd'] },
    ]);
  });
  it('refuses an unclosed quote, text after a closing quote and a stray quote, naming the line', () => {
    expect(() => parseCsv('a\n"never closed')).toThrow(/line 2/);
    expect(() => parseCsv('"a"b,c')).toThrow(/line 1/);
    expect(() => parseCsv('a,b"c')).toThrow(FeedFormatError);
  });
});

describe('validateVacancy', () => {
  const good = { externalId: 'JN-1', title: 'Pædagog', employerName: 'Børnehuset', municipalityCode: 101, occupationCode: '2342' };
  it('accepts a minimal row and normalises empty optional fields to null', () => {
    const r = validateVacancy({ ...good, cvr: '', deadline: '', url: '' });
    expect(r).toEqual({ ok: true, vacancy: { ...good, cvr: null, occupationText: null, description: '', deadline: null, url: null } });
  });
  it('finds the DISCO-08 code from an occupation text, and reads "0101" as municipality 101', () => {
    const r = validateVacancy({ ...good, occupationCode: '', occupationText: 'Pædagog', municipalityCode: '0101' });
    expect(r.ok && r.vacancy).toMatchObject({ occupationCode: '2342', occupationText: 'Pædagog', municipalityCode: 101 });
  });
  it('gives a Danish and English reason for each kind of bad row', () => {
    const reason = (raw: Record<string, unknown>) => {
      const r = validateVacancy(raw);
      return r.ok ? null : r.issue.reason;
    };
    expect(reason({ ...good, title: '' })).toEqual({ da: 'Feltet titel mangler eller er ugyldigt.', en: 'The field title is missing or invalid.' });
    expect(reason({ ...good, cvr: '12345678' })?.en).toBe('CVR 12345678 fails the modulus 11 check.');
    expect(reason({ ...good, occupationCode: '9999' })?.da).toBe('Ukendt DISCO-08-kode "9999".');
    expect(reason({ ...good, occupationCode: undefined })?.en).toBe('Give a DISCO-08 code or an occupation text.');
    expect(reason({ ...good, occupationCode: undefined, occupationText: 'astronaut på månen' })?.en).toMatch(/matches no DISCO-08 code/);
    expect(reason({ ...good, municipalityCode: 999 })?.en).toBe('Unknown municipality code.');
    expect(reason({ ...good, deadline: '15-12-2026' })?.en).toMatch(/YYYY-MM-DD/);
    expect(reason({ ...good, url: 'javascript:alert(1)' })?.en).toMatch(/http/);
  });
});

describe('parseVacancyFeed', () => {
  it('keeps good CSV rows and rejects bad ones with their line numbers (a quoted line break counts)', () => {
    const csv = [
      HEADER,
      'A1,Pædagog,Børnehuset,20000074,2342,,101,"30 timer,\nfast",2026-12-15,https://job.example/a1',
      'A2,,Børnehuset,,2342,,101,,,',
      'A3,Lagermedarbejder,Lageret,,,,630,,,',
      'A1,Pædagog igen,Børnehuset,,2342,,101,,,',
      'A4,too few',
    ].join('\r\n');
    const feed = parseVacancyFeed(csv, 'csv');
    expect(feed.rows.map((r) => [r.line, r.vacancy.externalId])).toEqual([[2, 'A1']]);
    expect(feed.rejected.map((r) => [r.line, r.externalId, r.reason.en])).toEqual([
      [4, 'A2', 'The field title is missing or invalid.'],
      [5, 'A3', 'Give a DISCO-08 code or an occupation text.'],
      [6, 'A1', 'The same external id as line 2.'],
      [7, null, 'The row has 2 fields; the header has a different number.'],
    ]);
  });
  it('gives JSON rows the line their object starts on', () => {
    const json = `[\n  {"externalId": "J1", "title": "Pædagog", "employerName": "X", "occupationCode": "2342", "municipalityCode": 101},\n  {\n    "externalId": "J2",\n    "title": "Kok, \\"[brace]\\"",\n    "employerName": "Y",\n    "municipalityCode": 101\n  }\n]`;
    const feed = parseVacancyFeed(json, 'json');
    expect(feed.rows.map((r) => r.line)).toEqual([2]);
    expect(feed.rejected).toEqual([{ line: 3, externalId: 'J2', reason: expect.objectContaining({ en: 'Give a DISCO-08 code or an occupation text.' }) }]);
  });
  it('refuses a whole file it cannot read: not JSON, not an array, unknown or missing columns', () => {
    expect(() => parseVacancyFeed('{', 'json')).toThrow('The file is not valid JSON.');
    expect(() => parseVacancyFeed('{"a":1}', 'json')).toThrow(/must be an array/);
    expect(() => parseVacancyFeed('external_id,title,salary\n', 'csv')).toThrow('Unknown columns: salary.');
    expect(() => parseVacancyFeed('external_id,title\n', 'csv')).toThrow('The column employer_name is missing.');
    expect(() => parseVacancyFeed('["\u0000"]', 'json')).toThrow(/NUL characters/);
  });
});
