import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../connect';
import {
  attendance,
  employerContactPersons,
  employers,
  enrolments,
  jobOrders,
  jobProposals,
  jobseekers,
  markers,
  offers,
  offerSessions,
  orgTemplates,
  spellMarkers,
  spells,
  staff,
  surveyInvitations,
  surveyLinks,
  surveyResponses,
} from '../schema';
import { addDays, addMonthsClamped, daysBetween, maxIsoDate, minIsoDate, type IsoDate } from '../../core/calendar/iso-date';
import { responseDueAt } from '../../core/brokering/job-orders';
import { chooseSurveyChannel, DEFAULT_REMINDER_AFTER_DAYS, surveyExpiry, surveyLanguageOf } from '../../core/surveys/delivery';
import { createSeededRandom, type SeededRandom } from '../../core/synthetic/random';
import { loadSurveyDefinitions, pickStoredDefinition } from '../../server/surveys/definitions';
import { hashSurveyCode } from '../../server/surveys/links';
import { EMPLOYERS, PROFILES } from './demo-brokering';

// Demo outcomes the measurement seeds ask about: hires through job brokering with their placement
// surveys answered, notice spells whose people attended an offer, and people who ended a spell
// and came back within a year. Written last, from its own seeded stream per organisation, so the
// rest of the demo data (and every stream before it) stays exactly as it was.

const OUTCOMES_SEED = 20_260_727;

type Org = { id: string; kind: 'akasse' | 'jobcenter' };
type SpellRow = typeof spells.$inferInsert;

/** Placement answers 1–5: employers a little more satisfied than the people placed. */
const PLACEMENT_WEIGHTS = { jobseeker: [3, 5, 12, 40, 40], employer: [2, 4, 9, 35, 50] } as const;

function weightedScore(random: SeededRandom, weights: readonly number[]): number {
  let roll = random.int(0, 99);
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i]!;
    if (roll < 0) return i + 1;
  }
  return weights.length;
}

export async function writeDemoOutcomes(tx: DbExecutor, org: Org, today: IsoDate): Promise<void> {
  const random = createSeededRandom(OUTCOMES_SEED + (org.kind === 'akasse' ? 0 : 1));
  await writeDemoPlacements(tx, random, org, today);
  await writeDemoReturns(tx, random, org, today);
  if (org.kind === 'akasse') await writeDemoNoticeServices(tx, random, org, today);
  else await writeDemoInitiativeCourses(tx, random, org, today);
}

/** Staff able to broker (broker or manager), and the caseworkers. */
async function staffOf(tx: DbExecutor, org: Org) {
  const rows = await tx.select({ id: staff.id, role: staff.role, unitId: staff.unitId }).from(staff).where(eq(staff.organisationId, org.id)).orderBy(asc(staff.email));
  return { brokers: rows.filter((s) => s.role === 'broker' || s.role === 'manager'), caseworkers: rows.filter((s) => s.role === 'caseworker') };
}

/**
 * Most unemployment spells that ended in an ordinary job ended through a hire the organisation
 * brokered: a job order (now filled) from one of the demo employers, a proposal marked hired on
 * the spell's last day, and the placement surveys to the person and the employer, as the
 * proposal service sends them; most are answered.
 */
