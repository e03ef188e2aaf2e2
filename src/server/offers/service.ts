import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { enrolments, jobseekers, offerSessions, offers, organisations, outbox, referrals, spells, units } from '../../db/schema';
import { addDays, toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { allowedSeats, checkEligibility, isLateCancellation, themeForMeeting, ZEligibilityRules, type EligibilityRules, type OfferKind } from '../../core/offers';
import type { TenantContext } from '../context';
import { AppError, type FieldErrors } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import { isUniqueViolation } from '../../db/errors';
import { assertOpenForSignUp, lockSession, placeOnLockedSession, promoteWaitlist, seatCounts, takeSignupSeq, type SessionRow } from './seating';
import type { TCreateOffer, TCreateSession, TUpdateOffer, TUpdateSession } from './schemas';

type OfferRow = typeof offers.$inferSelect;

export function presentOffer(o: OfferRow) {
  return {
    id: o.id,
    kind: o.kind as OfferKind,
    title: o.title,
    description: o.description,
    trade: o.trade,
    durationWeeks: o.durationWeeks,
    themes: o.themes,
    eligibility: o.eligibility as EligibilityRules,
    requiresApproval: o.requiresApproval,
    openForReferrals: o.openForReferrals,
    active: o.active,
    version: o.version,
  };
}

function presentSession(s: SessionRow, counts: { seated: number; waiting: number }, offer?: Pick<OfferRow, 'title' | 'kind'>) {
  return {
    id: s.id,
    offerId: s.offerId,
    offerTitle: offer?.title ?? null,
    offerKind: offer?.kind ?? null,
    unitId: s.unitId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    lastDay: s.lastDay,
    place: s.place,
    theme: s.theme,
    capacity: s.capacity,
    overbookingPercent: s.overbookingPercent,
    allowedSeats: allowedSeats(s.capacity, s.overbookingPercent),
    seated: counts.seated,
    waiting: counts.waiting,
    cancellationDeadlineHours: s.cancellationDeadlineHours,
    status: s.status,
    version: s.version,
  };
}

/** The facts eligibility is judged on, read in the caller's organisation. */
export async function eligibilityFacts(tx: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>, jobseekerId: string) {
  const [person] = await tx
    .select({ id: jobseekers.id, birthDate: jobseekers.birthDate, firstName: jobseekers.firstName, lastName: jobseekers.lastName, email: jobseekers.email, phone: jobseekers.phone, municipalityCode: jobseekers.municipalityCode })
    .from(jobseekers)
    .where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
  if (!person) return null;
  const [spell] = await tx
    .select({ id: spells.id, kind: spells.kind, segment: spells.segment, targetGroup: spells.targetGroup })
    .from(spells)
    .where(inTenant(spells, ctx, eq(spells.jobseekerId, jobseekerId), eq(spells.status, 'active')))
    .limit(1);
  return { person, spell: spell ?? null };
}

/** Refuses, naming each failed rule in Danish and English, when the person may not take part. */
export function assertEligible(offer: OfferRow, facts: NonNullable<Awaited<ReturnType<typeof eligibilityFacts>>>, today: string): void {
  const rules = ZEligibilityRules.safeParse(offer.eligibility);
  const result = checkEligibility(rules.success ? rules.data : {}, { birthDate: facts.person.birthDate, spell: facts.spell }, today);
  if (result.eligible) return;
  const fields: FieldErrors = {};
  for (const f of result.failures) fields[`eligibility.${f.rule}`] = f.message;
  throw new AppError('offer_not_eligible', fields);
}

/** The jobcentre of the person's municipality: where referrals and approval requests go. */
export async function jobcentreFor(tx: DbExecutor, municipalityCode: number | null) {
  if (municipalityCode === null) return null;
  const [jc] = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.kind, 'jobcenter'), eq(organisations.municipalityCode, municipalityCode))).limit(1);
  return jc ?? null;
}

