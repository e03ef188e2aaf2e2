import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { enrolments, jobseekers, offerSessions, offers, organisations, referrals, tasks } from '../../db/schema';
import { queueNotification } from '../notifications/queue';
import { allowedSeats, placeSignUp, seatsToPromote } from '../../core/offers';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';

export type SessionRow = typeof offerSessions.$inferSelect;
export type EnrolmentRow = typeof enrolments.$inferSelect;
type Ctx = Pick<TenantContext, 'organisationId' | 'clock' | 'actor'>;

/**
 * Takes the session's row lock. Every change to who holds a seat goes through here first, so
 * concurrent sign-ups and cancellations on one session queue up (on PostgreSQL across
 * connections as on PGlite) and a seat cannot be given twice.
 */
export async function lockSession(tx: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>, sessionId: string): Promise<SessionRow> {
  const [row] = await tx.select().from(offerSessions).where(inTenant(offerSessions, ctx, eq(offerSessions.id, sessionId))).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

export async function seatCounts(tx: DbExecutor, sessionId: string): Promise<{ seated: number; waiting: number }> {
  const rows = await tx
    .select({ status: enrolments.status, n: count() })
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), sql`${enrolments.status} in ('seated', 'waitlisted')`))
    .groupBy(enrolments.status);
  return { seated: rows.find((r) => r.status === 'seated')?.n ?? 0, waiting: rows.find((r) => r.status === 'waitlisted')?.n ?? 0 };
}

/** The next sign-up number on a locked session: the first-come-first-served order. */
export async function takeSignupSeq(tx: DbExecutor, session: SessionRow): Promise<number> {
  const seq = session.lastSignupSeq + 1;
  await tx.update(offerSessions).set({ lastSignupSeq: seq }).where(eq(offerSessions.id, session.id));
  session.lastSignupSeq = seq;
  return seq;
}

/** Where a sign-up on a locked session goes: a seat, or the end of the waitlist. */
export async function placeOnLockedSession(tx: DbExecutor, session: SessionRow): Promise<{ status: 'seated' | 'waitlisted'; position: number | null }> {
  const counts = await seatCounts(tx, session.id);
  const placement = placeSignUp({ ...counts, allowed: allowedSeats(session.capacity, session.overbookingPercent) });
  return placement.kind === 'seat' ? { status: 'seated', position: null } : { status: 'waitlisted', position: placement.position };
}

export function assertOpenForSignUp(session: SessionRow, ctx: Pick<TenantContext, 'clock'>): void {
  if (session.status !== 'open' || session.lastDay < todayOf(ctx as TenantContext)) throw new AppError('session_closed');
}

/**
 * Moves people up from the waitlist, first come first served, while there are free seats, and
 * tells each of them (an outbox message). The session must be locked.
 */
export async function promoteWaitlist(tx: DbExecutor, ctx: Ctx, session: SessionRow): Promise<string[]> {
  const counts = await seatCounts(tx, session.id);
  const n = seatsToPromote({ ...counts, allowed: allowedSeats(session.capacity, session.overbookingPercent) });
  if (n === 0) return [];
  const next = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(inTenant(enrolments, ctx, eq(enrolments.sessionId, session.id), eq(enrolments.status, 'waitlisted')))
    .orderBy(asc(enrolments.signupSeq))
    .limit(n);
  const now = ctx.clock.now();
  for (const { id } of next) {
    await tx.update(enrolments).set({ status: 'seated', everSeated: true, promotedAt: now, version: sql`${enrolments.version} + 1` }).where(eq(enrolments.id, id));
    await notifySeat(tx, ctx, id, session);
  }
  return next.map((r) => r.id);
}

function copenhagenTime(at: Date, lang: 'da' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }).format(at);
}

/**
 * Tells the participant that a seat is theirs: an e-mail (or SMS) in the outbox, once per
 * enrolment. Without contact details, staff get a task to call instead.
 */
export async function notifySeat(tx: DbExecutor, ctx: Ctx, enrolmentId: string, session: SessionRow): Promise<void> {
  const [row] = await tx
    .select({
      jobseekerId: enrolments.jobseekerId,
      firstName: jobseekers.firstName,
      email: sql<string | null>`coalesce(${jobseekers.email}, ${referrals.personEmail})`,
      phone: sql<string | null>`coalesce(${jobseekers.phone}, ${referrals.personPhone})`,
      lang: jobseekers.preferredLanguage,
      personName: referrals.personName,
      offerTitle: offers.title,
      orgName: organisations.name,
    })
    .from(enrolments)
    .leftJoin(jobseekers, eq(jobseekers.id, enrolments.jobseekerId))
    .leftJoin(referrals, and(eq(referrals.id, enrolments.referralId), eq(referrals.receiverOrganisationId, ctx.organisationId)))
    .innerJoin(offers, eq(offers.id, session.offerId))
    .innerJoin(organisations, eq(organisations.id, enrolments.organisationId))
    .where(inTenant(enrolments, ctx, eq(enrolments.id, enrolmentId)));
  if (!row) return;
  const lang = row.lang === 'en' ? 'en' : 'da';
  const name = row.firstName ?? row.personName?.split(' ')[0] ?? '';
  const when = copenhagenTime(session.startsAt, lang);
  const recipient = row.email ?? row.phone;
  if (!recipient) {
    await tx
      .insert(tasks)
      .values({ id: randomUUID(), organisationId: ctx.organisationId, jobseekerId: row.jobseekerId, kind: 'offer_seat_notice', title: `Giv besked om plads på ${session.title}`, dueDate: todayOf(ctx as TenantContext), unitId: session.unitId, dedupeKey: `offer_seat:${enrolmentId}` })
      .onConflictDoNothing();
    return;
  }
  await queueNotification(tx, ctx, {
    template: 'offer_seat_promoted',
    channel: row.email ? 'email' : 'sms',
    recipient,
    jobseekerId: row.jobseekerId,
    language: lang,
    vars: { firstName: name, offerTitle: row.offerTitle, sessionTitle: session.title, when, place: session.place, cancellationHours: session.cancellationDeadlineHours, organisation: row.orgName },
    idempotencyKey: `offer_seat_promoted:${enrolmentId}`,
  });
}