async function writeDemoPlacements(tx: DbExecutor, random: SeededRandom, org: Org, today: IsoDate): Promise<void> {
  const { brokers } = await staffOf(tx, org);
  if (brokers.length === 0) return;
  const employerRows = await tx.select({ id: employers.id, name: employers.name, municipalityCode: employers.municipalityCode }).from(employers).where(eq(employers.organisationId, org.id)).orderBy(asc(employers.cvr));
  const persons = await tx
    .select({ employerId: employerContactPersons.employerId, name: employerContactPersons.name, email: employerContactPersons.email })
    .from(employerContactPersons)
    .where(eq(employerContactPersons.organisationId, org.id))
    .orderBy(asc(employerContactPersons.id));
  const personOf = new Map(persons.map((p) => [p.employerId, p]));
  const ended = await tx
    .select({
      id: spells.id,
      jobseekerId: spells.jobseekerId,
      startDate: spells.startDate,
      endDate: spells.endDate,
      unitId: spells.unitId,
      caseworkerId: spells.caseworkerId,
      phone: jobseekers.phone,
      email: jobseekers.email,
      preferredLanguage: jobseekers.preferredLanguage,
    })
    .from(spells)
    .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
    .where(and(eq(spells.organisationId, org.id), eq(spells.kind, 'unemployment'), eq(spells.status, 'ended'), eq(spells.endReason, 'ordinary_job')))
    .orderBy(asc(spells.endDate), asc(spells.id));
  const stored = await loadSurveyDefinitions(tx, { organisationId: org.id });
  const definitions = { jobseeker: pickStoredDefinition(stored, 'placement', 'jobseeker'), employer: pickStoredDefinition(stored, 'placement', 'employer') };
  const now = new Date(`${today}T08:00:00Z`);
  const orderRows: (typeof jobOrders.$inferInsert)[] = [];
  const proposalRows: (typeof jobProposals.$inferInsert)[] = [];
  const invitations: (typeof surveyInvitations.$inferInsert)[] = [];
  const links: (typeof surveyLinks.$inferInsert)[] = [];
  const responses: (typeof surveyResponses.$inferInsert)[] = [];

  for (const spell of ended) {
    if (!spell.endDate || spell.endDate >= today || !random.chance(0.8)) continue;
    const employer = random.pick(employerRows);
    const profile = PROFILES[EMPLOYERS.find((e) => e.name === employer.name)?.profile ?? 0]!;
    const contact = personOf.get(employer.id);
    const broker = random.pick(brokers);
    // Hired between 3 and 14 days before the first working day (the spell's last day), never before the spell.
    const hiredOn = maxIsoDate(addDays(spell.endDate, -random.int(3, 14)), spell.startDate);
    const hiredAt = new Date(`${hiredOn}T11:00:00Z`);
    const received = new Date(`${addDays(hiredOn, -random.int(7, 30))}T08:00:00Z`);
    const orderId = random.uuid();
    orderRows.push({
      id: orderId,
      organisationId: org.id,
      employerId: employer.id,
      source: random.chance(0.4) ? 'web_form' : 'staff',
      title: `Medarbejder til ${employer.name}`,
      occupationCode: profile.code,
      description: `Vi søger en kollega med erfaring inden for ${profile.skills.slice(0, 2).join(' og ')}.`,
      skills: profile.skills.slice(0, 3),
      municipalityCode: employer.municipalityCode!,
      hoursPerWeek: random.pick([30, 32, 37, 37]),
      kind: random.pick(['permanent', 'permanent', 'temporary'] as const),
      wantedStart: spell.endDate,
      responseHours: 24,
      responseDueAt: responseDueAt(received, 24),
      answeredAt: new Date(received.getTime() + random.int(1, 20) * 3_600_000),
      answeredBy: broker.id,
      status: 'filled',
      brokerId: broker.id,
      contactName: contact?.name ?? null,
      contactEmail: contact?.email ?? null,
      createdBy: broker.id,
      createdAt: received,
      updatedAt: hiredAt,
    });
    const proposalId = random.uuid();
    proposalRows.push({
      id: proposalId,
      organisationId: org.id,
      jobOrderId: orderId,
      jobseekerId: spell.jobseekerId,
      spellId: spell.id,
      step: 'hired',
      matchScore: random.int(55, 95),
      hiredStartDate: spell.endDate,
      hiredAt,
      proposedBy: broker.id,
      createdAt: new Date(received.getTime() + 24 * 3_600_000),
      updatedAt: hiredAt,
    });

    const audiences = [
      { audience: 'jobseeker' as const, route: chooseSurveyChannel(spell), language: surveyLanguageOf(spell.preferredLanguage), answerRate: 0.75 },
      { audience: 'employer' as const, route: chooseSurveyChannel({ email: contact?.email ?? null }), language: 'da' as const, answerRate: 0.7 },
    ];
    for (const { audience, route, language, answerRate } of audiences) {
      const definition = definitions[audience];
      if (!definition || !route) continue;
      const id = random.uuid();
      const expiresAt = surveyExpiry(hiredAt);
      const answeredAt = random.chance(answerRate) ? new Date(hiredAt.getTime() + random.int(1, 96) * 3_600_000) : null;
      const answeredInTime = answeredAt && answeredAt < now && answeredAt < expiresAt ? answeredAt : null;
      const remindDay = addDays(hiredOn, DEFAULT_REMINDER_AFTER_DAYS);
      invitations.push({
        id,
        organisationId: org.id,
        definitionId: definition.id,
        surveyKey: definition.definition.key,
        trigger: 'placement',
        audience,
        subjectId: proposalId,
        dedupeKey: `placement:${audience}:${proposalId}`,
        jobseekerId: spell.jobseekerId,
        unitId: spell.unitId,
        caseworkerId: spell.caseworkerId,
        type: 'placement',
        language,
        channel: route.channel,
        invitedAt: hiredAt,
        invitedOn: hiredOn,
        expiresAt,
        remindedAt: !answeredInTime && remindDay <= today ? new Date(`${remindDay}T09:00:00Z`) : null,
        answeredAt: answeredInTime,
      });
      // Random codes thrown away, as for the other demo surveys: no demo link can be opened.
      links.push({ id: random.uuid(), organisationId: org.id, invitationId: id, kind: route.channel === 'sms' ? 'short' : 'token', codeHash: hashSurveyCode(`demo:${id}`), expiresAt, createdAt: hiredAt });
      if (answeredInTime) {
        const score = weightedScore(random, PLACEMENT_WEIGHTS[audience]);
        const answers: Record<string, number | string | boolean> = { satisfaction: score };
        if (audience === 'employer') answers.match = score >= 3;
        responses.push({ id: random.uuid(), organisationId: org.id, invitationId: id, answers, satisfaction: score, answeredAt: answeredInTime });
      }
    }
  }
  for (let i = 0; i < orderRows.length; i += 200) await tx.insert(jobOrders).values(orderRows.slice(i, i + 200));
  for (let i = 0; i < proposalRows.length; i += 200) await tx.insert(jobProposals).values(proposalRows.slice(i, i + 200));
  for (let i = 0; i < invitations.length; i += 200) await tx.insert(surveyInvitations).values(invitations.slice(i, i + 200));
  for (let i = 0; i < links.length; i += 200) await tx.insert(surveyLinks).values(links.slice(i, i + 200));
  for (let i = 0; i < responses.length; i += 200) await tx.insert(surveyResponses).values(responses.slice(i, i + 200));
}

