import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { AbsenceReport } from './attendance';

function danishDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** The monthly absence report as an XLSX workbook (Danish headings). */
export async function renderAbsenceReportXlsx(report: AbsenceReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.organisationName;
  const sheet = workbook.addWorksheet(`Fravær ${report.month}`);
  sheet.columns = [
    { header: 'Dato', key: 'day', width: 12 },
    { header: 'Navn', key: 'name', width: 28 },
    { header: 'Tilbud', key: 'offer', width: 28 },
    { header: 'Hold', key: 'session', width: 36 },
    { header: 'Fraværsårsag', key: 'reason', width: 22 },
    { header: 'Til rådighedsvurdering', key: 'counts', width: 22 },
    { header: 'Bemærkning', key: 'note', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of report.rows) {
    sheet.addRow({ day: danishDate(r.day), name: r.name, offer: r.offerTitle, session: r.sessionTitle, reason: r.reasonLabel, counts: r.countsTowardAvailability ? 'Ja' : 'Nej', note: r.note ?? '' });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The monthly absence report as a PDF (A4 landscape, Danish). */
export function renderAbsenceReportPdf(report: AbsenceReport, printedOn: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: `Fraværsrapport ${report.month}`, Author: report.organisationName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(`Fraværsrapport ${report.month}`);
    doc.moveDown(0.3).fontSize(10).fillColor('#444').text(`${report.organisationName}${report.unitName ? ` · ${report.unitName}` : ''} · til rådighedsteamet · udskrevet ${danishDate(printedOn)}`);
    doc.text(`${report.absences} fravær, ${report.people} personer`);
    doc.fillColor('#000').moveDown();
    const columns = [
      { title: 'Dato', width: 70 },
      { title: 'Navn', width: 150 },
      { title: 'Hold', width: 230 },
      { title: 'Årsag', width: 130 },
      { title: 'Rådighed', width: 60 },
      { title: 'Bemærkning', width: 120 },
    ];
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      let x = doc.page.margins.left;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      let height = 0;
      cells.forEach((cell, i) => {
        const w = columns[i]!.width;
        height = Math.max(height, doc.heightOfString(cell, { width: w - 6 }));
        doc.text(cell, x, y, { width: w - 6 });
        x += w;
      });
      doc.y = y + height + 4;
      if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    };
    row(
      columns.map((c) => c.title),
      true,
    );
    if (report.rows.length === 0) doc.font('Helvetica').text('Intet fravær registreret i måneden.', doc.page.margins.left);
    for (const r of report.rows) row([danishDate(r.day), r.name, r.sessionTitle, r.reasonLabel, r.countsTowardAvailability ? 'Ja' : 'Nej', r.note ?? '']);
    doc.end();
  });
}
