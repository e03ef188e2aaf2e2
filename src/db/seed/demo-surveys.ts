import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../connect';
import { conversations, jobseekers, spells, surveyInvitations, surveyLinks, surveyResponses } from '../schema';
import { addDays } from '../../core/calendar/iso-date';
import { chooseSurveyChannel, DEFAULT_REMINDER_AFTER_DAYS, surveyExpiry, surveyLanguageOf } from '../../core/surveys/delivery';
import { loadSurveyDefinitions, pickStoredDefinition } from '../../server/surveys/definitions';
import { hashSurveyCode } from '../../server/surveys/links';
import { createSeededRandom, type SeededRandom } from '../../core/synthetic/random';

const SURVEY_SEED = 20_260_706;

/** Scores 1–5 with these weights: the a-kasse lands near HK's 85 % target, the jobcenter lower. */
const SCORE_WEIGHTS = { akasse: [2, 4, 8, 36, 50], jobcenter: [5, 9, 16, 36, 34] } as const;
const COMMENTS = {
  low: ['Samtalen føltes som kontrol mere end hjælp.', 'Jeg ventede længe på at komme ind.', 'Jeg manglede konkrete jobforslag.'],
  mid: ['Fin samtale, men lidt kort.', 'Gerne mere om, hvilke virksomheder der ansætter.'],
  high: ['Rigtig god og konkret samtale.', 'Vejlederen lyttede og havde gode idéer til mit CV.', 'Jeg gik derfra med en klar plan.', 'Godt at få jobforslag med hjem.'],
};

function weightedScore(random: SeededRandom, weights: readonly number[]): number {
  let roll = random.int(0, 99);
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i]!;
    if (roll < 0) return i + 1;
  }
  return weights.length;
}

/**
 * Satisfaction surveys for the demo's held conversations, as if each had been sent the day the
 * talk was held: about 60 % answered, one reminder to the others after 5 days. The links are
 * random and their codes thrown away, so no demo survey can be opened.
 */
export async function writeDemoSurveys(tx: DbExecutor, org: { id: string; kind: 'akasse' | 'jobcenter' }, today: string): Promise<void> {
  const random = createSeededRandom(SURVEY_SEED + (org.kind === 'akasse' ? 0 : 1));
  // Its own stream, so adding the question did not move the rest of the demo surveys.
  const involvingRandom = createSeededRandom(SURVEY_SEED + 10 + (org.kind === 'akasse' ? 0 : 1));
  const stored = await loadSurveyDefinitions(tx, { organisationId: org.id });
  const definition = pickStoredDefinition(stored, 'conversation_held', 'jobseeker');
  if (!definition) return;
  const asksInvolving = definition.definition.questions.some((q) => q.id === 'involving');
  const held = await tx
    .select({
      id: conversations.id,
      type: conversations.type,
      heldOn: conversations.heldOn,
      caseworkerId: conversations.caseworkerId,
      unitId: spells.unitId,
      jobseekerId: spells.jobseekerId,
      phone: jobseekers.phone,
      email: jobseekers.email,
      preferredLanguage: jobseekers.preferredLanguage,
    })
    .from(conversations)
    .innerJoin(spells, eq(spells.id, conversations.spellId))
    .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
    .where(and(eq(conversations.organisationId, org.id), eq(conversations.status, 'held')))
    .orderBy(asc(conversations.id));
  const now = new Date(`${today}T08:00:00Z`);
  const invitations: (typeof surveyInvitations.$inferInsert)[] = [];
  const links: (typeof surveyLinks.$inferInsert)[] = [];
  const responses: (typeof surveyResponses.$inferInsert)[] = [];
  for (const talk of held) {
    const route = chooseSurveyChannel(talk);
    if (!route || !talk.heldOn || talk.heldOn >= today) continue;
    const invitedAt = new Date(`${talk.heldOn}T14:00:00Z`);
    const expiresAt = surveyExpiry(invitedAt);
    const id = random.uuid();
    const answered = random.chance(0.6);
    const answeredAt = answered ? new Date(invitedAt.getTime() + random.int(1, 96) * 3_600_000) : null;
    const answeredInTime = answeredAt && answeredAt < now && answeredAt < expiresAt ? answeredAt : null;
    const remindDay = addDays(talk.heldOn, DEFAULT_REMINDER_AFTER_DAYS);
    const reminded = !answeredInTime && remindDay <= today ? new Date(`${remindDay}T09:00:00Z`) : null;
    invitations.push({
      id,
      organisationId: org.id,
      definitionId: definition.id,
      surveyKey: definition.definition.key,
      trigger: 'conversation_held',
      audience: 'jobseeker',
      subjectId: talk.id,
      dedupeKey: `conversation_held:jobseeker:${talk.id}`,
      jobseekerId: talk.jobseekerId,
      unitId: talk.unitId,
      caseworkerId: talk.caseworkerId,
      type: talk.type,
      language: surveyLanguageOf(talk.preferredLanguage),
      channel: route.channel,
      invitedAt,
      invitedOn: talk.heldOn,
      expiresAt,
      remindedAt: reminded,
      answeredAt: answeredInTime,
    });
    links.push({ id: random.uuid(), organisationId: org.id, invitationId: id, kind: route.channel === 'sms' ? 'short' : 'token', codeHash: hashSurveyCode(`demo:${id}`), expiresAt, createdAt: invitedAt });
    if (answeredInTime) {
      const score = weightedScore(random, SCORE_WEIGHTS[org.kind]);
      const answers: Record<string, number | string> = { satisfaction: score };
      // Most answer the optional question too, mostly in line with how satisfied they were.
      if (asksInvolving && involvingRandom.chance(0.85)) answers.involving = Math.min(5, Math.max(1, score + involvingRandom.int(-1, 1)));
      if (random.chance(0.3)) answers.comment = random.pick(score <= 2 ? COMMENTS.low : score === 3 ? COMMENTS.mid : COMMENTS.high);
      responses.push({ id: random.uuid(), organisationId: org.id, invitationId: id, answers, satisfaction: score, answeredAt: answeredInTime });
    }
  }
  for (let i = 0; i < invitations.length; i += 200) await tx.insert(surveyInvitations).values(invitations.slice(i, i + 200));
  for (let i = 0; i < links.length; i += 200) await tx.insert(surveyLinks).values(links.slice(i, i + 200));
  for (let i = 0; i < responses.length; i += 200) await tx.insert(surveyResponses).values(responses.slice(i, i + 200));
}