/** Each demo person's spells as they stand, for fitting earlier spells in before the first. */
async function firstStartOf(tx: DbExecutor, org: Org): Promise<{ people: { id: string }[]; firstStart: Map<string, IsoDate>; targetGroup: Map<string, string> }> {
  const people = await tx.select({ id: jobseekers.id }).from(jobseekers).where(eq(jobseekers.organisationId, org.id)).orderBy(asc(jobseekers.id));
  const rows = await tx.select({ jobseekerId: spells.jobseekerId, startDate: spells.startDate, targetGroup: spells.targetGroup }).from(spells).where(eq(spells.organisationId, org.id)).orderBy(asc(spells.startDate));
  const firstStart = new Map<string, IsoDate>();
  const targetGroup = new Map<string, string>();
  for (const r of rows) {
    if (!firstStart.has(r.jobseekerId)) {
      firstStart.set(r.jobseekerId, r.startDate);
      targetGroup.set(r.jobseekerId, r.targetGroup);
    }
  }
  return { people, firstStart, targetGroup };
}

async function cadenceOf(tx: DbExecutor, org: Org): Promise<{ key: string; id: string }> {
  const key = org.kind === 'akasse' ? 'hk-1' : 'jobviften-dagpenge';
  const [row] = await tx.select({ id: orgTemplates.id }).from(orgTemplates).where(and(eq(orgTemplates.organisationId, org.id), eq(orgTemplates.kind, 'cadence'), eq(orgTemplates.key, key)));
  return { key, id: row!.id };
}

/**
 * An earlier unemployment spell, ended 13 to 23 months ago, for about a third of the demo people:
 * enough ended spells a whole year back for the share that returned within a year. Some of them
 * came back (their present spell started within 365 days of the end, at least two months later,
 * so the two are not one spell with a break); most did not.
 */
