import { and, eq, gt, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { organisations, spells, surveyInvitations, surveyLinkThrottle } from '../../db/schema';
import { addDays, toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { DEFAULT_REMINDER_AFTER_DAYS, quarterOf } from '../../core/surveys/delivery';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { loadSurveyDefinitions } from './definitions';
import { findInvitationRecipient, scheduleSurveyAfter, sendSurveyMessage } from './schedule';

/** A jobseeker is asked the quarterly survey once their spell has run this long. */
export const QUARTERLY_MIN_SPELL_DAYS = 30;

function systemContext(organisationId: string, clock: Clock): TenantContext {
  return { organisationId, actor: { kind: 'system', id: null }, purpose: 'tilfredshedsmåling', lang: 'da', clock };
}

async function organisationIds(db: Database, only?: string): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(only ? eq(organisations.id, only) : undefined);
  return rows.map((r) => r.id);
}

/**
 * One reminder to everyone who has not answered 5 days after the invitation, while the link
 * still works. Safe to run any number of times: an invitation is reminded at most once (the
 * update claims it), and the outbox key is unique per invitation. Run it daily from the worker.
 */
export async function sendSurveyReminders(db: Database, clock: Clock, options: { afterDays?: number; organisationId?: string } = {}): Promise<{ reminded: number }> {
  const now = clock.now();
  const lastInvitedOn = addDays(toCopenhagenIsoDate(now), -(options.afterDays ?? DEFAULT_REMINDER_AFTER_DAYS));
  let reminded = 0;
  for (const organisationId of await organisationIds(db, options.organisationId)) {
    const ctx = systemContext(organisationId, clock);
    reminded += await db.transaction(async (tx) => {
      const claimed = await tx
        .update(surveyInvitations)
        .set({ remindedAt: now })
        .where(inTenant(surveyInvitations, ctx, isNull(surveyInvitations.answeredAt), isNull(surveyInvitations.remindedAt), gt(surveyInvitations.expiresAt, now), lte(surveyInvitations.invitedOn, lastInvitedOn)))
        .returning();
      if (claimed.length === 0) return 0;
      const definitions = new Map((await loadSurveyDefinitions(tx, ctx)).map((d) => [d.id, d.definition]));
      let sent = 0;
      for (const invitation of claimed) {
        const definition = definitions.get(invitation.definitionId);
        const recipient = await findInvitationRecipient(tx, ctx, invitation.id);
        if (!definition || !recipient) continue;
        await sendSurveyMessage(tx, ctx, {
          invitationId: invitation.id,
          definition,
          channel: invitation.channel,
          recipient,
          language: invitation.language,
          jobseekerId: invitation.jobseekerId,
          expiresAt: invitation.expiresAt,
          reminder: true,
        });
        sent += 1;
      }
      await writeAudit(
        tx,
        ctx,
        claimed.map((i) => ({ action: 'update' as const, subjectType: 'survey_invitation', subjectId: i.id, jobseekerId: i.jobseekerId, details: { change: 'reminder' } })),
      );
      return sent;
    });
  }
  // Rate-limit windows older than a day are of no use any more.
  await db.delete(surveyLinkThrottle).where(lt(surveyLinkThrottle.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
  return { reminded };
}

/**
 * The quarterly survey to every jobseeker with an active spell of at least 30 days, once per
 * calendar quarter (the subject is jobseeker@quarter, so running it daily sends each one once).
 */
export async function scheduleQuarterlySurveys(db: Database, clock: Clock, options: { organisationId?: string } = {}): Promise<{ invited: number; skipped: number }> {
  const today = toCopenhagenIsoDate(clock.now());
  const quarter = quarterOf(today);
  const startedBy = addDays(today, -QUARTERLY_MIN_SPELL_DAYS);
  let invited = 0;
  let skipped = 0;
  for (const organisationId of await organisationIds(db, options.organisationId)) {
    const ctx = systemContext(organisationId, clock);
    await db.transaction(async (tx) => {
      const active = await tx
        .selectDistinctOn([spells.jobseekerId], { jobseekerId: spells.jobseekerId, unitId: spells.unitId, caseworkerId: spells.caseworkerId })
        .from(spells)
        .where(inTenant(spells, ctx, eq(spells.status, 'active'), eq(spells.kind, 'unemployment'), lte(spells.startDate, startedBy)))
        .orderBy(spells.jobseekerId);
      if (active.length === 0) return;
      const already = new Set(
        (
          await tx
            .select({ subjectId: surveyInvitations.subjectId })
            .from(surveyInvitations)
            .where(inTenant(surveyInvitations, ctx, and(eq(surveyInvitations.trigger, 'quarterly'), inArray(surveyInvitations.subjectId, active.map((a) => `${a.jobseekerId}@${quarter}`)))))
        ).map((r) => r.subjectId),
      );
      for (const spell of active) {
        const subjectId = `${spell.jobseekerId}@${quarter}`;
        if (already.has(subjectId)) continue;
        const result = await scheduleSurveyAfter(tx, ctx, { trigger: 'quarterly', jobseekerId: spell.jobseekerId, subjectId, unitId: spell.unitId, caseworkerId: spell.caseworkerId });
        invited += result.scheduled.filter((s) => s.created).length;
        skipped += result.skipped.length;
      }
    });
  }
  return { invited, skipped };
}

/** What the background worker runs, and how often; both are idempotent. */
export const SURVEY_JOBS = [
  { name: 'surveys.reminders', cron: '0 10 * * *', run: (db: Database, clock: Clock) => sendSurveyReminders(db, clock) },
  { name: 'surveys.quarterly', cron: '0 9 * * *', run: (db: Database, clock: Clock) => scheduleQuarterlySurveys(db, clock) },
] as const;
