import PDFDocument from 'pdfkit';
import type { PortalService } from './service';

type Export = Awaited<ReturnType<PortalService['exportData']>>;

function line(doc: PDFKit.PDFDocument, label: string, value: unknown) {
  if (value === null || value === undefined || value === '') return;
  doc.text(`${label}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
}

/** "Mine data" as a PDF: the same content as the JSON download, readable (Danish). */
export function renderDataPdf(data: Export): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const name = `${data.person.firstName} ${data.person.lastName}`;
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Mine data – ${name}`, Author: data.person.organisationName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const section = (title: string) => doc.moveDown().fontSize(14).fillColor('#000').text(title).fontSize(10);
    doc.fontSize(20).text('Mine data');
    doc.moveDown(0.3).fontSize(11).fillColor('#444').text(`${name} · ${data.person.organisationName} · udtrukket ${data.exportedAt.slice(0, 10)}`);
    section('Oplysninger om dig');
    for (const [k, v] of Object.entries(data.person)) line(doc, k, v);
    section('Forløb');
    if (data.spells.length === 0) doc.text('Ingen.');
    for (const s of data.spells) doc.text(`• ${s.startDate}${s.endDate ? ` – ${s.endDate}` : ''}: ${s.kind}, ${s.targetGroup}${s.segment ? `, ${s.segment}` : ''} (${s.status})`);
    section('Samtaler');
    if (data.conversations.length === 0) doc.text('Ingen.');
    for (const c of data.conversations) doc.text(`• ${String(c.label)} – ${String(c.status)}${c.scheduledAt ? `, ${String(c.scheduledAt).slice(0, 16).replace('T', ' ')}` : ''}`);
    section('Spørgeskema');
    if (data.profiling.length === 0) doc.text('Ikke besvaret.');
    for (const p of data.profiling) {
      doc.text(`Besvaret ${String(p.answeredAt).slice(0, 10)}:`);
      for (const [k, v] of Object.entries((p.answers ?? {}) as Record<string, unknown>)) line(doc, `  ${k}`, v);
    }
    section('Min Plan');
    if (data.plans.length === 0) doc.text('Ingen plan endnu.');
    for (const p of data.plans) {
      doc.text(`Version ${String(p.version)} (${String(p.createdAt).slice(0, 10)})`);
      for (const g of (p.jobGoals ?? []) as { title: string }[]) doc.text(`  Jobmål: ${g.title}`);
      for (const a of (p.activities ?? []) as { title: string; dueDate: string | null }[]) doc.text(`  Aftale: ${a.title}${a.dueDate ? ` – senest ${a.dueDate}` : ''}`);
    }
    section('Dine kommentarer til planen');
    if (data.planComments.length === 0) doc.text('Ingen.');
    for (const c of data.planComments) doc.text(`• ${String(c.createdAt).slice(0, 10)}: ${String(c.body)}`);
    section('Tilbud');
    if (data.offers.length === 0) doc.text('Ingen.');
    for (const o of data.offers) doc.text(`• ${String(o.offer)}, ${String(o.session)}, ${String(o.startsAt).slice(0, 10)} (${String(o.status)})`);
    section('Joblog');
    if (data.joblog.length === 0) doc.text('Ingen.');
    for (const e of data.joblog) doc.text(`• ${String(e.date)}: ${String(e.jobTitle)}, ${String(e.employer)} (${String(e.kind)}, ${String(e.status)})${e.note ? ` – ${String(e.note)}` : ''}`);
    section('Beskeder');
    if (data.messages.length === 0) doc.text('Ingen.');
    for (const m of data.messages) doc.text(`• ${String(m.createdAt).slice(0, 16).replace('T', ' ')} ${m.authorKind === 'jobseeker' ? 'fra dig' : 'til dig'} – ${String(m.subject)}: ${String(m.body)}`);
    section('CV');
    if (!data.cv) doc.text('Intet CV endnu.');
    else for (const [k, v] of Object.entries(data.cv)) line(doc, k, Array.isArray(v) ? v.join(', ') : v);
    section('Gemte søgninger');
    if (data.savedSearches.length === 0) doc.text('Ingen.');
    for (const q of data.savedSearches) doc.text(`• ${[...((q.occupationCodes ?? []) as string[]), q.freeText ? String(q.freeText) : null, q.municipalityCode ? `kommune ${String(q.municipalityCode)} + ${String(q.radiusKm)} km` : null].filter(Boolean).join(', ')}`);
    doc.end();
  });
}
