import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { organisations, surveyInvitations, surveyLinks, surveyLinkThrottle, surveyResponses } from '../../db/schema';
import { checkSurveyAnswers } from '../../core/surveys/answers';
import { classifySurveyCode } from '../../core/surveys/delivery';
import { presentSurveyQuestions, type SurveyLanguage } from '../../core/surveys/survey-definition';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { AppError, type ErrorCode, type FieldErrors } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { findSurveyDefinition } from './definitions';
import { hashSource, hashSurveyCode } from './links';

/** Per source address and 10-minute window: this many lookups, or this many codes that do not exist, and it must wait. */
export const THROTTLE_WINDOW_MS = 10 * 60 * 1000;
export const MAX_LOOKUPS_PER_WINDOW = 60;
export const MAX_MISSES_PER_WINDOW = 10;

/** An error of the public survey page, in the invitation's language when it is known. */
export class PublicSurveyError extends AppError {
  readonly lang: SurveyLanguage | null;
  constructor(code: ErrorCode, lang: SurveyLanguage | null, fields?: FieldErrors) {
    super(code, fields);
    this.lang = lang;
  }
}

type Invitation = typeof surveyInvitations.$inferSelect;

export function createPublicSurveyService({ db, clock }: { db: Database; clock: Clock }) {
  function windowStart(now: Date) {
    return new Date(Math.floor(now.getTime() / THROTTLE_WINDOW_MS) * THROTTLE_WINDOW_MS);
  }

  /** Counts the lookup in its own statement, so the count stays even when the request fails. */
  async function countLookup(source: string): Promise<void> {
    const [row] = await db
      .insert(surveyLinkThrottle)
      .values({ sourceHash: hashSource(source), windowStart: windowStart(clock.now()), lookups: 1, misses: 0 })
      .onConflictDoUpdate({ target: [surveyLinkThrottle.sourceHash, surveyLinkThrottle.windowStart], set: { lookups: sql`${surveyLinkThrottle.lookups} + 1` } })
      .returning();
    if (!row || row.lookups > MAX_LOOKUPS_PER_WINDOW || row.misses >= MAX_MISSES_PER_WINDOW) throw new PublicSurveyError('too_many_requests', null);
  }

  async function countMiss(source: string): Promise<void> {
    await db
      .update(surveyLinkThrottle)
      .set({ misses: sql`${surveyLinkThrottle.misses} + 1` })
      .where(and(eq(surveyLinkThrottle.sourceHash, hashSource(source)), eq(surveyLinkThrottle.windowStart, windowStart(clock.now()))));
  }

  /**
   * The invitation a link opens. The link itself names the organisation, so this lookup by the
   * hash of an unguessable code is the one query not confined by a tenant context; everything
   * after it is.
   */
  async function resolve(tx: DbExecutor, code: string, lock: boolean): Promise<{ invitation: Invitation; ctx: TenantContext }> {
    const kind = classifySurveyCode(code);
    const [link] = kind
      ? await tx
          .select({ organisationId: surveyLinks.organisationId, invitationId: surveyLinks.invitationId, expiresAt: surveyLinks.expiresAt })
          .from(surveyLinks)
          .where(and(eq(surveyLinks.codeHash, hashSurveyCode(code)), eq(surveyLinks.kind, kind)))
      : [];
    if (!link) throw new PublicSurveyError('survey_link_invalid', null);
    const ctx: TenantContext = { organisationId: link.organisationId, actor: { kind: 'system', id: null }, purpose: 'tilfredshedsmåling', lang: 'da', clock };
    const query = tx.select().from(surveyInvitations).where(inTenant(surveyInvitations, ctx, eq(surveyInvitations.id, link.invitationId)));
    const [invitation] = lock ? await query.for('update') : await query;
    if (!invitation) throw new PublicSurveyError('survey_link_invalid', null);
    return { invitation, ctx: { ...ctx, lang: invitation.language } };
  }

  /** A code that opens nothing counts against the source (after any transaction, so the count stays). */
  async function countingMisses<T>(source: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PublicSurveyError && error.code === 'survey_link_invalid') await countMiss(source);
      throw error;
    }
  }

  function expired(invitation: Invitation): boolean {
    return clock.now().getTime() >= invitation.expiresAt.getTime();
  }

  return {
    /** The questions of the survey a link opens, in the invitation's language; nothing about the person. */
    async open(code: string, source: string) {
      await countLookup(source);
      const { invitation, ctx } = await countingMisses(source, () => resolve(db, code, false));
      if (invitation.answeredAt) throw new PublicSurveyError('survey_answered', invitation.language);
      if (expired(invitation)) throw new PublicSurveyError('survey_link_expired', invitation.language);
      const definition = await findSurveyDefinition(db, ctx, invitation.definitionId);
      if (!definition) throw new PublicSurveyError('survey_link_invalid', invitation.language);
      const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId));
      const lang = invitation.language;
      return {
        language: lang,
        organisation: org?.name ?? '',
        title: definition.title[lang],
        intro: definition.intro[lang],
        questions: presentSurveyQuestions(definition, lang),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },

    /** Stores the answers once; a second answer is refused with 409 and changes nothing. */
    async answer(code: string, source: string, input: Record<string, unknown>) {
      await countLookup(source);
      return countingMisses(source, () => db.transaction(async (tx) => {
        const { invitation, ctx } = await resolve(tx, code, true);
        const lang = invitation.language;
        if (invitation.answeredAt) throw new PublicSurveyError('survey_already_answered', lang);
        if (expired(invitation)) throw new PublicSurveyError('survey_link_expired', lang);
        const definition = await findSurveyDefinition(tx, ctx, invitation.definitionId);
        if (!definition) throw new PublicSurveyError('survey_link_invalid', lang);
        const checked = checkSurveyAnswers(definition, input);
        if (!checked.ok) throw new PublicSurveyError('validation_failed', lang, checked.errors);
        const now = clock.now();
        const inserted = await tx
          .insert(surveyResponses)
          .values({ id: randomUUID(), organisationId: ctx.organisationId, invitationId: invitation.id, answers: checked.answers, satisfaction: checked.satisfaction, answeredAt: now })
          .onConflictDoNothing()
          .returning({ id: surveyResponses.id });
        if (inserted.length === 0) throw new PublicSurveyError('survey_already_answered', lang);
        await tx.update(surveyInvitations).set({ answeredAt: now }).where(inTenant(surveyInvitations, ctx, eq(surveyInvitations.id, invitation.id)));
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'survey_response', subjectId: inserted[0]!.id, jobseekerId: invitation.jobseekerId, details: { via: 'public_link' } });
        return { language: lang, thanks: definition.thanks[lang] };
      }));
    },
  };
}

export type PublicSurveyService = ReturnType<typeof createPublicSurveyService>;
