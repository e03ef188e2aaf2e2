import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import {
  auditLog,
  conversations,
  enrolments,
  jobPlans,
  joblogEntries,
  jobseekerCvs,
  jobseekers,
  messageThreads,
  messages,
  offerSessions,
  offers,
  organisations,
  planComments,
  profilingResponses,
  savedSearches,
  spells,
  staff,
} from '../../db/schema';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import type { SpellService } from '../spells/service';
import type { PlanService } from '../plans/service';
import { assertEligible, eligibilityFacts, type OfferService } from '../offers/service';

export type PortalCtx = TenantContext & { actor: { kind: 'jobseeker'; id: string } };

/** Where later portal features plug in their counts (e.g. unread messages) without this file knowing them. */
export type PortalOverviewHook = (tx: DbExecutor, ctx: PortalCtx) => Promise<Record<string, number | null>>;

/**
 * The jobseeker's own side. Every query here is confined twice: to the jobseeker's
 * organisation (inTenant) and to the jobseeker's own id from the portal session — the request
 * never names a jobseeker or a spell. Staff services are reused with the jobseeker as actor, so
 * answers and comments land where the caseworker sees them and the audit log says who did it.
 */
export function createPortalService(deps: { db: Database; spells: SpellService; plans: PlanService; offers: OfferService; overviewHooks?: PortalOverviewHook[] }) {
  const { db } = deps;

  /** The jobseeker's current spell: the active one, else the latest. */
  async function currentSpell(tx: DbExecutor, ctx: PortalCtx) {
    const [spell] = await tx
      .select({ id: spells.id, status: spells.status, startDate: spells.startDate, segment: spells.segment })
      .from(spells)
      .where(inTenant(spells, ctx, eq(spells.jobseekerId, ctx.actor.id)))
      .orderBy(sql`case when ${spells.status} = 'active' then 0 else 1 end`, desc(spells.startDate))
      .limit(1);
    return spell ?? null;
  }

  async function spellOr404(ctx: PortalCtx) {
    const spell = await currentSpell(db, ctx);
    if (!spell) throw new AppError('not_found');
    return spell;
  }

  return {
    async overview(ctx: PortalCtx) {
      return db.transaction(async (tx) => {
        const spell = await currentSpell(tx, ctx);
        let nextMeeting = null;
        let questionnaireDue = false;
        let activitiesDue: { title: string; dueDate: string }[] = [];
        if (spell && spell.status === 'active') {
          const [meeting] = await tx
            .select({ id: conversations.id, label: conversations.label, type: conversations.type, scheduledAt: conversations.scheduledAt, mode: conversations.mode, place: conversations.place, durationMinutes: conversations.durationMinutes })
            .from(conversations)
            .where(inTenant(conversations, ctx, eq(conversations.spellId, spell.id), eq(conversations.status, 'booked'), gt(conversations.scheduledAt, ctx.clock.now())))
            .orderBy(asc(conversations.scheduledAt))
            .limit(1);
          if (meeting) nextMeeting = { ...meeting, scheduledAt: meeting.scheduledAt!.toISOString() };
          const [answered] = await tx.select({ n: count() }).from(profilingResponses).where(inTenant(profilingResponses, ctx, eq(profilingResponses.spellId, spell.id)));
          questionnaireDue = (answered?.n ?? 0) === 0;
          const [plan] = await tx.select({ activities: jobPlans.activities }).from(jobPlans).where(inTenant(jobPlans, ctx, eq(jobPlans.spellId, spell.id))).orderBy(desc(jobPlans.version)).limit(1);
          activitiesDue = (plan?.activities ?? [])
            .filter((a) => a.status === 'open' && a.dueDate)
            .map((a) => ({ title: a.title, dueDate: a.dueDate! }))
            .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
        }
        const extra: Record<string, number | null> = {};
        for (const hook of deps.overviewHooks ?? []) Object.assign(extra, await hook(tx, ctx));
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'portal_overview', jobseekerId: ctx.actor.id });
        return {
          hasSpell: spell !== null,
          spellActive: spell?.status === 'active',
          nextMeeting,
          questionnaireDue,
          activitiesDue,
          // Filled by the messages feature through an overview hook; null until it exists.
          unreadMessages: extra.unreadMessages ?? null,
        };
      });
    },

    /** The questionnaire with the jobseeker's latest answers; the risk score stays with the caseworker. */
    async getProfiling(ctx: PortalCtx) {
      const spell = await spellOr404(ctx);
      const p = await deps.spells.getProfiling(ctx, spell.id);
      return { questionnaire: p.questionnaire, response: p.response ? { answers: p.response.answers, answeredAt: p.response.answeredAt } : null, canAnswer: spell.status === 'active' };
    },

    async submitProfiling(ctx: PortalCtx, answers: Record<string, unknown>) {
      const spell = await spellOr404(ctx);
      await deps.spells.submitProfiling(ctx, spell.id, answers, 'jobseeker');
      return this.getProfiling(ctx);
    },

    async getPlan(ctx: PortalCtx) {
      const spell = await spellOr404(ctx);
      return deps.plans.getPlan(ctx, spell.id);
    },

    /** A comment on the plan version in force, shown to the caseworker on the case page. */
    async addPlanComment(ctx: PortalCtx, body: string) {
      const spell = await spellOr404(ctx);
      await db.transaction(async (tx) => {
        const [plan] = await tx.select({ id: jobPlans.id, version: jobPlans.version }).from(jobPlans).where(inTenant(jobPlans, ctx, eq(jobPlans.spellId, spell.id))).orderBy(desc(jobPlans.version)).limit(1);
        if (!plan) throw new AppError('unprocessable', { body: { da: 'Der er ingen plan at kommentere endnu.', en: 'There is no plan to comment on yet.' } });
        const id = randomUUID();
        await tx.insert(planComments).values({ id, organisationId: ctx.organisationId, jobseekerId: ctx.actor.id, planId: plan.id, body, createdAt: ctx.clock.now() });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'plan_comment', subjectId: id, jobseekerId: ctx.actor.id, details: { version: plan.version } });
      });
      return this.getPlan(ctx);
    },

    /**
     * "Who has looked at my data": the audit rows about the jobseeker (and the searches whose
     * results showed them), with the role and organisation of who did it but never a staff name.
     */
    async accessLog(ctx: PortalCtx, page: number, pageSize: number) {
      return db.transaction(async (tx) => {
        const about = and(
          eq(auditLog.organisationId, ctx.organisationId),
          or(eq(auditLog.jobseekerId, ctx.actor.id), sql`jsonb_exists(${auditLog.details} -> 'resultIds', ${ctx.actor.id})`),
          // The person's own actions in the portal are not "someone looking".
          or(ne(auditLog.actorKind, 'jobseeker'), isNull(auditLog.actorId), ne(auditLog.actorId, ctx.actor.id)),
        );
        const [total] = await tx.select({ n: count() }).from(auditLog).where(about);
        const rows = await tx
          .select({ id: auditLog.id, at: auditLog.at, actorKind: auditLog.actorKind, role: staff.role, organisationName: organisations.name, action: auditLog.action, subjectType: auditLog.subjectType, purpose: auditLog.purpose })
          .from(auditLog)
          .leftJoin(staff, and(eq(auditLog.actorKind, 'staff'), eq(staff.id, auditLog.actorId)))
          .innerJoin(organisations, eq(organisations.id, auditLog.organisationId))
          .where(about)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'access_log', jobseekerId: ctx.actor.id });
        return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: total?.n ?? 0, page, pageSize };
      });
    },

    /** Everything Jobspor holds about the jobseeker, for download (audited as an export). */
    async exportData(ctx: PortalCtx) {
      return db.transaction(async (tx) => {
        const [person] = await tx
          .select({
            firstName: jobseekers.firstName,
            lastName: jobseekers.lastName,
            birthDate: jobseekers.birthDate,
            email: jobseekers.email,
            phone: jobseekers.phone,
            addressLine: jobseekers.addressLine,
            postalCode: jobseekers.postalCode,
            city: jobseekers.city,
            municipalityCode: jobseekers.municipalityCode,
            educationLevel: jobseekers.educationLevel,
            preferredLanguage: jobseekers.preferredLanguage,
            organisationName: organisations.name,
          })
          .from(jobseekers)
          .innerJoin(organisations, eq(organisations.id, jobseekers.organisationId))
          .where(inTenant(jobseekers, ctx, eq(jobseekers.id, ctx.actor.id)));
        if (!person) throw new AppError('not_found');
        const mySpells = await tx
          .select({ id: spells.id, kind: spells.kind, startDate: spells.startDate, targetGroup: spells.targetGroup, segment: spells.segment, status: spells.status, endDate: spells.endDate, endReason: spells.endReason })
          .from(spells)
          .where(inTenant(spells, ctx, eq(spells.jobseekerId, ctx.actor.id)))
          .orderBy(asc(spells.startDate));
        const spellIds = mySpells.map((s) => s.id);
        const none = spellIds.length === 0;
        const talks = none
          ? []
          : await tx
              .select({ label: conversations.label, status: conversations.status, scheduledAt: conversations.scheduledAt, mode: conversations.mode, place: conversations.place, heldOn: conversations.heldOn, agreements: conversations.agreements })
              .from(conversations)
              .where(inTenant(conversations, ctx, inArray(conversations.spellId, spellIds), ne(conversations.status, 'superseded')))
              .orderBy(asc(conversations.earliest));
        const profiling = none
          ? []
          : await tx.select({ answers: profilingResponses.answers, answeredAt: profilingResponses.answeredAt, answeredBy: profilingResponses.answeredBy }).from(profilingResponses).where(inTenant(profilingResponses, ctx, inArray(profilingResponses.spellId, spellIds))).orderBy(asc(profilingResponses.answeredAt));
        const plans = none
          ? []
          : await tx
              .select({ version: jobPlans.version, jobGoals: jobPlans.jobGoals, activities: jobPlans.activities, searchRequirementPerWeek: jobPlans.searchRequirementPerWeek, searchStrategy: jobPlans.searchStrategy, changeNote: jobPlans.changeNote, createdAt: jobPlans.createdAt })
              .from(jobPlans)
              .where(inTenant(jobPlans, ctx, inArray(jobPlans.spellId, spellIds)))
              .orderBy(asc(jobPlans.createdAt), asc(jobPlans.version));
        const comments = await tx.select({ body: planComments.body, createdAt: planComments.createdAt }).from(planComments).where(inTenant(planComments, ctx, eq(planComments.jobseekerId, ctx.actor.id))).orderBy(asc(planComments.createdAt));
        const myEnrolments = await tx
          .select({ offer: offers.title, session: offerSessions.title, startsAt: offerSessions.startsAt, status: enrolments.status })
          .from(enrolments)
          .innerJoin(offerSessions, eq(offerSessions.id, enrolments.sessionId))
          .innerJoin(offers, eq(offers.id, offerSessions.offerId))
          .where(inTenant(enrolments, ctx, eq(enrolments.jobseekerId, ctx.actor.id)))
          .orderBy(asc(offerSessions.startsAt));
        const joblog = await tx
          .select({ date: joblogEntries.date, employer: joblogEntries.employer, jobTitle: joblogEntries.jobTitle, kind: joblogEntries.kind, source: joblogEntries.source, status: joblogEntries.status, note: joblogEntries.note, createdByKind: joblogEntries.createdByKind, createdAt: joblogEntries.createdAt })
          .from(joblogEntries)
          .where(inTenant(joblogEntries, ctx, eq(joblogEntries.jobseekerId, ctx.actor.id)))
          .orderBy(asc(joblogEntries.date), asc(joblogEntries.createdAt));
        const myMessages = await tx
          .select({ subject: messageThreads.subject, category: messageThreads.category, authorKind: messages.authorKind, body: messages.body, createdAt: messages.createdAt, readAt: messages.readAt })
          .from(messages)
          .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
          .where(inTenant(messageThreads, ctx, eq(messageThreads.jobseekerId, ctx.actor.id)))
          .orderBy(asc(messageThreads.createdAt), asc(messages.createdAt));
        const searches = await tx
          .select({ occupationCodes: savedSearches.occupationCodes, municipalityCode: savedSearches.municipalityCode, radiusKm: savedSearches.radiusKm, freeText: savedSearches.freeText, createdAt: savedSearches.createdAt })
          .from(savedSearches)
          .where(inTenant(savedSearches, ctx, eq(savedSearches.jobseekerId, ctx.actor.id)))
          .orderBy(asc(savedSearches.createdAt));
        const [cv] = await tx
          .select({ occupationsWanted: jobseekerCvs.occupationsWanted, occupationsHeld: jobseekerCvs.occupationsHeld, skills: jobseekerCvs.skills, education: jobseekerCvs.education, languages: jobseekerCvs.languages, drivingLicences: jobseekerCvs.drivingLicences, hoursWanted: jobseekerCvs.hoursWanted, maxTravelKm: jobseekerCvs.maxTravelKm, availableFrom: jobseekerCvs.availableFrom, summary: jobseekerCvs.summary })
          .from(jobseekerCvs)
          .where(inTenant(jobseekerCvs, ctx, eq(jobseekerCvs.jobseekerId, ctx.actor.id)));
        await writeAudit(tx, ctx, { action: 'export', subjectType: 'portal_data', jobseekerId: ctx.actor.id });
        const iso = <T extends Record<string, unknown>>(r: T) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
        return {
          exportedAt: ctx.clock.now().toISOString(),
          person,
          spells: mySpells.map(({ id: _id, ...s }) => s),
          conversations: talks.map(iso),
          profiling: profiling.map(iso),
          plans: plans.map(iso),
          planComments: comments.map(iso),
          offers: myEnrolments.map(iso),
          joblog: joblog.map(iso),
          messages: myMessages.map(iso),
          savedSearches: searches.map(iso),
          cv: cv ?? null,
        };
      });
    },

    /** Sessions open for sign-up in the jobseeker's organisation, each saying whether they may join and why not. */
    async listOffers(ctx: PortalCtx) {
      return db.transaction(async (tx) => {
        const facts = await eligibilityFacts(tx, ctx, ctx.actor.id);
        if (!facts) throw new AppError('not_found');
        const today = todayOf(ctx);
        const rows = await tx
          .select({ s: offerSessions, o: offers })
          .from(offerSessions)
          .innerJoin(offers, eq(offers.id, offerSessions.offerId))
          .where(inTenant(offerSessions, ctx, eq(offerSessions.status, 'open'), eq(offers.active, true), gte(offerSessions.lastDay, today)))
          .orderBy(asc(offerSessions.startsAt))
          .limit(100);
        const mine = await tx
          .select({ id: enrolments.id, sessionId: enrolments.sessionId, status: enrolments.status, offerTitle: offers.title, sessionTitle: offerSessions.title, startsAt: offerSessions.startsAt, place: offerSessions.place })
          .from(enrolments)
          .innerJoin(offerSessions, eq(offerSessions.id, enrolments.sessionId))
          .innerJoin(offers, eq(offers.id, offerSessions.offerId))
          .where(inTenant(enrolments, ctx, eq(enrolments.jobseekerId, ctx.actor.id), ne(enrolments.status, 'cancelled')))
          .orderBy(asc(offerSessions.startsAt));
        const sessions = rows.map(({ s, o }) => {
          let reasons: Record<string, string> = {};
          try {
            assertEligible(o, facts, today);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            reasons = Object.fromEntries(Object.entries(error.fields ?? {}).map(([k, v]) => [k, v[ctx.lang]]));
          }
          return {
            id: s.id,
            offerTitle: o.title,
            offerKind: o.kind,
            description: o.description,
            title: s.title,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            place: s.place,
            eligible: Object.keys(reasons).length === 0,
            notEligibleBecause: Object.values(reasons),
            enrolled: mine.some((m) => m.sessionId === s.id),
          };
        });
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'enrolment', jobseekerId: ctx.actor.id });
        return { sessions, enrolments: mine.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() })) };
      });
    },

    async signUp(ctx: PortalCtx, sessionId: string) {
      const e = await deps.offers.signUpAsJobseeker(ctx, ctx.actor.id, sessionId);
      return { id: e.id, sessionId: e.sessionId, status: e.status, waitlistPosition: e.waitlistPosition };
    },

    async cancel(ctx: PortalCtx, enrolmentId: string, reason: string) {
      const e = await deps.offers.cancelAsJobseeker(ctx, ctx.actor.id, enrolmentId, reason);
      return { id: e.id, sessionId: e.sessionId, status: e.status, waitlistPosition: e.waitlistPosition };
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
