import PDFDocument from 'pdfkit';
import type { PlanVersion } from './service';

function danishDate(iso: string | null): string {
  if (!iso) return '';
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

const STATUS_DA = { open: 'Aftalt', done: 'Gennemført', dropped: 'Udgået' } as const;

/** The jobseeker's copy of Min Plan as a PDF (A4, Danish), returned as a buffer. */
export function renderPlanPdf(input: { plan: PlanVersion; jobseekerName: string; organisationName: string; printedOn: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Min Plan – ${input.jobseekerName}`, Author: input.organisationName } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const { plan } = input;
    doc.fontSize(20).text('Min Plan');
    doc.moveDown(0.3).fontSize(11).fillColor('#444').text(`${input.jobseekerName} · ${input.organisationName}`);
    doc.text(`Version ${plan.version}, ændret ${danishDate(plan.createdAt.slice(0, 10))} · udskrevet ${danishDate(input.printedOn)}`);
    doc.fillColor('#000').moveDown();
    doc.fontSize(14).text('Jobmål');
    doc.fontSize(11);
    if (plan.jobGoals.length === 0) doc.text('Ingen jobmål endnu.');
    for (const goal of plan.jobGoals) doc.text(`• ${goal.title}${goal.occupationCode ? ` (${goal.occupationCode})` : ''}`);
    doc.moveDown();
    doc.fontSize(14).text('Jobsøgning');
    doc.fontSize(11).text(plan.searchRequirementPerWeek !== null ? `Krav: ${String(plan.searchRequirementPerWeek).replace('.', ',')} ansøgninger om ugen.` : 'Der er ikke aftalt et bestemt antal ansøgninger.');
    if (plan.searchStrategy) doc.moveDown(0.3).text(plan.searchStrategy);
    doc.moveDown();
    doc.fontSize(14).text('Aftaler');
    doc.fontSize(11);
    if (plan.activities.length === 0) doc.text('Ingen aftaler endnu.');
    for (const a of plan.activities) doc.text(`• ${a.title}${a.dueDate ? ` – senest ${danishDate(a.dueDate)}` : ''} (${STATUS_DA[a.status]})`);
    if (plan.changeNote) doc.moveDown().fontSize(10).fillColor('#444').text(`Ændring: ${plan.changeNote}`);
    doc.end();
  });
}
