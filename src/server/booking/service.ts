import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { availabilityBlocks, availabilityExceptions, conversations, spells, staff } from '../../db/schema';
import { addDays, maxIsoDate, startOfCopenhagenDay, toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { checkHours, weeklyBlocksOverlap, type WeeklyAvailability } from '../../core/booking/availability';
import { checkBookingRules, earliestBookableDay, earliestBookableInstant, type BookingAction, type BookingRules, type BookingRuleViolation } from '../../core/booking/booking-rules';
import { computeFreeSlots, findSlot, type Slot } from '../../core/booking/slots';
import type { TenantContext } from '../context';
import { AppError, type FieldErrors } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { loadOrgCalendar, todayOf } from '../calendar/org-calendar';
import type { ConversationService } from '../conversations/service';
import { presentConversation } from '../spells/service';
import { countJobseekerChanges, loadAvailability, loadBookingRules, loadBusy, toException, toWeekly, type AvailabilityBlockRow, type AvailabilityExceptionRow } from './queries';
import type { TBookSlot, TCancelSlot, TExceptionInput, TMoveSlot, TWeeklyBlockInput } from './schemas';

const MIN_OVERRIDE_REASON = 10;
/** How far ahead slots are listed when a talk has no latest date. */
const DEFAULT_HORIZON_DAYS = 28;

const ruleNames: Record<BookingRuleViolation['rule'], { da: string; en: string }> = {
  window: { da: 'samtalens periode', en: "the talk's window" },
  minimum_notice: { da: 'varsel', en: 'notice' },
  max_moves: { da: 'antal flytninger', en: 'number of moves' },
  cutoff: { da: 'frist før samtalen', en: 'cut-off before the talk' },
  free_slot: { da: 'ledige tider', en: 'free times' },
};

const problemMessages = {
  end_before_start: { da: 'Sluttidspunktet skal ligge efter starttidspunktet.', en: 'The end must be after the start.' },
  shorter_than_slot: { da: 'Tidsrummet er kortere end én tid.', en: 'The hours are shorter than one slot.' },
  valid_to_before_from: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
  overlaps: { da: 'Tidsrummet overlapper et andet tidsrum samme ugedag.', en: 'The hours overlap other hours on the same weekday.' },
} as const;

function presentSlot(slot: Slot) {
  return { start: slot.start.toISOString(), end: slot.end.toISOString(), day: slot.day, place: slot.place, modes: slot.modes };
}

function presentBlock(row: AvailabilityBlockRow) {
  return { id: row.id, weekday: row.weekday, start: row.startTime, end: row.endTime, slotMinutes: row.slotMinutes, place: row.place, modes: row.modes, validFrom: row.validFrom, validTo: row.validTo };
}

function presentException(row: AvailabilityExceptionRow) {
  return { id: row.id, day: row.day, kind: row.kind, start: row.startTime, end: row.endTime, slotMinutes: row.slotMinutes, place: row.place, modes: row.modes, note: row.note };
}

export function createBookingService({ db, conversations: talks }: { db: Database; conversations: ConversationService }) {
  async function findCaseworker(tx: DbExecutor, ctx: TenantContext, caseworkerId: string) {
    const [person] = await tx.select({ id: staff.id, name: staff.name, unitId: staff.unitId, role: staff.role, active: staff.active }).from(staff).where(inTenant(staff, ctx, eq(staff.id, caseworkerId)));
    if (!person) throw new AppError('not_found');
    return person;
  }

  /** Caseworkers edit their own availability; managers their unit's (all of it without a unit). */
  function mayEdit(ctx: TenantContext, person: { id: string; unitId: string | null }): boolean {
    if (ctx.actor.kind !== 'staff') return false;
    if (ctx.actor.id === person.id) return ctx.actor.role === 'caseworker' || ctx.actor.role === 'manager';
    return ctx.actor.role === 'manager' && (ctx.actor.unitId === null || ctx.actor.unitId === person.unitId);
  }

  async function requireEditable(tx: DbExecutor, ctx: TenantContext, caseworkerId: string) {
    const person = await findCaseworker(tx, ctx, caseworkerId);
    if (!mayEdit(ctx, person)) throw new AppError('forbidden');
    return person;
  }

  /** A talk and its spell; a jobseeker sees only their own (another's is simply not found). */
  async function loadTalk(tx: DbExecutor, ctx: TenantContext, conversationId: string) {
    const [row] = await tx.select().from(conversations).where(inTenant(conversations, ctx, eq(conversations.id, conversationId)));
    if (!row) throw new AppError('not_found');
    const [spell] = await tx.select().from(spells).where(inTenant(spells, ctx, eq(spells.id, row.spellId)));
    if (!spell) throw new AppError('not_found');
    if (ctx.actor.kind === 'jobseeker' && spell.jobseekerId !== ctx.actor.id) throw new AppError('not_found');
    const caseworkerId = row.caseworkerId ?? spell.caseworkerId;
    return { row, spell, caseworkerId };
  }

  function requireCaseworker(caseworkerId: string | null): string {
    if (!caseworkerId) {
      throw new AppError('unprocessable', { conversation: { da: 'Samtalen har endnu ingen fast vejleder, så den kan ikke bookes her. Kontakt din a-kasse eller dit jobcenter.', en: 'The talk has no caseworker yet, so it cannot be booked here. Contact your office.' } });
    }
    return caseworkerId;
  }

  /** The caseworker's slots from availability alone on one day (bookings are checked under the lock). */
  async function slotsOnDay(tx: DbExecutor, ctx: TenantContext, caseworkerId: string, day: string) {
    const calendar = await loadOrgCalendar(tx, ctx);
    const { blocks, exceptions } = await loadAvailability(tx, ctx, caseworkerId, day);
    return computeFreeSlots({ from: day, to: day, calendar, weekly: blocks.map(toWeekly), exceptions: exceptions.map(toException), busy: [] });
  }

  /**
   * Applies the self-booking rules. A jobseeker is refused with every broken rule named; staff
   * may go ahead with a reason, which is returned for the timeline and the audit row.
   */
  function enforce(ctx: TenantContext, violations: BookingRuleViolation[], overrideReason: string | undefined): { overridden: string[]; reason: string | null } {
    if (violations.length === 0) return { overridden: [], reason: null };
    if (ctx.actor.kind !== 'staff') {
      const fields: FieldErrors = {};
      for (const v of violations) {
        const before = fields[v.field];
        fields[v.field] = before ? { da: `${before.da} ${v.message.da}`, en: `${before.en} ${v.message.en}` } : v.message;
      }
      throw new AppError('booking_rule_violated', fields);
    }
    const reason = overrideReason?.trim() ?? '';
    if (reason.length < MIN_OVERRIDE_REASON) {
      const names = violations.map((v) => ruleNames[v.rule]);
      throw new AppError('validation_failed', {
        overrideReason: {
          da: `Handlingen bryder reglerne for selvbooking (${names.map((n) => n.da).join(', ')}). Skriv en begrundelse (mindst ${MIN_OVERRIDE_REASON} tegn) for at gå videre.`,
          en: `The action breaks the self-booking rules (${names.map((n) => n.en).join(', ')}). Give a reason (at least ${MIN_OVERRIDE_REASON} characters) to go ahead.`,
        },
      });
    }
    return { overridden: violations.map((v) => v.rule), reason };
  }

  async function judge(tx: DbExecutor, ctx: TenantContext, action: BookingAction, talk: Awaited<ReturnType<typeof loadTalk>>, rules: BookingRules, slot?: { start: Date; mode: string; free: Slot | undefined }) {
    const calendar = await loadOrgCalendar(tx, ctx);
    const jobseekerChanges = await countJobseekerChanges(tx, ctx, talk.row.id);
    return checkBookingRules({
      action,
      rules,
      now: ctx.clock.now(),
      calendar,
      talk: { earliest: talk.row.earliest, latest: talk.row.latest, scheduledAt: talk.row.scheduledAt, jobseekerChanges },
      slot: slot ? { start: slot.start, isFree: !!slot.free && slot.free.modes.includes(slot.mode as Slot['modes'][number]) } : undefined,
    });
  }

  async function getAvailability(ctx: TenantContext, caseworkerId: string) {
    const person = await findCaseworker(db, ctx, caseworkerId);
    const { blocks, exceptions } = await loadAvailability(db, ctx, caseworkerId, todayOf(ctx));
    return { caseworker: { id: person.id, name: person.name, unitId: person.unitId }, canEdit: mayEdit(ctx, person), weekly: blocks.map(presentBlock), exceptions: exceptions.map(presentException) };
  }

  const overrideNote = (o: { overridden: string[]; reason: string | null }) => (o.reason ? `Regler for selvbooking tilsidesat (${o.overridden.join(', ')}): ${o.reason}` : null);

  return {
    getAvailability,

    /** Replaces the caseworker's weekly availability as a whole. */
    async replaceWeekly(ctx: TenantContext, caseworkerId: string, blocks: TWeeklyBlockInput[]) {
      const fields: FieldErrors = {};
      const weekly: WeeklyAvailability[] = blocks.map((b) => ({ ...b, place: b.place ?? null, validFrom: b.validFrom ?? null, validTo: b.validTo ?? null, modes: [...new Set(b.modes)] }));
      weekly.forEach((block, i) => {
        const problem = checkHours(block) ?? (weekly.some((other, j) => j < i && weeklyBlocksOverlap(block, other)) ? 'overlaps' : undefined);
        if (problem) fields[`blocks.${i}.end`] = problemMessages[problem];
      });
      if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
      await db.transaction(async (tx) => {
        await requireEditable(tx, ctx, caseworkerId);
        // Lock the caseworker's row, as bookings do, so a slot is never judged against half an edit.
        await tx.select({ id: staff.id }).from(staff).where(inTenant(staff, ctx, eq(staff.id, caseworkerId))).for('update');
        await tx.delete(availabilityBlocks).where(inTenant(availabilityBlocks, ctx, eq(availabilityBlocks.caseworkerId, caseworkerId)));
        if (weekly.length > 0) {
          await tx.insert(availabilityBlocks).values(
            weekly.map((b) => ({
              id: randomUUID(),
              organisationId: ctx.organisationId,
              caseworkerId,
              weekday: b.weekday,
              startTime: b.start,
              endTime: b.end,
              slotMinutes: b.slotMinutes,
              place: b.place,
              modes: b.modes,
              validFrom: b.validFrom,
              validTo: b.validTo,
              createdBy: ctx.actor.id,
            })),
          );
        }
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'availability', subjectId: caseworkerId, details: { blocks: weekly.length } });
      });
      return getAvailability(ctx, caseworkerId);
    },

    async addException(ctx: TenantContext, caseworkerId: string, input: TExceptionInput) {
      if (input.kind === 'extra') {
        const fields: FieldErrors = {};
        if (!input.start) fields.start = { da: 'Skriv hvornår de ekstra tider starter.', en: 'Enter when the extra hours start.' };
        if (!input.end) fields.end = { da: 'Skriv hvornår de ekstra tider slutter.', en: 'Enter when the extra hours end.' };
        if (!input.slotMinutes) fields.slotMinutes = { da: 'Skriv længden af en tid i minutter.', en: 'Enter the length of a slot in minutes.' };
        if (!input.modes?.length) fields.modes = { da: 'Vælg mindst én samtaleform.', en: 'Choose at least one mode.' };
        if (Object.keys(fields).length === 0) {
          const problem = checkHours({ start: input.start!, end: input.end!, slotMinutes: input.slotMinutes! });
          if (problem) fields.end = problemMessages[problem];
        }
        if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
      }
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await requireEditable(tx, ctx, caseworkerId);
        if (input.kind === 'day_off') {
          const [existing] = await tx
            .select({ id: availabilityExceptions.id })
            .from(availabilityExceptions)
            .where(inTenant(availabilityExceptions, ctx, eq(availabilityExceptions.caseworkerId, caseworkerId), eq(availabilityExceptions.day, input.day), eq(availabilityExceptions.kind, 'day_off')));
          if (existing) throw new AppError('validation_failed', { day: { da: 'Dagen er allerede en fridag.', en: 'The day is already a day off.' } });
        }
        await tx.insert(availabilityExceptions).values({
          id,
          organisationId: ctx.organisationId,
          caseworkerId,
          day: input.day,
          kind: input.kind,
          startTime: input.kind === 'extra' ? input.start! : null,
          endTime: input.kind === 'extra' ? input.end! : null,
          slotMinutes: input.kind === 'extra' ? input.slotMinutes! : null,
          place: input.kind === 'extra' ? (input.place ?? null) : null,
          modes: input.kind === 'extra' ? [...new Set(input.modes!)] : null,
          note: input.note ?? null,
          createdBy: ctx.actor.id,
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'availability_exception', subjectId: id, details: { caseworkerId, kind: input.kind } });
      });
      const [row] = await db.select().from(availabilityExceptions).where(inTenant(availabilityExceptions, ctx, eq(availabilityExceptions.id, id)));
      return presentException(row!);
    },

    async removeException(ctx: TenantContext, exceptionId: string) {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(availabilityExceptions).where(inTenant(availabilityExceptions, ctx, eq(availabilityExceptions.id, exceptionId)));
        if (!row) throw new AppError('not_found');
        await requireEditable(tx, ctx, row.caseworkerId);
        await tx.delete(availabilityExceptions).where(inTenant(availabilityExceptions, ctx, eq(availabilityExceptions.id, exceptionId)));
        await writeAudit(tx, ctx, { action: 'delete', subjectType: 'availability_exception', subjectId: exceptionId, details: { caseworkerId: row.caseworkerId } });
      });
    },

    /** A caseworker's free slots between two days (staff view: from now on). */
    async freeSlotsOf(ctx: TenantContext, caseworkerId: string, range: { from?: string; to?: string }) {
      await findCaseworker(db, ctx, caseworkerId);
      const from = maxIsoDate(range.from ?? todayOf(ctx), todayOf(ctx));
      const to = range.to ?? addDays(from, DEFAULT_HORIZON_DAYS);
      if (to < from) throw new AppError('validation_failed', { to: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' } });
      if (addDays(from, 92) < to) throw new AppError('validation_failed', { to: { da: 'Vis højst 3 måneder ad gangen.', en: 'Show at most 3 months at a time.' } });
      const calendar = await loadOrgCalendar(db, ctx);
      const { blocks, exceptions } = await loadAvailability(db, ctx, caseworkerId, from);
      const busy = await loadBusy(db, ctx, caseworkerId, startOfCopenhagenDay(from), startOfCopenhagenDay(addDays(to, 1)));
      return computeFreeSlots({ from, to, calendar, weekly: blocks.map(toWeekly), exceptions: exceptions.map(toException), busy, notBefore: ctx.clock.now() }).map(presentSlot);
    },

    /**
     * The free slots a talk can be booked or moved into: its caseworker's, inside its window, and
     * for a jobseeker not before the minimum notice. Also says which rules stop the jobseeker
     * changing a booking now (cut-off, number of moves).
     */
    async slotsForConversation(ctx: TenantContext, conversationId: string) {
      const talk = await loadTalk(db, ctx, conversationId);
      const rules = await loadBookingRules(db, ctx);
      const calendar = await loadOrgCalendar(db, ctx);
      const now = ctx.clock.now();
      const today = todayOf(ctx);
      const jobseeker = ctx.actor.kind === 'jobseeker';
      const firstDay = jobseeker ? earliestBookableDay(rules, now, calendar) : today;
      const from = maxIsoDate(talk.row.earliest ?? firstDay, firstDay);
      const to = talk.row.latest ?? addDays(from, DEFAULT_HORIZON_DAYS);
      let slots: Slot[] = [];
      if (talk.caseworkerId && from <= to && ['planned', 'booked'].includes(talk.row.status)) {
        const { blocks, exceptions } = await loadAvailability(db, ctx, talk.caseworkerId, from);
        const busy = await loadBusy(db, ctx, talk.caseworkerId, startOfCopenhagenDay(from), startOfCopenhagenDay(addDays(to, 1)));
        slots = computeFreeSlots({ from, to, calendar, weekly: blocks.map(toWeekly), exceptions: exceptions.map(toException), busy, notBefore: jobseeker ? earliestBookableInstant(rules, now, calendar) : now });
      }
      const changeBlockedBy = talk.row.status === 'booked' ? (await judge(db, ctx, 'cancel', talk, rules)).map((v) => ({ rule: v.rule, message: v.message[ctx.lang] })) : [];
      return { conversation: presentConversation(talk.row), rules, slots: slots.map(presentSlot), changeBlockedBy };
    },

    /** Book a talk into a free slot of its caseworker. Jobseekers are held to the rules; staff may override them with a reason. */
    async bookSlot(ctx: TenantContext, conversationId: string, input: TBookSlot) {
      await db.transaction(async (tx) => {
        const talk = await loadTalk(tx, ctx, conversationId);
        const caseworkerId = requireCaseworker(talk.caseworkerId);
        const start = new Date(input.slotStart);
        const free = findSlot(await slotsOnDay(tx, ctx, caseworkerId, toCopenhagenIsoDate(start)), start);
        const rules = await loadBookingRules(tx, ctx);
        const violations = talk.row.status === 'planned' ? await judge(tx, ctx, 'book', talk, rules, { start, mode: input.mode, free }) : [];
        const override = enforce(ctx, violations, input.overrideReason);
        await talks.bookIn(
          tx,
          ctx,
          conversationId,
          {
            version: input.version,
            scheduledAt: start.toISOString(),
            durationMinutes: free ? (free.end.getTime() - free.start.getTime()) / 60_000 : 45,
            mode: input.mode,
            place: free?.place ?? null,
            caseworkerId,
            outsideWindowReason: override.reason ?? undefined,
          },
          { selfBooked: ctx.actor.kind === 'jobseeker', eventReason: overrideNote(override), auditDetails: { via: 'slot', overriddenRules: override.overridden } },
        );
      });
      return talks.reload(ctx, conversationId);
    },

    async moveToSlot(ctx: TenantContext, conversationId: string, input: TMoveSlot) {
      if (ctx.actor.kind === 'staff' && !input.reason?.trim()) throw new AppError('validation_failed', { reason: { da: 'Skriv hvorfor samtalen flyttes.', en: 'Say why the talk is moved.' } });
      await db.transaction(async (tx) => {
        const talk = await loadTalk(tx, ctx, conversationId);
        const caseworkerId = requireCaseworker(talk.caseworkerId);
        const start = new Date(input.slotStart);
        const free = findSlot(await slotsOnDay(tx, ctx, caseworkerId, toCopenhagenIsoDate(start)), start);
        const rules = await loadBookingRules(tx, ctx);
        const violations = talk.row.status === 'booked' ? await judge(tx, ctx, 'move', talk, rules, { start, mode: input.mode, free }) : [];
        const override = enforce(ctx, violations, input.overrideReason);
        const reason = input.reason?.trim() || (ctx.actor.kind === 'jobseeker' ? 'Flyttet af den jobsøgende' : '');
        await talks.moveIn(
          tx,
          ctx,
          conversationId,
          {
            version: input.version,
            scheduledAt: start.toISOString(),
            durationMinutes: free ? (free.end.getTime() - free.start.getTime()) / 60_000 : (talk.row.durationMinutes ?? 45),
            mode: input.mode,
            place: free?.place ?? talk.row.place,
            caseworkerId,
            reason: override.reason ? `${reason} — ${overrideNote(override)}` : reason,
            outsideWindowReason: override.reason ?? undefined,
          },
          { auditDetails: { via: 'slot', overriddenRules: override.overridden } },
        );
      });
      return talks.reload(ctx, conversationId);
    },

    async cancelBooking(ctx: TenantContext, conversationId: string, input: TCancelSlot) {
      if (ctx.actor.kind === 'staff' && !input.reason?.trim()) throw new AppError('validation_failed', { reason: { da: 'Skriv hvorfor samtalen aflyses.', en: 'Say why the talk is cancelled.' } });
      await db.transaction(async (tx) => {
        const talk = await loadTalk(tx, ctx, conversationId);
        if (talk.row.status !== 'booked' && ctx.actor.kind === 'jobseeker') {
          throw new AppError('unprocessable', { conversation: { da: 'Samtalen er ikke booket, så der er intet at aflyse.', en: 'The talk is not booked, so there is nothing to cancel.' } });
        }
        const rules = await loadBookingRules(tx, ctx);
        const violations = talk.row.status === 'booked' ? await judge(tx, ctx, 'cancel', talk, rules) : [];
        const override = enforce(ctx, violations, input.overrideReason);
        const reason = input.reason?.trim() || 'Aflyst af den jobsøgende';
        await talks.cancelIn(tx, ctx, conversationId, { version: input.version, reason: override.reason ? `${reason} — ${overrideNote(override)}` : reason }, { auditDetails: { via: 'slot', overriddenRules: override.overridden } });
      });
      return talks.reload(ctx, conversationId);
    },

    /** The jobseeker's own talks that can still be booked, moved or cancelled (portal). */
    async listOwnTalks(ctx: TenantContext) {
      if (ctx.actor.kind !== 'jobseeker') throw new AppError('forbidden');
      const rows = await db
        .select({ c: conversations })
        .from(conversations)
        .innerJoin(spells, eq(spells.id, conversations.spellId))
        .where(and(inTenant(conversations, ctx, eq(spells.jobseekerId, ctx.actor.id), eq(spells.status, 'active'), inArray(conversations.status, ['planned', 'booked']))))
        .orderBy(asc(conversations.earliest), asc(conversations.scheduledAt));
      return rows.map((r) => presentConversation(r.c));
    },
  };
}

export type BookingService = ReturnType<typeof createBookingService>;
