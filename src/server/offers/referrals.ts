import { randomUUID } from 'node:crypto';
import { aliasedTable, and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { enrolments, offers, organisations, referrals } from '../../db/schema';
import { checkEligibility, ZEligibilityRules, type OfferKind } from '../../core/offers';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import { assertEligible, eligibilityFacts, jobcentreFor } from './service';
import { assertOpenForSignUp, lockSession, notifySeat, placeOnLockedSession, promoteWaitlist, takeSignupSeq } from './seating';

type ReferralRow = typeof referrals.$inferSelect;

/**
 * The one place a row is read across organisations: a referral is seen by the organisation that
 * sent it (organisation_id) and the one it was sent to (receiver_organisation_id), and by no one
 * else. Every referral query builds its WHERE through this instead of inTenant().
 */
function referralVisibleTo(ctx: Pick<TenantContext, 'organisationId'>, ...conditions: (SQL | undefined)[]): SQL {
  return and(or(eq(referrals.organisationId, ctx.organisationId), eq(referrals.receiverOrganisationId, ctx.organisationId)), ...conditions) as SQL;
}

const sender = aliasedTable(organisations, 'sender_org');
const receiver = aliasedTable(organisations, 'receiver_org');

const STATE_DA: Record<ReferralRow['state'], string> = { sent: 'sendt', accepted: 'accepteret', declined: 'afvist', enrolled: 'tilmeldt', completed: 'afsluttet' };

export function createReferralService({ db }: { db: Database }) {
  async function loadVisible(tx: DbExecutor, ctx: TenantContext, id: string, lock = false) {
    const q = tx.select().from(referrals).where(referralVisibleTo(ctx, eq(referrals.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** What each side sees. The receiver gets name, contact and reason — not the sender's jobseeker id or case. */
  async function present(tx: DbExecutor, ctx: TenantContext, where: SQL) {
    const rows = await tx
      .select({ r: referrals, offerTitle: offers.title, offerKind: offers.kind, senderName: sender.name, receiverName: receiver.name })
      .from(referrals)
      .innerJoin(offers, eq(offers.id, referrals.offerId))
      .innerJoin(sender, eq(sender.id, referrals.organisationId))
      .innerJoin(receiver, eq(receiver.id, referrals.receiverOrganisationId))
      .where(where)
      .orderBy(desc(referrals.sentAt))
      .limit(500);
    return rows.map(({ r, offerTitle, offerKind, senderName, receiverName }) => {
      const side = r.organisationId === ctx.organisationId ? ('sender' as const) : ('receiver' as const);
      return {
        id: r.id,
        kind: r.kind,
        side,
        state: r.state,
        offer: { id: r.offerId, title: offerTitle, kind: offerKind as OfferKind },
        senderOrganisation: senderName,
        receiverOrganisation: receiverName,
        personName: r.personName,
        personEmail: r.personEmail,
        personPhone: r.personPhone,
        reason: r.reason,
        decisionNote: r.decisionNote,
        outcome: r.outcome,
        sentAt: r.sentAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        version: r.version,
        ...(side === 'sender' ? { jobseekerId: r.jobseekerId } : {}),
      };
    });
  }

  async function one(ctx: TenantContext, id: string) {
    return db.transaction(async (tx) => {
      const [view] = await present(tx, ctx, referralVisibleTo(ctx, eq(referrals.id, id)));
      if (!view) throw new AppError('not_found');
      await writeAudit(tx, ctx, { action: 'read', subjectType: 'referral', subjectId: id, jobseekerId: view.side === 'sender' ? (view.jobseekerId ?? null) : null });
      return view;
    });
  }

  function requireReceiver(ctx: TenantContext, row: ReferralRow) {
    if (row.receiverOrganisationId !== ctx.organisationId) throw new AppError('forbidden');
  }

  function requireState(row: ReferralRow, allowed: ReferralRow['state'][]) {
    if (!allowed.includes(row.state)) throw new AppError('unprocessable', { state: { da: `Henvisningen er ${STATE_DA[row.state]} og kan ikke ændres sådan.`, en: `The referral is ${row.state} and cannot be changed that way.` } });
  }

  return {
    /** Offers open for referral at the jobcentre of the person's municipality, with eligibility per offer. */
    async referralOffers(ctx: TenantContext, jobseekerId: string) {
      return db.transaction(async (tx) => {
        const facts = await eligibilityFacts(tx, ctx, jobseekerId);
        if (!facts) throw new AppError('not_found');
        const jc = await jobcentreFor(tx, facts.person.municipalityCode);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'referral_offers', jobseekerId });
        if (!jc || jc.id === ctx.organisationId) return { receiver: null, offers: [] };
        const rows = await tx.select().from(offers).where(and(eq(offers.organisationId, jc.id), eq(offers.openForReferrals, true), eq(offers.active, true)));
        const today = todayOf(ctx);
        return {
          receiver: jc,
          offers: rows.map((o) => {
            const parsed = ZEligibilityRules.safeParse(o.eligibility);
            const result = checkEligibility(parsed.success ? parsed.data : {}, { birthDate: facts.person.birthDate, spell: facts.spell }, today);
            return { id: o.id, kind: o.kind as OfferKind, title: o.title, description: o.description, eligible: result.eligible, failures: result.eligible ? [] : result.failures.map((f) => f.message[ctx.lang]) };
          }),
        };
      });
    },

    async send(ctx: TenantContext, jobseekerId: string, input: { offerId: string; reason: string }) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const facts = await eligibilityFacts(tx, ctx, jobseekerId);
        if (!facts) throw new AppError('not_found');
        const jc = await jobcentreFor(tx, facts.person.municipalityCode);
        const [offer] = jc ? await tx.select().from(offers).where(and(eq(offers.id, input.offerId), eq(offers.organisationId, jc.id), eq(offers.openForReferrals, true), eq(offers.active, true))) : [];
        if (!jc || !offer || jc.id === ctx.organisationId) {
          throw new AppError('validation_failed', { offerId: { da: 'Vælg et tilbud fra jobcentret i den jobsøgendes bopælskommune.', en: 'Choose an offer of the jobcentre in the jobseeker’s municipality.' } });
        }
        assertEligible(offer, facts, todayOf(ctx));
        const [open] = await tx
          .select({ id: referrals.id })
          .from(referrals)
          .where(inTenant(referrals, ctx, eq(referrals.jobseekerId, jobseekerId), eq(referrals.offerId, offer.id), sql`${referrals.state} in ('sent', 'accepted', 'enrolled')`));
        if (open) throw new AppError('unprocessable', { offerId: { da: 'Den jobsøgende er allerede henvist til dette tilbud.', en: 'The jobseeker has already been referred to this offer.' } });
        await tx.insert(referrals).values({
          id,
          organisationId: ctx.organisationId,
          receiverOrganisationId: jc.id,
          kind: 'referral',
          offerId: offer.id,
          jobseekerId,
          personName: `${facts.person.firstName} ${facts.person.lastName}`,
          personEmail: facts.person.email,
          personPhone: facts.person.phone,
          reason: input.reason,
          sentBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
          sentAt: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'referral', subjectId: id, jobseekerId, details: { receiver: jc.id } });
      });
      return one(ctx, id);
    },

    /** Inbox: referrals and approval requests sent to us. Outbox: those we sent. */
    async list(ctx: TenantContext, box: 'inbox' | 'outbox') {
      return db.transaction(async (tx) => {
        const where = box === 'inbox' ? eq(referrals.receiverOrganisationId, ctx.organisationId) : eq(referrals.organisationId, ctx.organisationId);
        const list = await present(tx, ctx, where);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'referral', details: { box, count: list.length } });
        return list;
      });
    },

    get: one,

    /**
     * The receiver accepts or declines. An approval request (fast upskilling) decides the sender's
     * pending enrolment: on approval it takes a seat (or the waitlist) on the sender's session.
     */
    async decide(ctx: TenantContext, id: string, input: { version: number; decision: 'accepted' | 'declined'; note?: string }) {
      await db.transaction(async (tx) => {
        const row = await loadVisible(tx, ctx, id, true);
        requireReceiver(ctx, row);
        if (row.version !== input.version) throw new AppError('version_conflict');
        requireState(row, ['sent']);
        const now = ctx.clock.now();
        let state: ReferralRow['state'] = input.decision;
        if (row.kind === 'approval_request' && row.enrolmentId) {
          // Crossing on purpose: the decision changes the sender's enrolment, in the sender's organisation.
          const senderCtx = { ...ctx, organisationId: row.organisationId };
          const [pending] = await tx.select({ sessionId: enrolments.sessionId }).from(enrolments).where(inTenant(enrolments, senderCtx, eq(enrolments.id, row.enrolmentId)));
          if (pending) {
            const session = await lockSession(tx, senderCtx, pending.sessionId);
            const [enrolment] = await tx.select().from(enrolments).where(inTenant(enrolments, senderCtx, eq(enrolments.id, row.enrolmentId)));
            if (enrolment?.status === 'pending_approval') {
              if (input.decision === 'accepted') {
                const placement = await placeOnLockedSession(tx, session);
                await tx.update(enrolments).set({ status: placement.status, everSeated: placement.status === 'seated', version: enrolment.version + 1 }).where(eq(enrolments.id, enrolment.id));
                if (placement.status === 'seated') await notifySeat(tx, senderCtx, enrolment.id, session);
                state = placement.status === 'seated' ? 'enrolled' : 'accepted';
              } else {
                await tx.update(enrolments).set({ status: 'cancelled', cancelledAt: now, cancelReason: 'Ikke godkendt af jobcentret', version: enrolment.version + 1 }).where(eq(enrolments.id, enrolment.id));
              }
            }
          }
        }
        await tx.update(referrals).set({ state, decisionNote: input.note ?? null, decidedAt: now, decidedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null, version: row.version + 1 }).where(eq(referrals.id, id));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'referral', subjectId: id, details: { decision: input.decision } });
      });
      return one(ctx, id);
    },

    /** The receiver gives the referred person a seat (or waitlist place) on one of the offer's sessions. */
    async enrol(ctx: TenantContext, id: string, input: { version: number; sessionId: string }) {
      await db.transaction(async (tx) => {
        const row = await loadVisible(tx, ctx, id, true);
        requireReceiver(ctx, row);
        if (row.version !== input.version) throw new AppError('version_conflict');
        if (row.kind !== 'referral') throw new AppError('unprocessable', { kind: { da: 'En godkendelsesanmodning tilmeldes hos afsenderen.', en: 'An approval request is enrolled by the sender.' } });
        requireState(row, ['accepted']);
        const session = await lockSession(tx, ctx, input.sessionId).catch(() => {
          throw new AppError('validation_failed', { sessionId: { da: 'Vælg et hold på tilbuddet.', en: 'Choose a session of the offer.' } });
        });
        if (session.offerId !== row.offerId) throw new AppError('validation_failed', { sessionId: { da: 'Vælg et hold på tilbuddet.', en: 'Choose a session of the offer.' } });
        assertOpenForSignUp(session, ctx);
        const seq = await takeSignupSeq(tx, session);
        const placement = await placeOnLockedSession(tx, session);
        const enrolmentId = randomUUID();
        await tx.insert(enrolments).values({
          id: enrolmentId,
          organisationId: ctx.organisationId,
          sessionId: session.id,
          referralId: row.id,
          status: placement.status,
          signupSeq: seq,
          everSeated: placement.status === 'seated',
          enrolledByKind: 'staff',
          enrolledBy: ctx.actor.id,
          enrolledAt: ctx.clock.now(),
        });
        await tx.update(referrals).set({ state: 'enrolled', enrolmentId, version: row.version + 1 }).where(eq(referrals.id, id));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'referral', subjectId: id, details: { change: 'enrolled', sessionId: session.id, status: placement.status } });
      });
      return one(ctx, id);
    },

    /** The outcome, visible to the sender too: completed, dropped out, or left for a job. */
    async complete(ctx: TenantContext, id: string, input: { version: number; outcome: 'completed' | 'dropped_out' | 'in_job' }) {
      await db.transaction(async (tx) => {
        const row = await loadVisible(tx, ctx, id, true);
        requireReceiver(ctx, row);
        if (row.version !== input.version) throw new AppError('version_conflict');
        requireState(row, ['accepted', 'enrolled']);
        if (row.kind === 'referral' && row.enrolmentId) {
          const [enrolment] = await tx.select().from(enrolments).where(inTenant(enrolments, ctx, eq(enrolments.id, row.enrolmentId)));
          if (enrolment && ['seated', 'waitlisted'].includes(enrolment.status)) {
            const session = await lockSession(tx, ctx, enrolment.sessionId);
            const ended = enrolment.status === 'waitlisted' ? 'cancelled' : input.outcome === 'completed' ? 'completed' : 'dropped_out';
            await tx.update(enrolments).set({ status: ended, endedOn: todayOf(ctx), leftForJob: input.outcome === 'in_job', version: enrolment.version + 1 }).where(eq(enrolments.id, enrolment.id));
            await promoteWaitlist(tx, ctx, session);
          }
        }
        await tx.update(referrals).set({ state: 'completed', outcome: input.outcome, version: row.version + 1 }).where(eq(referrals.id, id));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'referral', subjectId: id, details: { outcome: input.outcome } });
      });
      return one(ctx, id);
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
