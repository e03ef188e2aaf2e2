import { and, eq } from 'drizzle-orm';
import { addDays, daysBetween, startOfCopenhagenDay } from '../../core/calendar/iso-date';
import { formatDanishDate } from '../../core/caseload/danish-date';
import { createWorkingCalendar, type WorkingCalendar } from '../../core/calendar/working-calendar';
import { planConversations } from '../../core/cadence/plan-conversations';
import type { TCadence } from '../../core/cadence/cadence-schema';
import { monthEndReachingHours } from '../../core/spells/benefit-hours';
import type { DbExecutor } from '../connect';
import {
  benefitHours,
  conversationEvents,
  conversations,
  jobPlans,
  jobseekers,
  orgTemplates,
  profilingResponses,
  segmentAssessments,
  spells,
  staff,
  tasks,
} from '../schema';
import type { SeededRandom } from '../../core/synthetic/random';

type Org = { id: string; kind: 'akasse' | 'jobcenter' };

const MIN_PENDING_SEGMENT = 3;

const ANSWER_SETS = [
  { expected_time_to_job: 'within_1_month', own_chances: 5, health_limitations: false, occupation_breadth: 'several_occupations', commute_time: 'up_to_60_min', education_match: 'yes', job_interview_since_notice: true, application_confidence: 4, other_obstacles: false },
  { expected_time_to_job: 'within_3_months', own_chances: 4, health_limitations: false, occupation_breadth: 'one_occupation', commute_time: 'up_to_30_min', education_match: 'partly', job_interview_since_notice: false, application_confidence: 3, other_obstacles: false },
  { expected_time_to_job: 'over_6_months', own_chances: 2, health_limitations: true, occupation_breadth: 'one_occupation', commute_time: 'up_to_30_min', education_match: 'no', job_interview_since_notice: false, application_confidence: 2, other_obstacles: true },
];

const JOB_GOALS = ['Kontorassistent', 'Lagermedarbejder', 'Pædagog', 'Social- og sundhedsassistent', 'Butiksassistent', 'Regnskabsmedarbejder', 'Chauffør', 'IT-supporter', 'Kok', 'HR-konsulent'];

/**
 * Spells, conversations, plans and decisions for the demo jobseekers, made with the same
 * planning rules the app uses, so the caseload looks like a real one on first start: spells in
 * every segment and state, talks held, booked, overdue and missed.
 */