async function writeDemoReturns(tx: DbExecutor, random: SeededRandom, org: Org, today: IsoDate): Promise<void> {
  const { caseworkers } = await staffOf(tx, org);
  const { people, firstStart, targetGroup } = await firstStartOf(tx, org);
  const cadence = await cadenceOf(tx, org);
  const earliest = addDays(today, -690);
  const latest = addDays(today, -400);
  const rows: SpellRow[] = [];
  for (const person of people) {
    if (!random.chance(0.35)) continue;
    const first = firstStart.get(person.id);
    const returned = first !== undefined && random.chance(0.3);
    // Returned: ended 60–364 days before the present spell. Not returned: more than a year before it.
    const from = returned ? maxIsoDate(earliest, addDays(first!, -364)) : earliest;
    const to = returned ? minIsoDate(latest, addDays(first!, -60)) : first === undefined ? latest : minIsoDate(latest, addDays(first, -366));
    if (from > to) continue;
    const endDate = addDays(from, random.int(0, daysBetween(from, to)));
    const startDate = addDays(endDate, -random.int(60, 300));
    const caseworker = random.pick(caseworkers);
    const endReason = random.chance(0.7) ? 'ordinary_job' : random.pick(['education', 'moved', 'sickness', 'other']);
    const created = new Date(`${startDate}T09:00:00Z`);
    rows.push({
      id: random.uuid(),
      organisationId: org.id,
      jobseekerId: person.id,
      kind: 'unemployment',
      startDate,
      registrationDate: startDate,
      targetGroup: targetGroup.get(person.id) ?? 'unemployment_insurance',
      unitId: caseworker.unitId,
      caseworkerId: caseworker.id,
      segment: cadence.key,
      cadenceTemplateId: cadence.id,
      status: 'ended',
      endDate,
      endReason,
      createdAt: created,
      updatedAt: new Date(`${endDate}T09:00:00Z`),
    });
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(spells).values(rows.slice(i, i + 200));
}

/**
 * The a-kasse's workshop for people under notice, held every other Tuesday, and notice spells
 * from the last year whose people mostly attended it: most found a job before the notice ran
 * out; the others became unemployed and found a job some weeks later.
 */
async function writeDemoNoticeServices(tx: DbExecutor, random: SeededRandom, org: Org, today: IsoDate): Promise<void> {
  const { caseworkers } = await staffOf(tx, org);
  const { people, firstStart } = await firstStartOf(tx, org);
  const cadence = await cadenceOf(tx, org);
  const offerId = random.uuid();
  await tx.insert(offers).values({
    id: offerId,
    organisationId: org.id,
    kind: 'workshop',
    title: 'Workshop for opsagte: jobsøgning i opsigelsesperioden',
    description: 'Tre timer om CV, netværk og ansøgninger, mens du stadig er i job.',
    createdBy: caseworkers[0]?.id ?? null,
    createdAt: new Date(`${addDays(today, -420)}T09:00:00Z`),
  });
  // Every other Tuesday (2026-01-06 was one) from 14 months back until yesterday.
  const sessions: (typeof offerSessions.$inferInsert & { day: IsoDate; seq: number })[] = [];
  let day = addDays(today, -420);
  while (daysBetween('2026-01-06', day) % 14 !== 0) day = addDays(day, 1);
  for (; day < today; day = addDays(day, 14)) {
    sessions.push({
      id: random.uuid(),
      organisationId: org.id,
      offerId,
      unitId: caseworkers[0]?.unitId ?? null,
      title: 'Workshop for opsagte',
      startsAt: new Date(`${day}T08:00:00Z`),
      endsAt: new Date(`${day}T11:00:00Z`),
      lastDay: day,
      place: 'Mødelokale 1',
      capacity: 20,
      status: 'completed',
      lastSignupSeq: 0,
      createdAt: new Date(`${addDays(day, -30)}T09:00:00Z`),
      day,
      seq: 0,
    });
  }
  const spellRows: SpellRow[] = [];
  const enrolmentRows: (typeof enrolments.$inferInsert)[] = [];
  const attendanceRows: (typeof attendance.$inferInsert)[] = [];
  for (const person of people) {
    if (!random.chance(0.25)) continue;
    const first = firstStart.get(person.id);
    const startDate = addDays(today, -random.int(90, 400));
    const noticeEndDate = addDays(startDate, random.pick([30, 60, 90]));
    const foundJob = random.chance(0.6);
    const endDate = foundJob ? addDays(startDate, random.int(14, daysBetween(startDate, noticeEndDate))) : noticeEndDate;
    const followOnEnd = foundJob ? null : addDays(endDate, random.int(30, 100));
    const lastDay = followOnEnd ?? endDate;
    // Only people with no spell then: their present spell (if any) started later.
    if (lastDay >= today || (first !== undefined && first <= addDays(lastDay, 30))) continue;
    const caseworker = random.pick(caseworkers);
    const id = random.uuid();
    const base = { organisationId: org.id, jobseekerId: person.id, targetGroup: 'unemployment_insurance', unitId: caseworker.unitId, caseworkerId: caseworker.id, segment: cadence.key, cadenceTemplateId: cadence.id, status: 'ended' as const };
    spellRows.push({ ...base, id, kind: 'notice', startDate, registrationDate: startDate, noticeEndDate, endDate, endReason: foundJob ? 'ordinary_job' : 'became_unemployed', createdAt: new Date(`${startDate}T09:00:00Z`), updatedAt: new Date(`${endDate}T09:00:00Z`) });
    if (followOnEnd) {
      const followStart = addDays(endDate, 1);
      spellRows.push({ ...base, id: random.uuid(), kind: 'unemployment', startDate: followStart, registrationDate: followStart, endDate: followOnEnd, endReason: 'ordinary_job', previousSpellId: id, createdAt: new Date(`${followStart}T09:00:00Z`), updatedAt: new Date(`${followOnEnd}T09:00:00Z`) });
    }
    // Four in five attend a workshop held while they are under notice.
    const during = sessions.filter((s) => s.day > addDays(startDate, 3) && s.day <= endDate);
    if (during.length === 0 || !random.chance(0.8)) continue;
    const session = random.pick(during);
    session.seq++;
    const enrolmentId = random.uuid();
    enrolmentRows.push({
      id: enrolmentId,
      organisationId: org.id,
      sessionId: session.id,
      jobseekerId: person.id,
      spellId: id,
      status: 'completed',
      signupSeq: session.seq,
      everSeated: true,
      enrolledByKind: 'staff',
      enrolledBy: caseworker.id,
      enrolledAt: new Date(`${addDays(session.day, -random.int(1, 3))}T10:00:00Z`),
      endedOn: session.day,
    });
    attendanceRows.push({ id: random.uuid(), organisationId: org.id, enrolmentId, sessionId: session.id, jobseekerId: person.id, day: session.day, status: 'present', recordedBy: caseworker.id, recordedAt: new Date(`${session.day}T11:30:00Z`) });
  }
  if (sessions.length) await tx.insert(offerSessions).values(sessions.map(({ day: _day, seq, ...s }) => ({ ...s, lastSignupSeq: seq })));
  for (let i = 0; i < spellRows.length; i += 200) await tx.insert(spells).values(spellRows.slice(i, i + 200));
  if (enrolmentRows.length) await tx.insert(enrolments).values(enrolmentRows);
  if (attendanceRows.length) await tx.insert(attendance).values(attendanceRows);
}

/**
 * Dagpenge spells referred to the jobcentre's project in its first months (two weeks into the
 * spell, as the other referrals) that have ended since, most in a job: the project's cards then
 * have ended spells to show the share in job and the average duration for.
 */
async function writeDemoInitiativeCourses(tx: DbExecutor, random: SeededRandom, org: Org, today: IsoDate): Promise<void> {
  const [marker] = await tx.select({ id: markers.id }).from(markers).where(eq(markers.organisationId, org.id)).orderBy(asc(markers.name));
  if (!marker) return;
  const { caseworkers } = await staffOf(tx, org);
  const { people, firstStart } = await firstStartOf(tx, org);
  const cadence = await cadenceOf(tx, org);
  const from = addMonthsClamped(`${today.slice(0, 7)}-01`, -11);
  const spellRows: SpellRow[] = [];
  const markRows: (typeof spellMarkers.$inferInsert)[] = [];
  for (const person of people) {
    if (!random.chance(0.45)) continue;
    const startDate = addDays(from, random.int(14, 200));
    const endDate = addDays(startDate, random.int(60, 150));
    const first = firstStart.get(person.id);
    // Only people with no spell then: their present spell (if any) started at least a month after.
    if (endDate >= today || (first !== undefined && first <= addDays(endDate, 30))) continue;
    const caseworker = random.pick(caseworkers);
    const id = random.uuid();
    spellRows.push({
      id,
      organisationId: org.id,
      jobseekerId: person.id,
      kind: 'unemployment',
      startDate,
      registrationDate: startDate,
      targetGroup: 'unemployment_insurance',
      unitId: caseworker.unitId,
      caseworkerId: caseworker.id,
      segment: cadence.key,
      cadenceTemplateId: cadence.id,
      status: 'ended',
      endDate,
      endReason: random.chance(0.7) ? 'ordinary_job' : random.pick(['education', 'sickness', 'other']),
      createdAt: new Date(`${startDate}T09:00:00Z`),
      updatedAt: new Date(`${endDate}T09:00:00Z`),
    });
    markRows.push({ id: random.uuid(), organisationId: org.id, spellId: id, markerId: marker.id, markedOn: addDays(startDate, 14) });
  }
  for (let i = 0; i < spellRows.length; i += 200) await tx.insert(spells).values(spellRows.slice(i, i + 200));
  if (markRows.length) await tx.insert(spellMarkers).values(markRows);
}
