import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { jobseekers, organisations, outbox, surveyInvitations, surveyLinks } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { chooseSurveyChannel, renderSurveyMessage, surveyExpiry, surveyLanguageOf, type SurveyChannel } from '../../core/surveys/delivery';
import type { SurveyAudience, SurveyLanguage, SurveyTrigger, TSurveyDefinition } from '../../core/surveys/survey-definition';
import type { TenantContext } from '../context';
import { writeAudit } from '../audit/write-audit';
import { queueNotification } from '../notifications/queue';
import { inTenant } from '../tenancy';
import { loadSurveyDefinitions, pickStoredDefinition } from './definitions';
import { hashSurveyCode, newShortCode, newSurveyToken, surveyLink } from './links';

export type EmployerSurveyContact = { phone?: string | null; email?: string | null; language?: SurveyLanguage };

export type ScheduleSurveyInput = {
  trigger: SurveyTrigger;
  jobseekerId?: string | null;
  /** After a placement: the employer's contact person, asked too. */
  employerContact?: EmployerSurveyContact | null;
  /** What the survey is about (conversation id, enrolment id, placement id, jobseeker@quarter). */
  subjectId: string;
  unitId?: string | null;
  caseworkerId?: string | null;
  conversationType?: string | null;
};

export type ScheduledSurvey = { audience: SurveyAudience; invitationId: string; created: boolean; channel: SurveyChannel };
export type SkippedSurvey = { audience: SurveyAudience; reason: 'no_contact' | 'no_definition' | 'unknown_jobseeker' };
export type ScheduleSurveyResult = { scheduled: ScheduledSurvey[]; skipped: SkippedSurvey[] };

/**
 * Sends a survey after an event, in the caller's transaction: an invitation with expiring
 * single-use links, and its message in the outbox (SMS when there is a phone number, else
 * e-mail, in the person's language). Idempotent per trigger, audience and subject: calling it
 * again returns the invitation already sent. A person who cannot be reached is skipped, never an
 * error, so the event itself (holding a talk) always goes through.
 */
export async function scheduleSurveyAfter(tx: DbExecutor, ctx: TenantContext, input: ScheduleSurveyInput): Promise<ScheduleSurveyResult> {
  const result: ScheduleSurveyResult = { scheduled: [], skipped: [] };
  const definitions = await loadSurveyDefinitions(tx, ctx);
  const targets: { audience: SurveyAudience; contact: () => Promise<{ phone?: string | null; email?: string | null; language: SurveyLanguage } | 'unknown'> }[] = [];
  if (input.jobseekerId) {
    const jobseekerId = input.jobseekerId;
    targets.push({
      audience: 'jobseeker',
      contact: async () => {
        const [person] = await tx
          .select({ phone: jobseekers.phone, email: jobseekers.email, preferredLanguage: jobseekers.preferredLanguage })
          .from(jobseekers)
          .where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
        return person ? { phone: person.phone, email: person.email, language: surveyLanguageOf(person.preferredLanguage) } : 'unknown';
      },
    });
  }
  if (input.employerContact) {
    const employer = input.employerContact;
    targets.push({ audience: 'employer', contact: async () => ({ phone: employer.phone, email: employer.email, language: employer.language ?? 'da' }) });
  }

  for (const target of targets) {
    const stored = pickStoredDefinition(definitions, input.trigger, target.audience);
    if (!stored) {
      result.skipped.push({ audience: target.audience, reason: 'no_definition' });
      continue;
    }
    const dedupeKey = `${input.trigger}:${target.audience}:${input.subjectId}`;
    const [existing] = await tx
      .select({ id: surveyInvitations.id, channel: surveyInvitations.channel })
      .from(surveyInvitations)
      .where(inTenant(surveyInvitations, ctx, eq(surveyInvitations.dedupeKey, dedupeKey)));
    if (existing) {
      result.scheduled.push({ audience: target.audience, invitationId: existing.id, created: false, channel: existing.channel });
      continue;
    }
    const contact = await target.contact();
    if (contact === 'unknown') {
      result.skipped.push({ audience: target.audience, reason: 'unknown_jobseeker' });
      continue;
    }
    const route = chooseSurveyChannel(contact);
    if (!route) {
      result.skipped.push({ audience: target.audience, reason: 'no_contact' });
      continue;
    }
    const now = ctx.clock.now();
    const invitationId = randomUUID();
    const inserted = await tx
      .insert(surveyInvitations)
      .values({
        id: invitationId,
        organisationId: ctx.organisationId,
        definitionId: stored.id,
        surveyKey: stored.definition.key,
        trigger: input.trigger,
        audience: target.audience,
        subjectId: input.subjectId,
        dedupeKey,
        jobseekerId: input.jobseekerId ?? null,
        unitId: input.unitId ?? null,
        caseworkerId: input.caseworkerId ?? null,
        type: input.conversationType ?? input.trigger,
        language: contact.language,
        channel: route.channel,
        invitedAt: now,
        invitedOn: toCopenhagenIsoDate(now),
        expiresAt: surveyExpiry(now),
      })
      .onConflictDoNothing()
      .returning({ id: surveyInvitations.id });
    if (inserted.length === 0) {
      // Another transaction sent it a moment ago.
      const [other] = await tx.select({ id: surveyInvitations.id }).from(surveyInvitations).where(inTenant(surveyInvitations, ctx, eq(surveyInvitations.dedupeKey, dedupeKey)));
      result.scheduled.push({ audience: target.audience, invitationId: other?.id ?? invitationId, created: false, channel: route.channel });
      continue;
    }
    await sendSurveyMessage(tx, ctx, {
      invitationId,
      definition: stored.definition,
      channel: route.channel,
      recipient: route.recipient,
      language: contact.language,
      jobseekerId: input.jobseekerId ?? null,
      expiresAt: surveyExpiry(now),
      reminder: false,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      subjectType: 'survey_invitation',
      subjectId: invitationId,
      jobseekerId: target.audience === 'jobseeker' ? (input.jobseekerId ?? null) : null,
      details: { trigger: input.trigger, audience: target.audience, channel: route.channel },
    });
    result.scheduled.push({ audience: target.audience, invitationId, created: true, channel: route.channel });
  }
  return result;
}

