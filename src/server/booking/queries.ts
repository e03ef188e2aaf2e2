import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { availabilityBlocks, availabilityExceptions, conversationEvents, conversations, orgTemplates } from '../../db/schema';
import type { AvailabilityException, WeeklyAvailability } from '../../core/booking/availability';
import { ZBookingRules, type BookingRules } from '../../core/booking/booking-rules';
import type { BusyInterval } from '../../core/booking/slots';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import { readShippedTemplates } from '../templates/template-files';

export type AvailabilityBlockRow = typeof availabilityBlocks.$inferSelect;
export type AvailabilityExceptionRow = typeof availabilityExceptions.$inferSelect;

export function toWeekly(row: AvailabilityBlockRow): WeeklyAvailability {
  return { weekday: row.weekday, start: row.startTime, end: row.endTime, slotMinutes: row.slotMinutes, place: row.place, modes: row.modes, validFrom: row.validFrom, validTo: row.validTo };
}

export function toException(row: AvailabilityExceptionRow): AvailabilityException {
  if (row.kind === 'day_off') return { day: row.day, kind: 'day_off' };
  return { day: row.day, kind: 'extra', start: row.startTime!, end: row.endTime!, slotMinutes: row.slotMinutes!, place: row.place, modes: row.modes ?? ['in_person'] };
}

export async function loadAvailability(db: DbExecutor, ctx: TenantContext, caseworkerId: string, fromDay?: string) {
  const blocks = await db
    .select()
    .from(availabilityBlocks)
    .where(inTenant(availabilityBlocks, ctx, eq(availabilityBlocks.caseworkerId, caseworkerId)))
    .orderBy(asc(availabilityBlocks.weekday), asc(availabilityBlocks.startTime));
  const exceptions = await db
    .select()
    .from(availabilityExceptions)
    .where(inTenant(availabilityExceptions, ctx, eq(availabilityExceptions.caseworkerId, caseworkerId), fromDay ? gte(availabilityExceptions.day, fromDay) : undefined))
    .orderBy(asc(availabilityExceptions.day), asc(availabilityExceptions.startTime));
  return { blocks, exceptions };
}

/** The caseworker's booked talks overlapping [from, to). */
export async function loadBusy(db: DbExecutor, ctx: TenantContext, caseworkerId: string, from: Date, to: Date): Promise<BusyInterval[]> {
  const rows = await db
    .select({ at: conversations.scheduledAt, minutes: conversations.durationMinutes })
    .from(conversations)
    .where(
      inTenant(
        conversations,
        ctx,
        eq(conversations.caseworkerId, caseworkerId),
        eq(conversations.status, 'booked'),
        lt(conversations.scheduledAt, to),
        sql`${conversations.scheduledAt} + make_interval(mins => coalesce(${conversations.durationMinutes}, 45)) > ${from.toISOString()}`,
      ),
    );
  return rows.filter((r) => r.at).map((r) => ({ start: r.at!, end: new Date(r.at!.getTime() + (r.minutes ?? 45) * 60_000) }));
}

/** How many times the jobseeker has moved or cancelled this talk. */
export async function countJobseekerChanges(db: DbExecutor, ctx: TenantContext, conversationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversationEvents)
    .where(inTenant(conversationEvents, ctx, eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.actorKind, 'jobseeker'), inArray(conversationEvents.kind, ['moved', 'cancelled'])));
  return Number(row?.n ?? 0);
}

let shippedRules: BookingRules | null = null;

/** The organisation's booking rules in force: its newest active version, else the shipped default. */
export async function loadBookingRules(db: DbExecutor, ctx: TenantContext): Promise<BookingRules> {
  const [row] = await db
    .select({ definition: orgTemplates.definition })
    .from(orgTemplates)
    .where(and(inTenant(orgTemplates, ctx, eq(orgTemplates.kind, 'booking_rules'), eq(orgTemplates.active, true))))
    .orderBy(asc(orgTemplates.key), desc(orgTemplates.version))
    .limit(1);
  if (row) return ZBookingRules.parse(row.definition);
  shippedRules ??= ZBookingRules.parse(readShippedTemplates().find((t) => t.kind === 'booking_rules')!.definition);
  return shippedRules;
}
