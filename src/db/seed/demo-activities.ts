import { and, asc, eq } from 'drizzle-orm';
import { addDays, daysBetween } from '../../core/calendar/iso-date';
import type { DbExecutor } from '../connect';
import { businessActivities, employers, spells } from '../schema';
import { createSeededRandom } from '../../core/synthetic/random';

/** Its own seed, so adding activities did not move any other demo data. */
const ACTIVITY_SEED = 20_261_127;

/**
 * Business-oriented activities (work trials, wage subsidies) on the demo's unemployment spells.
 * The jobcenter starts one for most people still unemployed after a few months (seed 004 aims
 * at 80–85 % before week 26); the a-kasse agrees one for some of those it hands over (seed 001
 * aims at 25 %) and for a few others. Registered on the day they were agreed.
 */
export async function writeDemoBusinessActivities(tx: DbExecutor, org: { id: string; kind: 'akasse' | 'jobcenter' }, today: string): Promise<void> {
  const random = createSeededRandom(ACTIVITY_SEED + (org.kind === 'akasse' ? 0 : 1));
  const employerIds = (await tx.select({ id: employers.id }).from(employers).where(eq(employers.organisationId, org.id)).orderBy(asc(employers.id))).map((e) => e.id);
  const list = await tx
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate, endDate: spells.endDate, endReason: spells.endReason })
    .from(spells)
    .where(and(eq(spells.organisationId, org.id), eq(spells.kind, 'unemployment')))
    .orderBy(asc(spells.startDate), asc(spells.id));
  const rows: (typeof businessActivities.$inferInsert)[] = [];
  for (const s of list) {
    const lastDay = s.endDate ? addDays(s.endDate, -1) : today;
    const length = daysBetween(s.startDate, lastDay);
    let startDay: number;
    if (org.kind === 'jobcenter') {
      if (length < 35 || !random.chance(0.9)) continue;
      startDay = random.int(21, Math.min(length, 190));
    } else if (s.endReason === 'handed_over') {
      // Agreed at or before the joint meeting, often starting just after the handover.
      if (!random.chance(0.35)) continue;
      startDay = Math.max(14, length - 10 + random.int(0, 20));
    } else {
      if (length < 28 || !random.chance(0.12)) continue;
      startDay = random.int(21, length);
    }
    const startDate = addDays(s.startDate, startDay);
    const agreedOn = addDays(startDate, -random.int(3, 14));
    if (agreedOn > today || agreedOn < s.startDate || (s.endDate && agreedOn > s.endDate)) continue;
    const kind = random.chance(0.6) ? ('internship' as const) : ('wage_subsidy' as const);
    rows.push({
      id: random.uuid(),
      organisationId: org.id,
      spellId: s.id,
      jobseekerId: s.jobseekerId,
      kind,
      employerId: employerIds.length ? random.pick(employerIds) : null,
      agreedOn,
      startDate,
      endDate: addDays(startDate, kind === 'internship' ? random.pick([13, 27, 55]) : random.pick([90, 181])),
      note: null,
      createdAt: new Date(`${agreedOn}T11:00:00Z`),
    });
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(businessActivities).values(rows.slice(i, i + 200));
}