export function createOfferService({ db }: { db: Database }) {
  async function loadOffer(tx: DbExecutor, ctx: TenantContext, id: string) {
    const [row] = await tx.select().from(offers).where(inTenant(offers, ctx, eq(offers.id, id)));
    if (!row) throw new AppError('not_found');
    return row;
  }

  async function sessionWithCounts(tx: DbExecutor, ctx: TenantContext, id: string) {
    const [row] = await tx.select({ s: offerSessions, title: offers.title, kind: offers.kind }).from(offerSessions).innerJoin(offers, eq(offers.id, offerSessions.offerId)).where(inTenant(offerSessions, ctx, eq(offerSessions.id, id)));
    if (!row) throw new AppError('not_found');
    return presentSession(row.s, await seatCounts(tx, id), row);
  }

  async function participants(tx: DbExecutor, ctx: TenantContext, sessionId: string) {
    const rows = await tx
      .select({
        id: enrolments.id,
        status: enrolments.status,
        signupSeq: enrolments.signupSeq,
        jobseekerId: enrolments.jobseekerId,
        referralId: enrolments.referralId,
        firstName: jobseekers.firstName,
        lastName: jobseekers.lastName,
        personName: referrals.personName,
        enrolledAt: enrolments.enrolledAt,
        enrolledByKind: enrolments.enrolledByKind,
        promotedAt: enrolments.promotedAt,
        cancelledAt: enrolments.cancelledAt,
        lateCancellation: enrolments.lateCancellation,
        version: enrolments.version,
        notifiedVia: outbox.channel,
      })
      .from(enrolments)
      .leftJoin(jobseekers, eq(jobseekers.id, enrolments.jobseekerId))
      .leftJoin(outbox, and(eq(outbox.organisationId, ctx.organisationId), eq(outbox.idempotencyKey, sql`'offer_seat_promoted:' || ${enrolments.id}::text`)))
      .leftJoin(referrals, and(eq(referrals.id, enrolments.referralId), eq(referrals.receiverOrganisationId, ctx.organisationId)))
      .where(inTenant(enrolments, ctx, eq(enrolments.sessionId, sessionId)))
      .orderBy(asc(enrolments.signupSeq));
    let position = 0;
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      signupSeq: r.signupSeq,
      waitlistPosition: r.status === 'waitlisted' ? ++position : null,
      jobseekerId: r.jobseekerId,
      referred: r.referralId !== null,
      name: r.firstName ? `${r.firstName} ${r.lastName}` : (r.personName ?? ''),
      enrolledAt: r.enrolledAt.toISOString(),
      enrolledByKind: r.enrolledByKind,
      promotedAt: r.promotedAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      lateCancellation: r.lateCancellation,
      /** How the person was told a seat became theirs (email / sms), if they were. */
      notifiedVia: r.notifiedVia ?? null,
      version: r.version,
    }));
  }

  async function enrolmentView(tx: DbExecutor, ctx: TenantContext, enrolmentId: string) {
    const [row] = await tx.select().from(enrolments).where(inTenant(enrolments, ctx, eq(enrolments.id, enrolmentId)));
    if (!row) throw new AppError('not_found');
    let waitlistPosition: number | null = null;
    if (row.status === 'waitlisted') {
      const [ahead] = await tx
        .select({ n: count() })
        .from(enrolments)
        .where(inTenant(enrolments, ctx, eq(enrolments.sessionId, row.sessionId), eq(enrolments.status, 'waitlisted'), lte(enrolments.signupSeq, row.signupSeq)));
      waitlistPosition = ahead?.n ?? null;
    }
    return {
      id: row.id,
      sessionId: row.sessionId,
      jobseekerId: row.jobseekerId,
      status: row.status,
      signupSeq: row.signupSeq,
      waitlistPosition,
      enrolledAt: row.enrolledAt.toISOString(),
      promotedAt: row.promotedAt?.toISOString() ?? null,
      lateCancellation: row.lateCancellation,
      version: row.version,
    };
  }

  /**
   * Signs a person up: eligibility is checked on the server, then the session is locked and the
   * person gets the next sign-up number and a seat or a place at the end of the waitlist.
   */
  async function enrol(tx: DbExecutor, ctx: TenantContext, sessionId: string, jobseekerId: string, by: 'staff' | 'jobseeker') {
    const session = await lockSession(tx, ctx, sessionId);
    assertOpenForSignUp(session, ctx);
    const offer = await loadOffer(tx, ctx, session.offerId);
    const facts = await eligibilityFacts(tx, ctx, jobseekerId);
    if (!facts) throw new AppError('validation_failed', { jobseekerId: { da: 'Vælg en jobsøgende fra organisationen.', en: 'Choose a jobseeker of the organisation.' } });
    assertEligible(offer, facts, todayOf(ctx));
    const [already] = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(inTenant(enrolments, ctx, eq(enrolments.sessionId, sessionId), eq(enrolments.jobseekerId, jobseekerId), sql`${enrolments.status} <> 'cancelled'`));
    if (already) throw new AppError('offer_already_enrolled');
    const seq = await takeSignupSeq(tx, session);
    const id = randomUUID();
    const now = ctx.clock.now();
    let status: 'seated' | 'waitlisted' | 'pending_approval';
    if (offer.requiresApproval) {
      const jc = await jobcentreFor(tx, facts.person.municipalityCode);
      if (!jc)
        throw new AppError('unprocessable', {
          jobseekerId: { da: 'Hurtig opkvalificering kræver jobcentrets godkendelse, men den jobsøgende har ingen bopælskommune med et jobcenter i systemet.', en: 'Fast upskilling needs the jobcentre’s approval, but the jobseeker has no municipality with a jobcentre in the system.' },
        });
      status = 'pending_approval';
      await tx.insert(enrolments).values({ id, organisationId: ctx.organisationId, sessionId, jobseekerId, spellId: facts.spell?.id ?? null, status, signupSeq: seq, enrolledByKind: by, enrolledBy: ctx.actor.id, enrolledAt: now });
      await tx.insert(referrals).values({
        id: randomUUID(),
        organisationId: ctx.organisationId,
        receiverOrganisationId: jc.id,
        kind: 'approval_request',
        offerId: offer.id,
        jobseekerId,
        personName: `${facts.person.firstName} ${facts.person.lastName}`,
        personEmail: facts.person.email,
        personPhone: facts.person.phone,
        reason: `Anmodning om godkendelse af ${offer.title} (${session.title}).`,
        enrolmentId: id,
        sentBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
        sentAt: now,
      });
    } else {
      const placement = await placeOnLockedSession(tx, session);
      status = placement.status;
      await tx.insert(enrolments).values({ id, organisationId: ctx.organisationId, sessionId, jobseekerId, spellId: facts.spell?.id ?? null, status, signupSeq: seq, everSeated: status === 'seated', enrolledByKind: by, enrolledBy: ctx.actor.id, enrolledAt: now });
    }
    await writeAudit(tx, ctx, { action: 'create', subjectType: 'enrolment', subjectId: id, jobseekerId, details: { sessionId, status } });
    return id;
  }

  async function cancel(ctx: TenantContext, enrolmentId: string, reason: string, options: { jobseekerId?: string }) {
    await db.transaction(async (tx) => {
      const [first] = await tx.select({ sessionId: enrolments.sessionId }).from(enrolments).where(inTenant(enrolments, ctx, eq(enrolments.id, enrolmentId)));
      if (!first) throw new AppError('not_found');
      const session = await lockSession(tx, ctx, first.sessionId);
      const [row] = await tx.select().from(enrolments).where(inTenant(enrolments, ctx, eq(enrolments.id, enrolmentId)));
      if (!row || (options.jobseekerId && row.jobseekerId !== options.jobseekerId)) throw new AppError('not_found');
      if (!['seated', 'waitlisted', 'pending_approval'].includes(row.status)) {
        throw new AppError('unprocessable', { status: { da: 'Tilmeldingen er allerede afsluttet eller afmeldt.', en: 'The enrolment has already ended or been cancelled.' } });
      }
      const now = ctx.clock.now();
      const late = row.status === 'seated' && isLateCancellation(now, session.startsAt, session.cancellationDeadlineHours);
      // In the portal the deadline holds; staff may still cancel late, and it is recorded as late.
      if (late && options.jobseekerId) throw new AppError('cancellation_deadline_passed');
      await tx.update(enrolments).set({ status: 'cancelled', cancelledAt: now, cancelReason: reason, lateCancellation: late, version: row.version + 1 }).where(eq(enrolments.id, enrolmentId));
      if (row.status === 'pending_approval') {
        await tx.update(referrals).set({ state: 'declined', decisionNote: 'Tilmeldingen blev afmeldt.', version: sql`${referrals.version} + 1` }).where(inTenant(referrals, ctx, eq(referrals.enrolmentId, enrolmentId), eq(referrals.state, 'sent')));
      }
      await promoteWaitlist(tx, ctx, session);
      await writeAudit(tx, ctx, { action: 'update', subjectType: 'enrolment', subjectId: enrolmentId, jobseekerId: row.jobseekerId, details: { change: 'cancelled', late } });
    });
    return db.transaction((tx) => enrolmentView(tx, ctx, enrolmentId));
  }

  return {
    async listOffers(ctx: TenantContext) {
      const rows = await db.select().from(offers).where(inTenant(offers, ctx)).orderBy(asc(offers.kind), asc(offers.title));
      const sessionCounts = await db
        .select({ offerId: offerSessions.offerId, n: count() })
        .from(offerSessions)
        .where(inTenant(offerSessions, ctx, eq(offerSessions.status, 'open'), gte(offerSessions.lastDay, todayOf(ctx))))
        .groupBy(offerSessions.offerId);
      return rows.map((o) => ({ ...presentOffer(o), openSessions: sessionCounts.find((c) => c.offerId === o.id)?.n ?? 0 }));
    },

    async getOffer(ctx: TenantContext, id: string) {
      return db.transaction(async (tx) => {
        const offer = await loadOffer(tx, ctx, id);
        const sessions = await tx.select().from(offerSessions).where(inTenant(offerSessions, ctx, eq(offerSessions.offerId, id))).orderBy(desc(offerSessions.startsAt));
        const list = [];
        for (const s of sessions.slice(0, 50)) list.push(presentSession(s, await seatCounts(tx, s.id), offer));
        return { ...presentOffer(offer), sessions: list };
      });
    },

    async createOffer(ctx: TenantContext, input: TCreateOffer) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const [org] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, ctx.organisationId));
        const durationWeeks =
          input.durationWeeks ?? (input.kind === 'job_club' ? (input.eligibility.targetGroups?.length === 1 && input.eligibility.targetGroups[0] === 'unemployment_insurance' ? 5 : 13) : null);
        await tx.insert(offers).values({
          id,
          organisationId: ctx.organisationId,
          kind: input.kind,
          title: input.title,
          description: input.description ?? null,
          trade: input.trade ?? null,
          durationWeeks,
          themes: input.themes ?? [],
          eligibility: input.eligibility,
          // Fast upskilling run by an a-kasse needs the jobcentre's approval (regional pool).
          requiresApproval: input.requiresApproval ?? (input.kind === 'fast_upskilling' && org?.kind === 'akasse'),
          openForReferrals: input.openForReferrals ?? false,
          createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
          createdAt: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'offer', subjectId: id });
      });
      return this.getOffer(ctx, id);
    },

    async updateOffer(ctx: TenantContext, id: string, input: TUpdateOffer) {
      await db.transaction(async (tx) => {
        const row = await loadOffer(tx, ctx, id);
        if (row.version !== input.version) throw new AppError('version_conflict');
        const { version: _v, ...changes } = input;
        await tx
          .update(offers)
          .set({ ...changes, version: row.version + 1 })
          .where(inTenant(offers, ctx, eq(offers.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'offer', subjectId: id, details: { fields: Object.keys(changes) } });
      });
      return this.getOffer(ctx, id);
    },

    async listSessions(ctx: TenantContext, query: { from?: string; to?: string; offerId?: string }) {
      const from = query.from ?? addDays(todayOf(ctx), -30);
      const rows = await db
        .select({ s: offerSessions, title: offers.title, kind: offers.kind })
        .from(offerSessions)
        .innerJoin(offers, eq(offers.id, offerSessions.offerId))
        .where(inTenant(offerSessions, ctx, gte(offerSessions.lastDay, from), query.to ? lte(sql`(${offerSessions.startsAt} at time zone 'Europe/Copenhagen')::date`, query.to) : undefined, query.offerId ? eq(offerSessions.offerId, query.offerId) : undefined))
        .orderBy(asc(offerSessions.startsAt))
        .limit(200);
      const ids = rows.map((r) => r.s.id);
      const counts = ids.length
        ? await db
            .select({ sessionId: enrolments.sessionId, status: enrolments.status, n: count() })
            .from(enrolments)
            .where(inTenant(enrolments, ctx, inArray(enrolments.sessionId, ids)))
            .groupBy(enrolments.sessionId, enrolments.status)
        : [];
      const of = (id: string, status: string) => counts.find((c) => c.sessionId === id && c.status === status)?.n ?? 0;
      return rows.map((r) => presentSession(r.s, { seated: of(r.s.id, 'seated'), waiting: of(r.s.id, 'waitlisted') }, r));
    },

    /** A session with its participant list (seats, waitlist in order, cancellations). */
    async getSession(ctx: TenantContext, id: string) {
      return db.transaction(async (tx) => {
        const session = await sessionWithCounts(tx, ctx, id);
        const list = await participants(tx, ctx, id);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'offer_session', subjectId: id, details: { participants: list.length } });
        return { ...session, participants: list };
      });
    },

    async createSession(ctx: TenantContext, offerId: string, input: TCreateSession) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const offer = await loadOffer(tx, ctx, offerId);
        const startsAt = new Date(input.startsAt);
        const endsAt = new Date(input.endsAt);
        const startDay = toCopenhagenIsoDate(startsAt);
        const fields: FieldErrors = {};
        if (endsAt <= startsAt) fields.endsAt = { da: 'Sluttidspunktet skal ligge efter starttidspunktet.', en: 'The end must be after the start.' };
        if (startDay < todayOf(ctx)) fields.startsAt = { da: 'Holdet kan ikke starte i fortiden.', en: 'The session cannot start in the past.' };
        // A job club meets once a week for its duration; the last meeting is (weeks − 1) weeks after the first.
        const lastDay = input.lastDay ?? (offer.durationWeeks ? addDays(startDay, (offer.durationWeeks - 1) * 7) : toCopenhagenIsoDate(endsAt));
        if (lastDay < startDay) fields.lastDay = { da: 'Sidste dag ligger før første dag.', en: 'The last day is before the first day.' };
        if (input.unitId) {
          const [unit] = await tx.select({ id: units.id }).from(units).where(inTenant(units, ctx, eq(units.id, input.unitId)));
          if (!unit) fields.unitId = { da: 'Vælg en afdeling i organisationen.', en: 'Choose a unit of the organisation.' };
        }
        if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
        let theme = input.theme ?? null;
        if (!theme && offer.kind === 'theme_meeting' && offer.themes.length > 0) {
          const [n] = await tx.select({ n: count() }).from(offerSessions).where(inTenant(offerSessions, ctx, eq(offerSessions.offerId, offerId)));
          theme = themeForMeeting(offer.themes, n?.n ?? 0);
        }
        const unitId = input.unitId ?? (ctx.actor.kind === 'staff' ? ctx.actor.unitId : null);
        await tx.insert(offerSessions).values({
          id,
          organisationId: ctx.organisationId,
          offerId,
          unitId,
          title: input.title ?? `${offer.title}${theme ? ` – ${theme}` : ''}, ${startDay.slice(8, 10)}-${startDay.slice(5, 7)}-${startDay.slice(0, 4)}`,
          startsAt,
          endsAt,
          lastDay,
          place: input.place,
          theme,
          capacity: input.capacity,
          overbookingPercent: input.overbookingPercent,
          cancellationDeadlineHours: input.cancellationDeadlineHours,
          createdAt: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'offer_session', subjectId: id });
      });
      return this.getSession(ctx, id);
    },

    /** Changing seats: more room moves people up from the waitlist at once. */
    async updateSession(ctx: TenantContext, id: string, input: TUpdateSession) {
      await db.transaction(async (tx) => {
        const session = await lockSession(tx, ctx, id);
        if (session.version !== input.version) throw new AppError('version_conflict');
        const { version: _v, ...changes } = input;
        await tx
          .update(offerSessions)
          .set({ ...changes, version: session.version + 1 })
          .where(eq(offerSessions.id, id));
        await promoteWaitlist(tx, ctx, { ...session, ...changes });
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'offer_session', subjectId: id, details: { fields: Object.keys(changes) } });
      });
      return this.getSession(ctx, id);
    },

    async enrolByStaff(ctx: TenantContext, sessionId: string, input: { jobseekerId: string }) {
      try {
        const id = await db.transaction((tx) => enrol(tx, ctx, sessionId, input.jobseekerId, 'staff'));
        return db.transaction((tx) => enrolmentView(tx, ctx, id));
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('offer_already_enrolled');
        throw error;
      }
    },

    /**
     * The portal's sign-up: the jobseeker id comes from the caller (the portal's session), never
     * from the request body, and the jobseeker is the actor in the audit log.
     */
    async signUpAsJobseeker(ctx: Omit<TenantContext, 'actor'>, jobseekerId: string, sessionId: string) {
      const asJobseeker: TenantContext = { ...ctx, actor: { kind: 'jobseeker', id: jobseekerId } };
      try {
        const id = await db.transaction((tx) => enrol(tx, asJobseeker, sessionId, jobseekerId, 'jobseeker'));
        return db.transaction((tx) => enrolmentView(tx, asJobseeker, id));
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('offer_already_enrolled');
        throw error;
      }
    },

    async cancelEnrolment(ctx: TenantContext, enrolmentId: string, input: { reason: string }) {
      return cancel(ctx, enrolmentId, input.reason, {});
    },

    /** The portal's cancellation: only one's own enrolment, and not after the deadline. */
    async cancelAsJobseeker(ctx: Omit<TenantContext, 'actor'>, jobseekerId: string, enrolmentId: string, reason: string) {
      return cancel({ ...ctx, actor: { kind: 'jobseeker', id: jobseekerId } }, enrolmentId, reason, { jobseekerId });
    },

    /** Offers and sessions a jobseeker is signed up for (the case view, and the portal's "my offers"). */
    async listEnrolmentsOfJobseeker(ctx: TenantContext, jobseekerId: string) {
      return db.transaction(async (tx) => {
        const [person] = await tx.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
        if (!person) throw new AppError('not_found');
        const rows = await tx
          .select({ e: enrolments, sessionTitle: offerSessions.title, startsAt: offerSessions.startsAt, offerTitle: offers.title, offerKind: offers.kind })
          .from(enrolments)
          .innerJoin(offerSessions, eq(offerSessions.id, enrolments.sessionId))
          .innerJoin(offers, eq(offers.id, offerSessions.offerId))
          .where(inTenant(enrolments, ctx, eq(enrolments.jobseekerId, jobseekerId)))
          .orderBy(desc(offerSessions.startsAt));
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'enrolment', jobseekerId });
        return rows.map((r) => ({ id: r.e.id, sessionId: r.e.sessionId, sessionTitle: r.sessionTitle, startsAt: r.startsAt.toISOString(), offerTitle: r.offerTitle, offerKind: r.offerKind, status: r.e.status, signupSeq: r.e.signupSeq }));
      });
    },
  };
}

export type OfferService = ReturnType<typeof createOfferService>;
