// Times the caseload list, the task sweep and the compliance summary on a synthetic
// organisation of many spells, on embedded PGlite. Run: npx tsx bench/caseload.ts [spells]
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { connectDatabase } from '../src/db/connect';
import { upsertReferenceData } from '../src/db/seed/reference';
import { seedDemoIfEmpty } from '../src/db/seed/demo';
import { conversations, jobseekers, organisations, spells, staff } from '../src/db/schema';
import { addDays } from '../src/core/calendar/iso-date';
import { createCprCipher } from '../src/server/crypto/cpr-cipher';
import { fixedClock } from '../src/server/clock';
import { createCaseloadService } from '../src/server/caseload/service';
import { createComplianceService } from '../src/server/compliance/service';
import { sweepAllSpellTasks } from '../src/server/tasks/sync-spell-tasks';
import type { TenantContext } from '../src/server/context';

const SPELLS = Number(process.argv[2] ?? 5000);
const TODAY = '2026-11-02';

const conn = await connectDatabase({ kind: 'pglite' });
await conn.migrate();
await upsertReferenceData(conn.db);
const clock = fixedClock(`${TODAY}T09:00:00Z`);
await seedDemoIfEmpty(conn.db, createCprCipher(Buffer.alloc(32, 7).toString('base64')), TODAY);
const db = conn.db;
const [org] = await db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
const people = await db.select({ id: jobseekers.id }).from(jobseekers).where(eq(jobseekers.organisationId, org!.id));
const caseworkers = await db.select().from(staff).where(eq(staff.organisationId, org!.id));
const workers = caseworkers.filter((s) => s.role === 'caseworker');
const manager = caseworkers.find((s) => s.role === 'manager')!;

let seed = 1;
const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
const spellRows: (typeof spells.$inferInsert)[] = [];
const convRows: (typeof conversations.$inferInsert)[] = [];
for (let i = 0; i < SPELLS; i += 1) {
  const worker = workers[i % workers.length]!;
  const start = addDays(TODAY, -Math.floor(rand() * 200));
  const id = randomUUID();
  spellRows.push({ id, organisationId: org!.id, jobseekerId: people[i % people.length]!.id, kind: 'unemployment', startDate: start, registrationDate: start, targetGroup: 'dagpenge', unitId: worker.unitId, caseworkerId: worker.id, segment: rand() < 0.1 ? null : 'hk-1', status: rand() < 0.15 ? 'ended' : 'active', endDate: null });
  for (const [k, offset] of [[0, 14], [1, 62], [2, 90], [3, 120]] as const) {
    const latest = addDays(start, offset);
    const held = latest < TODAY && rand() < 0.8;
    convRows.push({ id: randomUUID(), organisationId: org!.id, spellId: id, type: k === 0 ? 'cv_contact' : 'contact', label: `Samtale ${k + 1}`, mandatory: k < 3, plannedMode: 'any', earliest: addDays(start, offset - 14), latest, status: held ? 'held' : rand() < 0.3 ? 'booked' : 'planned', heldOn: held ? addDays(latest, rand() < 0.9 ? -2 : 3) : null });
  }
}
for (let i = 0; i < spellRows.length; i += 1000) await db.insert(spells).values(spellRows.slice(i, i + 1000));
for (let i = 0; i < convRows.length; i += 1000) await db.insert(conversations).values(convRows.slice(i, i + 1000));

if (process.argv.includes('--analyze')) await db.execute(sql`analyze`);
if (process.argv.includes('--explain')) {
  const { searchCaseload } = await import('../src/server/caseload/queries');
  const ctx0: TenantContext = { organisationId: org!.id, actor: { kind: 'system', id: null }, purpose: 'bench', lang: 'da', clock };
  const q = (db as unknown as { $client: { query(t: string, v: unknown[]): Promise<{ rows: Record<string, string>[] }> } }).$client;
  const original = q.query.bind(q);
  let captured: { text: string; values: unknown[] } | null = null;
  q.query = (async (text: string, values: unknown[], opts?: unknown) => { if (!captured && text.includes('next_conversation')) captured = { text, values }; return (original as (...a: unknown[]) => unknown)(text, values, opts); }) as never;
  await searchCaseload(db, ctx0, { status: 'active', today: TODAY, dueSoonUntil: '2026-11-09' }, { page: 20, pageSize: 25, sort: (process.env.SORT ?? 'light') as 'light' });
  const plan = await original(`explain analyze ${captured!.text}`, captured!.values);
  console.log(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
  process.exit(0);
}
/** Median of three runs: the first run of a query also pays for planning and warming caches. */
async function time<T>(label: string, run: () => Promise<T>, runs = 3): Promise<T> {
  const ms: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    result = await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} ${String(Math.round(ms[Math.floor(runs / 2)]!)).padStart(6)} ms (${ms.map(Math.round).join(' / ')})`);
  return result!;
}

console.log(`${SPELLS} spells, ${convRows.length} conversations, embedded PGlite`);
const first = await time('task sweep, first run', () => sweepAllSpellTasks(db, clock), 1);
console.log('  ', JSON.stringify(first));
const second = await time('task sweep, again (nothing to do)', () => sweepAllSpellTasks(db, clock));
console.log('  ', JSON.stringify(second));
const ctx: TenantContext = { organisationId: org!.id, actor: { kind: 'staff', id: manager.id, role: 'manager', unitId: null, name: manager.name }, purpose: 'bench', lang: 'da', clock };
const caseload = createCaseloadService({ db });
const base = { status: 'active' as const, page: 1, pageSize: 25, sort: 'light' as const };
await time('caseload, whole organisation, light sort, page 1', () => caseload.listCaseload(ctx, base));
await time('caseload, whole organisation, light=overdue', () => caseload.listCaseload(ctx, { ...base, light: 'overdue' }));
await time('caseload, one caseworker', () => caseload.listCaseload(ctx, { ...base, caseworkerId: workers[0]!.id }));
await time('caseload, page 20 by name', () => caseload.listCaseload(ctx, { ...base, page: 20, sort: 'name' }));
const compliance = createComplianceService({ db });
const summary = await time('compliance summary, 12 months', () => compliance.summarise(ctx, {}));
console.log('  ', JSON.stringify({ spells: summary.spells, onTime: summary.onTime.share, twoTalks: summary.twoTalksInThreeMonths.share }));
await conn.close();
