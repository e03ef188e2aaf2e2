import { and, asc, desc, eq } from 'drizzle-orm';
import { addDays, addMonthsClamped, maxIsoDate } from '../../core/calendar/iso-date';
import { ageOnDate } from '../../core/indicators/spell-data';
import type { DbExecutor } from '../connect';
import { jobseekers, spells, wageHours } from '../schema';
import { createSeededRandom, type SeededRandom } from '../../core/synthetic/random';

/** Its own seed, so adding paid hours did not move any other demo data. */
const WAGE_HOURS_SEED = 20_261_129;

/** How likely a spell of the target group is to hold some ordinary paid work (seed 004: 5–20 %). */
const WORKING_SHARE: Record<string, number> = { unemployment_insurance: 0.15, cash_benefit_job_ready: 0.14, cash_benefit_activity_ready: 0.2, resource_course: 0.08 };

/**
 * Ordinary paid hours (løntimer) on the jobcentre demo's unemployment spells, in every whole
 * month before this one: a few people work some hours alongside the benefit, most months. Most
 * come from eIndkomst around the 10th of the next month; some were reported by the person at the
 * month's end. Written after every other writer, so none of them reads it.
 */
export async function writeDemoWageHours(tx: DbExecutor, org: { id: string; kind: 'akasse' | 'jobcenter' }, today: string): Promise<void> {
  if (org.kind !== 'jobcenter') return;
  const random = createSeededRandom(WAGE_HOURS_SEED);
  await writeCashBenefitSpells(tx, random, org, today);
  const list = await tx
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate, endDate: spells.endDate, targetGroup: spells.targetGroup })
    .from(spells)
    .where(and(eq(spells.organisationId, org.id), eq(spells.kind, 'unemployment')))
    .orderBy(asc(spells.startDate), asc(spells.id));
  const thisMonth = `${today.slice(0, 7)}-01`;
  const rows: (typeof wageHours.$inferInsert)[] = [];
  for (const s of list) {
    if (!random.chance(WORKING_SHARE[s.targetGroup] ?? 0.1)) continue;
    const weekly = random.int(3, 20);
    for (let month = `${s.startDate.slice(0, 7)}-01`; month < thisMonth && (s.endDate === null || month <= s.endDate); month = addMonthsClamped(month, 1)) {
      if (!random.chance(0.75)) continue;
      const fromRegister = random.chance(0.8);
      const reported = fromRegister ? addDays(addMonthsClamped(month, 1), 9) : addDays(addMonthsClamped(month, 1), -1);
      if (reported > today) continue;
      rows.push({
        id: random.uuid(),
        organisationId: org.id,
        spellId: s.id,
        jobseekerId: s.jobseekerId,
        month,
        hours: Math.round(weekly * 4.33 * (0.7 + 0.6 * random.int(0, 10) / 10) * 2) / 2,
        source: fromRegister ? 'eindkomst' : 'jobseeker',
        createdBy: null,
        createdAt: new Date(`${reported}T08:00:00Z`),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(wageHours).values(rows.slice(i, i + 200));
}

/**
 * Seed 004 follows paid hours for activity-ready cash benefit recipients over 30 and people in a
 * resource course, groups the generated demo does not hold: a present spell in one of them for
 * some people whose last spell ended at least two months ago (their dagpenge ran out, or they
 * came back on another benefit), started 3–13 months back and still running.
 */
async function writeCashBenefitSpells(tx: DbExecutor, random: SeededRandom, org: { id: string }, today: string): Promise<void> {
  const rows = await tx
    .select({ jobseekerId: spells.jobseekerId, birthDate: jobseekers.birthDate, endDate: spells.endDate, unitId: spells.unitId, caseworkerId: spells.caseworkerId, segment: spells.segment, cadenceTemplateId: spells.cadenceTemplateId })
    .from(spells)
    .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
    .where(eq(spells.organisationId, org.id))
    .orderBy(asc(spells.jobseekerId), desc(spells.startDate));
  const latest = new Map<string, (typeof rows)[number]>();
  const running = new Set<string>();
  for (const r of rows) {
    if (!latest.has(r.jobseekerId)) latest.set(r.jobseekerId, r);
    if (r.endDate === null || r.endDate > today) running.add(r.jobseekerId);
  }
  const inserts: (typeof spells.$inferInsert)[] = [];
  let resource = 0;
  let activityReady = 0;
  for (const [jobseekerId, last] of latest) {
    if (running.has(jobseekerId) || last.endDate === null) continue;
    const startDate = maxIsoDate(addDays(last.endDate, 60), addDays(today, -random.int(90, 400)));
    if (startDate > addDays(today, -60)) continue;
    // Activity-ready over 30 at the start when old enough, else a resource course; about as many of each.
    const over30 = ageOnDate(last.birthDate, startDate) >= 30;
    const targetGroup = over30 && activityReady <= resource ? 'cash_benefit_activity_ready' : 'resource_course';
    if (targetGroup === 'resource_course') resource++;
    else activityReady++;
    inserts.push({
      id: random.uuid(),
      organisationId: org.id,
      jobseekerId,
      kind: 'unemployment',
      startDate,
      registrationDate: startDate,
      targetGroup,
      unitId: last.unitId,
      caseworkerId: last.caseworkerId,
      segment: last.segment,
      cadenceTemplateId: last.cadenceTemplateId,
      status: 'active',
      createdAt: new Date(`${startDate}T09:00:00Z`),
      updatedAt: new Date(`${startDate}T09:00:00Z`),
    });
  }
  for (let i = 0; i < inserts.length; i += 200) await tx.insert(spells).values(inserts.slice(i, i + 200));
}