export async function writeDemoCourse(tx: DbExecutor, random: SeededRandom, org: Org, today: string): Promise<void> {
  const calendar = createWorkingCalendar();
  const templates = await tx.select().from(orgTemplates).where(eq(orgTemplates.organisationId, org.id));
  const cadenceByKey = new Map(templates.filter((t) => t.kind === 'cadence').map((t) => [t.key, { id: t.id, cadence: t.definition as unknown as TCadence }]));
  const questionnaire = templates.find((t) => t.kind === 'questionnaire')!;
  const riskModel = templates.find((t) => t.kind === 'risk_model')!;
  const people = await tx.select({ id: jobseekers.id, createdAt: jobseekers.createdAt }).from(jobseekers).where(eq(jobseekers.organisationId, org.id)).orderBy(jobseekers.id);
  const caseworkers = await tx
    .select({ id: staff.id, unitId: staff.unitId, email: staff.email })
    .from(staff)
    .where(and(eq(staff.organisationId, org.id), eq(staff.role, 'caseworker')))
    .orderBy(staff.email);

  const segmentMix: [string, number][] = org.kind === 'akasse' ? [['hk-1', 0.5], ['hk-2', 0.35], ['hk-3', 0.15]] : [['jobviften-dagpenge', 0.4], ['jobviften-kontanthjaelp', 0.45], ['hk-3', 0.15]];
  const rows = { spells: [] as (typeof spells.$inferInsert)[], conversations: [] as (typeof conversations.$inferInsert)[], events: [] as (typeof conversationEvents.$inferInsert)[], plans: [] as (typeof jobPlans.$inferInsert)[], responses: [] as (typeof profilingResponses.$inferInsert)[], assessments: [] as (typeof segmentAssessments.$inferInsert)[], hours: [] as (typeof benefitHours.$inferInsert)[], tasks: [] as (typeof tasks.$inferInsert)[] };
  const todayInstant = new Date(`${today}T08:00:00Z`);
  let pendingCount = 0;
  let noticeCount = 0;
  let noticeEndedCount = 0;
  let overdueCount = 0;

  for (const person of people) {
    if (random.chance(0.12)) continue; // registered, no spell yet
    // The named demo caseworker (first by e-mail: vejleder@…) carries about half of the caseload.
    const caseworker = random.chance(0.5) ? caseworkers.find((c) => c.email.startsWith('vejleder@') || c.email.startsWith('konsulent@'))! : random.pick(caseworkers);
    const ageDays = random.chance(0.65) ? random.int(0, 110) : random.int(111, 420);
    const startDate = calendar.previousWorkingDayOnOrBefore(addDays(today, -ageDays));
    const segment = pickWeighted(random, segmentMix);
    const cadence = cadenceByKey.get(segment)!;
    const isNotice = org.kind === 'akasse' && ageDays < 25 && random.chance(0.35);
    // A few fresh spells always wait for their segment, so the intake work shows on first start.
    const pendingSegment = (!isNotice && ageDays < 6 && random.chance(0.6)) || (!isNotice && ageDays < 20 && pendingCount < MIN_PENDING_SEGMENT);
    if (pendingSegment) pendingCount++;
    if (isNotice) noticeCount++;
    const id = random.uuid();
    const targetGroup = org.kind === 'akasse' ? 'unemployment_insurance' : segment === 'jobviften-kontanthjaelp' ? 'cash_benefit_job_ready' : 'unemployment_insurance';
    // Some notice spells (the first that can, then every fourth) ended early: the person found a job before the notice ran out.
    const noticeEndedEarly = isNotice && ageDays >= 4 && (noticeEndedCount === 0 || noticeCount % 4 === 0);
    if (noticeEndedEarly) noticeEndedCount++;
    const ended = noticeEndedEarly || ageDays > 200 || (ageDays > 60 && random.chance(0.35));
    const endDate = noticeEndedEarly ? addDays(startDate, Math.floor(ageDays / 2)) : ended ? addDays(startDate, random.int(40, Math.max(41, ageDays - 1))) : null;
    const endReason = noticeEndedEarly ? 'ordinary_job' : ended ? pickWeighted(random, END_REASON_MIX[org.kind]) : null;
    const created = new Date(`${startDate}T09:00:00Z`);
    rows.spells.push({
      id,
      organisationId: org.id,
      jobseekerId: person.id,
      kind: isNotice ? 'notice' : 'unemployment',
      startDate,
      registrationDate: startDate,
      noticeEndDate: isNotice ? addDays(startDate, random.pick([30, 60, 90])) : null,
      targetGroup,
      unitId: caseworker.unitId,
      caseworkerId: caseworker.id,
      segment: pendingSegment ? null : segment,
      cadenceTemplateId: pendingSegment ? null : cadence.id,
      status: ended ? 'ended' : 'active',
      endDate,
      endReason,
      createdAt: created,
      updatedAt: created,
    });
    if (pendingSegment) {
      rows.tasks.push(task(random, org.id, id, person.id, caseworker, 'segment_missing', 'Afklar gruppe og planlæg samtaler', calendar.addWorkingDays(startDate, 3), `segment:${id}`));
      continue;
    }

    const answers = ANSWER_SETS[segment.endsWith('-1') || segment === 'jobviften-dagpenge' ? 0 : segment.endsWith('-2') || segment === 'jobviften-kontanthjaelp' ? 1 : 2]!;
    const responseId = random.uuid();
    rows.responses.push({ id: responseId, organisationId: org.id, spellId: id, questionnaireTemplateId: questionnaire.id, answers, answeredBy: random.chance(0.6) ? 'jobseeker' : 'staff', answeredByStaffId: null, answeredAt: new Date(`${addDays(startDate, 1)}T10:00:00Z`) });
    const overridden = random.chance(0.15);
    rows.assessments.push({
      id: random.uuid(),
      organisationId: org.id,
      spellId: id,
      profilingResponseId: responseId,
      riskModelTemplateId: riskModel.id,
      probability: segment.endsWith('-1') ? 0.14 : segment.endsWith('-2') ? 0.38 : 0.61,
      band: segment.endsWith('-1') ? 'low' : segment.endsWith('-2') ? 'medium' : 'high',
      suggestedSegment: org.kind === 'akasse' ? (overridden ? (segment === 'hk-1' ? 'hk-2' : 'hk-1') : segment === 'hk-3' ? 'hk-2' : segment) : null,
      chosenSegment: segment,
      overridden: overridden || segment === 'hk-3' || org.kind === 'jobcenter',
      reason: overridden || segment === 'hk-3' || org.kind === 'jobcenter' ? 'Vurderet ud fra samtalen og tidligere forløb.' : null,
      cadenceTemplateId: cadence.id,
      decidedBy: caseworker.id,
      decidedAt: new Date(`${addDays(startDate, 2)}T10:00:00Z`),
    });

    const planned = planConversations({ cadence: cadence.cadence, firstDayOfUnemployment: startDate, courseStart: startDate, calendar });
    let bookedOne = false;
    let heldCv = false;
    for (const p of planned) {
      const convId = random.uuid();
      const base = { id: convId, organisationId: org.id, spellId: id, planKey: `${p.key}#${p.occurrence}`, cadenceTemplateId: cadence.id, type: p.type, label: p.label, mandatory: p.mandatory, plannedMode: p.mode, earliest: p.earliest, latest: p.latest, caseworkerId: caseworker.id, createdAt: created, updatedAt: created };
      const horizon = endDate ?? today;
      if (endDate && p.earliest > endDate) {
        rows.conversations.push({ ...base, status: 'cancelled', cancelReason: 'Forløbet er afsluttet' });
        continue;
      }
      if (p.latest < horizon || (p.earliest < horizon && random.chance(0.4))) {
        const roll = random.int(0, 99);
        if (!p.mandatory && roll < 60) {
          rows.conversations.push({ ...base, status: endDate ? 'cancelled' : 'planned', cancelReason: endDate ? 'Forløbet er afsluttet' : null });
          continue;
        }
        if (roll < 90 || endDate) {
          const last = p.latest < horizon ? p.latest : addDays(horizon, -1);
          const heldOn = dayWithin(random, calendar, p.earliest, last < p.earliest ? p.earliest : last);
          const late = !endDate && roll >= 87 && roll < 90;
          const heldDay = late ? calendar.nextWorkingDayOnOrAfter(addDays(p.latest, random.int(1, 6))) : heldOn;
          if (heldDay >= today) {
            rows.conversations.push({ ...base, status: 'planned' });
            continue;
          }
          const at = meetingTime(random, heldDay);
          rows.conversations.push({
            ...base,
            status: 'held',
            heldOn: heldDay,
            scheduledAt: at,
            durationMinutes: p.maxMinutes ?? 45,
            mode: random.pick(['in_person', 'in_person', 'phone', 'video']),
            selfBooked: random.chance(0.45),
            notes: 'Samtalen er holdt. Jobsøgning og CV gennemgået.',
            agreements: ['Søge mindst 2 stillinger om ugen'],
            jobsPresented: random.chance(0.7) ? [{ title: random.pick(JOB_GOALS), employer: 'Demo Virksomhed ApS' }] : [],
          });
          rows.events.push({ id: random.uuid(), organisationId: org.id, conversationId: convId, kind: 'held', at, actorKind: 'staff', actorId: caseworker.id });
          if (p.type === 'cv_contact') heldCv = true;
        } else if (roll < 95) {
          const day = dayWithin(random, calendar, p.earliest, p.latest < today ? p.latest : addDays(today, -1));
          if (day >= today) {
            rows.conversations.push({ ...base, status: 'planned' });
            continue;
          }
          rows.conversations.push({ ...base, status: 'no_show', scheduledAt: meetingTime(random, day), durationMinutes: 45, mode: 'in_person' });
          rows.tasks.push(task(random, org.id, id, person.id, caseworker, 'no_show_follow_up', `Udeblevet fra ${p.label} den ${formatDanishDate(day)}: vurdér rådighed`, calendar.addWorkingDays(day, 2), `no_show:${convId}`));
          rows.conversations.push({ ...base, id: random.uuid(), planKey: `${base.planKey}~retry`, status: 'planned', earliest: calendar.nextWorkingDayOnOrAfter(addDays(day, 1)), latest: calendar.addWorkingDays(day, 10) });
        } else if (p.mandatory && overdueCount++ % 2 === 1) {
          // Every other missed window was exempted instead: ill in the period, with a doctor's note.
          rows.conversations.push({ ...base, status: 'exempted', exemptionReason: 'Sygemeldt i perioden; lægeerklæring modtaget.' });
          rows.events.push({ id: random.uuid(), organisationId: org.id, conversationId: convId, kind: 'exempted', at: new Date(`${p.earliest}T09:00:00Z`), actorKind: 'staff', actorId: caseworker.id });
        } else {
          rows.conversations.push({ ...base, status: 'planned' }); // overdue: its window has passed
        }
        continue;
      }
      if (!endDate && !bookedOne && random.chance(0.6) && p.latest >= today) {
        bookedOne = true;
        const from = p.earliest > today ? p.earliest : calendar.nextWorkingDayOnOrAfter(addDays(today, 1));
        const day = dayWithin(random, calendar, from, p.latest < from ? from : p.latest);
        const at = meetingTime(random, day);
        rows.conversations.push({ ...base, status: 'booked', scheduledAt: at, durationMinutes: p.maxMinutes ?? 45, mode: random.pick(['in_person', 'phone', 'video']), place: org.kind === 'akasse' ? 'Demo A-kasse, mødelokale 1' : 'Demo Jobcenter, mødelokale 2', selfBooked: random.chance(0.4) });
        rows.events.push({ id: random.uuid(), organisationId: org.id, conversationId: convId, kind: 'booked', at: todayInstant, actorKind: 'staff', actorId: caseworker.id, toTime: at });
        continue;
      }
      rows.conversations.push({ ...base, status: endDate ? 'cancelled' : 'planned', cancelReason: endDate ? 'Forløbet er afsluttet' : null });
    }

    if (heldCv) {
      rows.plans.push({
        id: random.uuid(),
        organisationId: org.id,
        spellId: id,
        version: 1,
        jobGoals: [{ title: random.pick(JOB_GOALS), occupationCode: null }],
        activities: [
          { id: 'a1', title: 'Opdatere CV og gøre det synligt', dueDate: addDays(startDate, 14), status: 'done' },
          { id: 'a2', title: 'Søge 2 stillinger om ugen', dueDate: null, status: 'open' },
        ],
        searchRequirementPerWeek: 2,
        searchStrategy: 'Opslåede stillinger og uopfordrede ansøgninger i nærområdet; netværk via tidligere kolleger.',
        changeNote: null,
        createdByKind: 'staff',
        createdBy: caseworker.id,
        createdAt: new Date(`${addDays(startDate, 10)}T12:00:00Z`),
      });
    }
    if (targetGroup === 'unemployment_insurance' && !isNotice) {
      const months: { month: string; hours: number }[] = [];
      let month = `${startDate.slice(0, 8)}01`;
      const last = (endDate ?? today).slice(0, 8) + '01';
      while (month < last) {
        const hours = month === `${startDate.slice(0, 8)}01` ? Math.round((160.33 * (31 - Number(startDate.slice(8, 10)))) / 31) : 160.33;
        months.push({ month, hours });
        rows.hours.push({ id: random.uuid(), organisationId: org.id, spellId: id, month, hours });
        month = addDays(`${month.slice(0, 8)}28`, 5).slice(0, 8) + '01';
      }
      const passed = monthEndReachingHours(months);
      if (passed) rows.spells[rows.spells.length - 1]!.passed410On = passed;
    }
  }

  for (const [table, values] of [
    [spells, rows.spells],
    [conversations, rows.conversations],
    [conversationEvents, rows.events],
    [profilingResponses, rows.responses],
    [segmentAssessments, rows.assessments],
    [jobPlans, rows.plans],
    [benefitHours, rows.hours],
    [tasks, rows.tasks],
  ] as const) {
    for (let i = 0; i < values.length; i += 300) await tx.insert(table as never).values(values.slice(i, i + 300) as never);
  }
}

