import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { TrafficLight } from '../../core/indicators';
import type { ScorecardCell, ScorecardTable } from './scorecard-table';

// Scorecards are aggregates: no names, no CPR numbers, no ids of people, and no figure resting
// on fewer than 5 spells (those cells say "<5"). So exports write no audit row of personal data.

const MONTHS_DA = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
export const monthLabel = (month: string) => `${MONTHS_DA[Number(month.slice(5, 7)) - 1]}-${month.slice(2, 4)}`;
const danishDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const LIGHT_DA: Record<TrafficLight, string> = { met: 'Opfyldt', near: 'Tæt på', not_met: 'Ikke opfyldt', none: '' };
const UNIT_DA: Record<string, string> = { percent: 'pct.', count: 'antal', weeks: 'uger' };
export const SUPPRESSION_NOTE = 'Tal, der bygger på færre end 5 forløb, vises ikke ("<5"), så ingen enkeltperson kan genkendes. Statusskemaet indeholder kun samlede tal.';

function cellText(cell: Pick<ScorecardCell, 'status' | 'value'>): string {
  switch (cell.status) {
    case 'ok':
      return cell.value === null ? '' : String(cell.value).replace('.', ',');
    case 'suppressed':
      return '<5';
    case 'awaiting_data':
      return 'afventer data';
    case 'no_data':
      return '–';
    default:
      return cell.status satisfies never;
  }
}

const sourceNote = (table: ScorecardTable) =>
  table.months
    .filter((m) => m.source !== 'snapshot' || m.revisions > 1)
    .map((m) => (m.source === 'snapshot' ? `${monthLabel(m.month)}: revision ${m.revision} af ${m.revisions}` : m.source === 'provisional' ? `${monthLabel(m.month)}: foreløbig (målt ${danishDate(m.measuredOn)})` : `${monthLabel(m.month)}: beregnet nu, ikke gemt`))
    .join('; ');

/** The header row as seed 004's statusskema has it. */
function headings(table: ScorecardTable): string[] {
  return [`Statusskema ${table.name}`, 'Enhed', 'Startmåling', 'Startmåling dato', ...table.months.map((m) => monthLabel(m.month)), ...table.milestones.map((d) => `Mindste mål pr. ${danishDate(d)}`)];
}

function rowValues(row: ScorecardTable['rows'][number], milestones: string[]): (string | number | null)[] {
  const baseline = row.baseline.status === 'ok' || !row.baseline.computed ? row.baseline.value : null;
  return [
    row.name.da,
    UNIT_DA[row.unit] ?? row.unit,
    row.baseline.status === 'suppressed' ? '<5' : baseline,
    row.baseline.date ? danishDate(row.baseline.date) : null,
    ...row.cells.map((c) => (c.status === 'ok' ? c.value : cellText(c))),
    ...milestones.map((d) => row.targets.find((t) => t.date === d)?.value ?? null),
  ];
}