/**
 * New links for an invitation and its message in the outbox. The SMS carries the 8-character
 * short link, the e-mail the 128-bit token link; both are stored only as hashes, so the text in
 * the outbox is the one place the link exists.
 */
export async function sendSurveyMessage(
  tx: DbExecutor,
  ctx: TenantContext,
  message: { invitationId: string; definition: TSurveyDefinition; channel: SurveyChannel; recipient: string; language: SurveyLanguage; jobseekerId: string | null; expiresAt: Date; reminder: boolean },
): Promise<void> {
  const now = ctx.clock.now();
  let code: string | null = null;
  if (message.channel === 'email') {
    code = newSurveyToken();
    await tx.insert(surveyLinks).values({ id: randomUUID(), organisationId: ctx.organisationId, invitationId: message.invitationId, kind: 'token', codeHash: hashSurveyCode(code), expiresAt: message.expiresAt, createdAt: now });
  } else {
    // A clash among 58^8 codes is next to impossible, but a taken code is simply drawn again.
    for (let attempt = 0; attempt < 5 && code === null; attempt++) {
      const candidate = newShortCode();
      const rows = await tx
        .insert(surveyLinks)
        .values({ id: randomUUID(), organisationId: ctx.organisationId, invitationId: message.invitationId, kind: 'short', codeHash: hashSurveyCode(candidate), expiresAt: message.expiresAt, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: surveyLinks.id });
      if (rows.length > 0) code = candidate;
    }
    if (code === null) throw new Error('Could not draw a free short code');
  }
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId));
  const text = renderSurveyMessage(message.definition, { channel: message.channel, lang: message.language, link: surveyLink(code), organisation: org?.name ?? '', reminder: message.reminder });
  await queueNotification(tx, ctx, {
    template: message.reminder ? `survey_reminder:${message.definition.key}` : `survey:${message.definition.key}`,
    channel: message.channel,
    recipient: message.recipient,
    jobseekerId: message.jobseekerId,
    language: message.language,
    content: { subject: text.subject ?? null, body: text.body },
    idempotencyKey: `survey:${message.invitationId}:${message.reminder ? 'reminder' : 'invitation'}`,
  });
}

/** The recipient of an invitation's first message, for its reminder. */
export async function findInvitationRecipient(tx: DbExecutor, ctx: TenantContext, invitationId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ recipient: outbox.recipient })
    .from(outbox)
    .where(inTenant(outbox, ctx, and(eq(outbox.idempotencyKey, `survey:${invitationId}:invitation`))));
  return row?.recipient;
}