/**
 * Why the demo's ended spells ended. The a-kasse hands everyone still out of work over to the
 * jobcentre when its contact course ends, so handover is a common end there (one draw either way,
 * so the rest of the demo stream does not move).
 */
const END_REASON_MIX = {
  akasse: [['ordinary_job', 0.55], ['education', 0.08], ['handed_over', 0.25], ['moved', 0.04], ['sickness', 0.04], ['other', 0.04]],
  jobcenter: [['ordinary_job', 0.62], ['education', 0.1], ['handed_over', 0.12], ['moved', 0.04], ['sickness', 0.07], ['other', 0.05]],
} as const satisfies Record<'akasse' | 'jobcenter', readonly (readonly [string, number])[]>;

function pickWeighted<T>(random: SeededRandom, options: readonly (readonly [T, number])[]): T {
  const roll = random.int(0, 9999) / 10000;
  let sum = 0;
  for (const [value, weight] of options) {
    sum += weight;
    if (roll < sum) return value;
  }
  return options[options.length - 1]![0];
}

function dayWithin(random: SeededRandom, calendar: WorkingCalendar, from: string, to: string): string {
  const span = Math.max(0, daysBetween(from, to));
  return calendar.nextWorkingDayOnOrAfter(addDays(from, random.int(0, span)));
}

/** A half-hour slot between 08:30 and 14:30 Danish time. */
function meetingTime(random: SeededRandom, day: string): Date {
  return new Date(startOfCopenhagenDay(day).getTime() + (8 * 60 + 30 + 30 * random.int(0, 12)) * 60_000);
}

function task(random: SeededRandom, organisationId: string, spellId: string, jobseekerId: string, caseworker: { id: string; unitId: string | null }, kind: string, title: string, dueDate: string, dedupeKey: string): typeof tasks.$inferInsert {
  return { id: random.uuid(), organisationId, spellId, jobseekerId, kind, title, dueDate, assigneeId: caseworker.id, unitId: caseworker.unitId, dedupeKey };
}