export async function renderScorecardXlsx(table: ScorecardTable, organisationName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jobspor';
  book.created = new Date(`${table.measuredOn}T00:00:00Z`);
  const sheet = book.addWorksheet('Statusskema');
  sheet.addRow([`${organisationName} – ${table.name}`]).font = { bold: true, size: 14 };
  sheet.addRow([`Opfølgning pr. ${danishDate(table.measuredOn)}`]);
  sheet.addRow([]);
  const header = sheet.addRow(headings(table));
  header.font = { bold: true };
  const fills: Record<TrafficLight, string | null> = { met: 'FFC6EFCE', near: 'FFFFEB9C', not_met: 'FFFFC7CE', none: null };
  for (const row of table.rows) {
    const added = sheet.addRow(rowValues(row, table.milestones));
    row.cells.forEach((c, i) => {
      const fill = fills[c.light];
      const cell = added.getCell(5 + i);
      if (typeof cell.value === 'number') cell.numFmt = '0.0';
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  sheet.addRow([]);
  sheet.addRow(['Farver: grøn = mål opfyldt, gul = tæt på målet, rød = ikke opfyldt (arket "Målopfyldelse" siger det samme i tekst).']);
  sheet.addRow([SUPPRESSION_NOTE]);
  const note = sourceNote(table);
  if (note) sheet.addRow([note]);
  sheet.getColumn(1).width = 60;
  for (let c = 2; c <= headings(table).length; c++) sheet.getColumn(c).width = 12;

  const lights = book.addWorksheet('Målopfyldelse');
  lights.addRow(headings(table).filter((_, i) => i !== 1 && i !== 2 && i !== 3)).font = { bold: true };
  for (const row of table.rows) lights.addRow([row.name.da, ...row.cells.map((c) => LIGHT_DA[c.light]), ...table.milestones.map((d) => LIGHT_DA[row.targets.find((t) => t.date === d)?.light ?? 'none'])]);
  lights.getColumn(1).width = 60;

  const about = book.addWorksheet('Indikatorer');
  about.addRow(['Indikator', 'Sådan tælles den', 'Status']).font = { bold: true };
  for (const row of table.rows) about.addRow([row.name.da, row.description.da, row.indicatorStatus === 'awaiting_data' ? 'Afventer data' : 'Beregnes']);
  about.getColumn(1).width = 50;
  about.getColumn(2).width = 120;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** CSV as Danish Excel opens it: UTF-8 with a byte-order mark, semicolons, decimal commas. */
export function renderScorecardCsv(table: ScorecardTable): Buffer {
  const quote = (v: string | number | null) => {
    const text = v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [headings(table), ...table.rows.map((r) => rowValues(r, table.milestones))].map((row) => row.map(quote).join(';'));
  lines.push('', quote(SUPPRESSION_NOTE));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** PDF: the newest six months, baseline and targets, with the judgement in words beside each figure. */
export function renderScorecardPdf(table: ScorecardTable, organisationName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: `Statusskema – ${table.name}`, Author: organisationName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(`Statusskema – ${table.name}`);
    doc.fontSize(10).fillColor('#444').text(`${organisationName} · opfølgning pr. ${danishDate(table.measuredOn)}`).fillColor('#000').moveDown();
    const months = table.months.slice(-6);
    const offset = table.months.length - months.length;
    const columns = ['Indikator', 'Start', ...months.map((m) => monthLabel(m.month)), ...table.milestones.map((d) => `Mål ${danishDate(d)}`)];
    const first = 230;
    const width = (doc.page.width - 72 - first) / Math.max(1, columns.length - 1);
    const drawRow = (cells: string[], bold = false) => {
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      const heights = cells.map((text, i) => doc.heightOfString(text, { width: i === 0 ? first - 6 : width - 4 }));
      const h = Math.max(...heights) + 4;
      if (y + h > doc.page.height - 48) {
        doc.addPage();
        return drawRow(cells, bold);
      }
      cells.forEach((text, i) => doc.text(text, i === 0 ? 36 : 36 + first + (i - 1) * width, y, { width: i === 0 ? first - 6 : width - 4 }));
      doc.moveTo(36, y + h - 1).lineTo(doc.page.width - 36, y + h - 1).strokeColor('#ccc').stroke();
      doc.x = 36;
      doc.y = y + h;
    };
    drawRow(columns, true);
    for (const row of table.rows) {
      const cells = row.cells.slice(offset).map((c) => `${cellText(c)}${c.light !== 'none' ? `\n${LIGHT_DA[c.light]}` : ''}`);
      const baseline = row.baseline.status === 'suppressed' ? '<5' : row.baseline.value === null ? '' : String(row.baseline.value).replace('.', ',');
      drawRow([`${row.name.da} (${UNIT_DA[row.unit] ?? row.unit})`, baseline, ...cells, ...table.milestones.map((d) => {
        const t = row.targets.find((x) => x.date === d);
        return t ? `${String(t.value).replace('.', ',')}${t.light !== 'none' ? `\n${LIGHT_DA[t.light]}` : ''}` : '';
      })]);
    }
    doc.moveDown().font('Helvetica').fontSize(8).fillColor('#444').text(SUPPRESSION_NOTE, 36);
    const note = sourceNote(table);
    if (note) doc.text(note, 36);
    doc.end();
  });
}
