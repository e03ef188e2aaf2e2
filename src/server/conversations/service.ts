import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { conversationEvents, conversations, spells, staff } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import type { TenantContext } from '../context';
import { AppError, type FieldErrors } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { loadOrgCalendar, todayOf } from '../calendar/org-calendar';
import type { SpellHooks } from '../spells/hooks';
import { presentConversation } from '../spells/service';
import { scheduleSurveyAfter } from '../surveys/schedule';
import { notifyBookingChange } from './booking-notifications';
import type { TBookConversation, THoldConversation, TMoveConversation } from './schemas';

type ConversationRow = typeof conversations.$inferSelect;

const MIN_OUTSIDE_REASON = 10;

function formatDanishDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

export function createConversationService({ db, hooks }: { db: Database; hooks: SpellHooks }) {
  async function load(tx: DbExecutor, ctx: TenantContext, id: string, version?: number) {
    const [row] = await tx.select().from(conversations).where(inTenant(conversations, ctx, eq(conversations.id, id)));
    if (!row) throw new AppError('not_found');
    const [spell] = await tx.select().from(spells).where(inTenant(spells, ctx, eq(spells.id, row.spellId)));
    if (!spell) throw new AppError('not_found');
    if (version !== undefined && row.version !== version) throw new AppError('version_conflict');
    return { row, spell };
  }

  function requireStatus(row: ConversationRow, allowed: ConversationRow['status'][]) {
    if (!allowed.includes(row.status)) {
      throw new AppError('unprocessable', { status: { da: `Samtalen kan ikke ændres i sin nuværende status (${statusDa[row.status]}).`, en: `The conversation cannot be changed in its current state (${row.status}).` } });
    }
  }

  /** Checks time, window, working day and the caseworker's calendar; returns what to store. */
  async function checkSlot(tx: DbExecutor, ctx: TenantContext, row: ConversationRow, input: { scheduledAt: string; durationMinutes: number; caseworkerId?: string | null; outsideWindowReason?: string }, spellCaseworker: string | null) {
    const fields: FieldErrors = {};
    const at = new Date(input.scheduledAt);
    const day = toCopenhagenIsoDate(at);
    if (at.getTime() < ctx.clock.now().getTime() - 5 * 60_000) fields.scheduledAt = { da: 'Tidspunktet ligger i fortiden.', en: 'The time is in the past.' };
    const calendar = await loadOrgCalendar(tx, ctx);
    const reason = input.outsideWindowReason?.trim() ?? '';
    const outsideWindow = (row.earliest && day < row.earliest) || (row.latest && day > row.latest);
    if (!fields.scheduledAt && outsideWindow && reason.length < MIN_OUTSIDE_REASON) {
      fields.outsideWindowReason = {
        da: `Tidspunktet ligger uden for samtalens frist (${formatDanishDate(row.earliest!)} – ${formatDanishDate(row.latest!)}). Skriv en begrundelse (mindst ${MIN_OUTSIDE_REASON} tegn) for at booke alligevel.`,
        en: `The time is outside the conversation's window (${row.earliest} – ${row.latest}). Give a reason (at least ${MIN_OUTSIDE_REASON} characters) to book it anyway.`,
      };
    }
    if (!fields.scheduledAt && !calendar.isWorkingDay(day) && reason.length < MIN_OUTSIDE_REASON) {
      fields.scheduledAt = { da: `${formatDanishDate(day)} er ikke en arbejdsdag (${calendar.holidayName(day) ?? 'weekend'}).`, en: `${day} is not a working day.` };
    }
    const caseworkerId = input.caseworkerId ?? row.caseworkerId ?? spellCaseworker ?? (ctx.actor.kind === 'staff' ? ctx.actor.id : null);
    if (caseworkerId) {
      // Lock the caseworker's row: two bookings into the same slot queue here instead of both succeeding.
      const [person] = await tx.select({ id: staff.id, active: staff.active }).from(staff).where(inTenant(staff, ctx, eq(staff.id, caseworkerId))).for('update');
      if (!person || !person.active) fields.caseworkerId = { da: 'Vælg en aktiv medarbejder fra organisationen.', en: 'Choose an active staff member of the organisation.' };
    }
    if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
    if (caseworkerId) {
      const end = new Date(at.getTime() + input.durationMinutes * 60_000);
      const clash = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          inTenant(
            conversations,
            ctx,
            eq(conversations.caseworkerId, caseworkerId),
            eq(conversations.status, 'booked'),
            ne(conversations.id, row.id),
            lt(conversations.scheduledAt, end),
            gt(sql`${conversations.scheduledAt} + make_interval(mins => coalesce(${conversations.durationMinutes}, 45))`, at),
          ),
        )
        .limit(1);
      if (clash.length > 0) throw new AppError('slot_taken', { scheduledAt: { da: 'Medarbejderen har allerede en samtale på det tidspunkt.', en: 'The caseworker already has a conversation at that time.' } });
    }
    return { at, caseworkerId, outsideWindowReason: outsideWindow ? reason : null };
  }

  async function event(tx: DbExecutor, ctx: TenantContext, conversationId: string, kind: (typeof conversationEvents.$inferInsert)['kind'], extra: Partial<typeof conversationEvents.$inferInsert> = {}) {
    await tx.insert(conversationEvents).values({ id: randomUUID(), organisationId: ctx.organisationId, conversationId, kind, at: ctx.clock.now(), actorKind: ctx.actor.kind, actorId: ctx.actor.id, ...extra });
  }

  async function finish(tx: DbExecutor, ctx: TenantContext, row: ConversationRow, spell: { id: string; jobseekerId: string }, action: string, details: Record<string, unknown> = {}) {
    await writeAudit(tx, ctx, { action: 'update', subjectType: 'conversation', subjectId: row.id, jobseekerId: spell.jobseekerId, details: { change: action, ...details } });
    await notifyBookingChange(tx, ctx, row.id, action);
    await hooks.afterSpellChange(tx, ctx, spell.id);
  }

  async function reload(ctx: TenantContext, id: string) {
    const [row] = await db.select().from(conversations).where(inTenant(conversations, ctx, eq(conversations.id, id)));
    return presentConversation(row!);
  }

  /**
   * Writes the conversation only if nobody changed it since it was read (its version), so two
   * requests racing for the same talk cannot both win: the loser gets version_conflict.
   */
  async function save(tx: DbExecutor, row: ConversationRow, values: Partial<typeof conversations.$inferInsert>) {
    const done = await tx
      .update(conversations)
      .set({ ...values, version: row.version + 1 })
      .where(and(eq(conversations.id, row.id), eq(conversations.version, row.version)))
      .returning({ id: conversations.id });
    if (done.length === 0) throw new AppError('version_conflict');
  }

  type WriteOptions = { selfBooked?: boolean; eventReason?: string | null; auditDetails?: Record<string, unknown> };

  /** Book inside the caller's transaction (the self-booking service adds its rules around this). */
  async function bookIn(tx: DbExecutor, ctx: TenantContext, id: string, input: TBookConversation, options: WriteOptions = {}) {
    const { row, spell } = await load(tx, ctx, id, input.version);
    requireStatus(row, ['planned']);
    if (spell.status !== 'active') throw new AppError('unprocessable');
    const slot = await checkSlot(tx, ctx, row, input, spell.caseworkerId);
    await save(tx, row, {
      status: 'booked',
      scheduledAt: slot.at,
      durationMinutes: input.durationMinutes,
      mode: input.mode,
      place: input.place ?? null,
      caseworkerId: slot.caseworkerId,
      outsideWindowReason: slot.outsideWindowReason,
      selfBooked: options.selfBooked ?? false,
      updatedAt: ctx.clock.now(),
    });
    await event(tx, ctx, id, 'booked', { toTime: slot.at, reason: options.eventReason ?? slot.outsideWindowReason });
    await finish(tx, ctx, row, spell, 'booked', options.auditDetails);
  }

  async function moveIn(tx: DbExecutor, ctx: TenantContext, id: string, input: TMoveConversation, options: WriteOptions = {}) {
    const { row, spell } = await load(tx, ctx, id, input.version);
    requireStatus(row, ['booked']);
    const slot = await checkSlot(tx, ctx, row, input, spell.caseworkerId);
    await save(tx, row, {
      scheduledAt: slot.at,
      durationMinutes: input.durationMinutes,
      mode: input.mode,
      place: input.place ?? row.place,
      caseworkerId: slot.caseworkerId,
      outsideWindowReason: slot.outsideWindowReason,
      moveCount: row.moveCount + 1,
      updatedAt: ctx.clock.now(),
    });
    await event(tx, ctx, id, 'moved', { fromTime: row.scheduledAt, toTime: slot.at, reason: input.reason });
    await finish(tx, ctx, row, spell, 'moved', options.auditDetails);
  }

  /** Cancelling a booking frees the time; a planned talk stays planned, an extra talk is dropped. */
  async function cancelIn(tx: DbExecutor, ctx: TenantContext, id: string, input: { version: number; reason: string }, options: WriteOptions = {}) {
    const { row, spell } = await load(tx, ctx, id, input.version);
    requireStatus(row, ['booked', 'planned']);
    const statutory = row.planKey !== null;
    await save(tx, row, { status: statutory ? 'planned' : 'cancelled', scheduledAt: null, selfBooked: false, cancelReason: input.reason, updatedAt: ctx.clock.now() });
    await event(tx, ctx, id, 'cancelled', { fromTime: row.scheduledAt, reason: input.reason });
    await finish(tx, ctx, row, spell, 'cancelled', options.auditDetails);
  }

  return {
    bookIn,
    moveIn,
    cancelIn,
    reload,

    async book(ctx: TenantContext, id: string, input: TBookConversation, options: { selfBooked?: boolean } = {}) {
      await db.transaction((tx) => bookIn(tx, ctx, id, input, options));
      return reload(ctx, id);
    },

    async move(ctx: TenantContext, id: string, input: TMoveConversation) {
      await db.transaction((tx) => moveIn(tx, ctx, id, input));
      return reload(ctx, id);
    },

    async cancel(ctx: TenantContext, id: string, input: { version: number; reason: string }) {
      await db.transaction((tx) => cancelIn(tx, ctx, id, input));
      return reload(ctx, id);
    },

    async hold(ctx: TenantContext, id: string, input: THoldConversation) {
      await db.transaction(async (tx) => {
        const { row, spell } = await load(tx, ctx, id, input.version);
        requireStatus(row, ['booked', 'planned']);
        const heldOn = input.heldOn ?? (row.scheduledAt ? toCopenhagenIsoDate(row.scheduledAt) : todayOf(ctx));
        if (heldOn > todayOf(ctx)) throw new AppError('validation_failed', { heldOn: { da: 'En samtale kan ikke være holdt i fremtiden.', en: 'A conversation cannot have been held in the future.' } });
        if (heldOn < spell.startDate && spell.kind === 'unemployment') throw new AppError('validation_failed', { heldOn: { da: 'Datoen ligger før forløbets start.', en: 'The date is before the start of the spell.' } });
        await tx
          .update(conversations)
          .set({
            status: 'held',
            heldOn,
            notes: input.notes ?? row.notes,
            guideAnswers: input.guideAnswers ?? row.guideAnswers,
            agreements: input.agreements ?? row.agreements,
            jobsPresented: input.jobsPresented ?? row.jobsPresented,
            caseworkerId: row.caseworkerId ?? (ctx.actor.kind === 'staff' ? ctx.actor.id : null),
            version: row.version + 1,
            updatedAt: ctx.clock.now(),
          })
          .where(eq(conversations.id, id));
        await event(tx, ctx, id, 'held');
        await finish(tx, ctx, row, spell, 'held');
        // Surveys: ask the jobseeker how the talk went (HK's SMS question), in the same transaction.
        await scheduleSurveyAfter(tx, ctx, {
          trigger: 'conversation_held',
          jobseekerId: spell.jobseekerId,
          subjectId: id,
          unitId: spell.unitId,
          caseworkerId: row.caseworkerId ?? (ctx.actor.kind === 'staff' ? ctx.actor.id : null),
          conversationType: row.type,
        });
      });
      return reload(ctx, id);
    },

    /**
     * A no-show: the talk is registered as missed, a task to assess availability is raised for the
     * caseworker, and a new talk of the same kind is planned so it can be booked again.
     */
    async noShow(ctx: TenantContext, id: string, input: { version: number; note?: string }) {
      await db.transaction(async (tx) => {
        const { row, spell } = await load(tx, ctx, id, input.version);
        requireStatus(row, ['booked']);
        const now = ctx.clock.now();
        const today = todayOf(ctx);
        await tx.update(conversations).set({ status: 'no_show', notes: input.note ?? row.notes, version: row.version + 1, updatedAt: now }).where(eq(conversations.id, id));
        await event(tx, ctx, id, 'no_show', { reason: input.note ?? null });
        const calendar = await loadOrgCalendar(tx, ctx);
        // The follow-up task is derived from the no-show by the spell's task sync in finish().
        const latest = row.latest && row.latest >= today ? row.latest : calendar.addWorkingDays(today, 10);
        const retryId = randomUUID();
        await tx.insert(conversations).values({
          id: retryId,
          organisationId: ctx.organisationId,
          spellId: spell.id,
          planKey: row.planKey ? `${row.planKey}~${id.slice(0, 8)}` : null,
          cadenceTemplateId: row.cadenceTemplateId,
          type: row.type,
          label: row.label,
          mandatory: row.mandatory,
          plannedMode: row.plannedMode,
          earliest: calendar.nextWorkingDayOnOrAfter(today),
          latest,
          status: 'planned',
          caseworkerId: row.caseworkerId,
          createdAt: now,
          updatedAt: now,
        });
        await event(tx, ctx, retryId, 'planned', { reason: 'Ny samtale efter udeblivelse' });
        await finish(tx, ctx, row, spell, 'no_show');
      });
      return reload(ctx, id);
    },

    async exempt(ctx: TenantContext, id: string, input: { version: number; reason: string }) {
      await db.transaction(async (tx) => {
        const { row, spell } = await load(tx, ctx, id, input.version);
        requireStatus(row, ['planned', 'booked']);
        if (input.reason.trim().length < MIN_OUTSIDE_REASON) throw new AppError('validation_failed', { reason: { da: `Skriv en begrundelse for fritagelsen (mindst ${MIN_OUTSIDE_REASON} tegn).`, en: `Give a reason for the exemption (at least ${MIN_OUTSIDE_REASON} characters).` } });
        await tx.update(conversations).set({ status: 'exempted', exemptionReason: input.reason, scheduledAt: null, version: row.version + 1, updatedAt: ctx.clock.now() }).where(eq(conversations.id, id));
        await event(tx, ctx, id, 'exempted', { reason: input.reason });
        await finish(tx, ctx, row, spell, 'exempted');
      });
      return reload(ctx, id);
    },

    async createAdHoc(ctx: TenantContext, spellId: string, input: { type: string; label?: string; earliest?: string; latest?: string }) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const [spell] = await tx.select().from(spells).where(inTenant(spells, ctx, eq(spells.id, spellId)));
        if (!spell) throw new AppError('not_found');
        if (spell.status !== 'active') throw new AppError('unprocessable');
        const today = todayOf(ctx);
        const earliest = input.earliest ?? today;
        const latest = input.latest ?? (await loadOrgCalendar(tx, ctx)).addWorkingDays(earliest, 20);
        if (latest < earliest) throw new AppError('validation_failed', { latest: { da: 'Seneste dato ligger før tidligste dato.', en: 'The latest date is before the earliest date.' } });
        const now = ctx.clock.now();
        await tx.insert(conversations).values({
          id,
          organisationId: ctx.organisationId,
          spellId,
          type: input.type,
          label: input.label ?? labelDa[input.type] ?? 'Samtale',
          mandatory: false,
          plannedMode: 'any',
          earliest,
          latest,
          status: 'planned',
          caseworkerId: spell.caseworkerId,
          createdAt: now,
          updatedAt: now,
        });
        await event(tx, ctx, id, 'planned');
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'conversation', subjectId: id, jobseekerId: spell.jobseekerId });
        await hooks.afterSpellChange(tx, ctx, spellId);
      });
      return reload(ctx, id);
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;

const statusDa: Record<ConversationRow['status'], string> = {
  planned: 'planlagt',
  booked: 'booket',
  held: 'holdt',
  no_show: 'udeblevet',
  cancelled: 'aflyst',
  exempted: 'fritaget',
  superseded: 'erstattet',
};

const labelDa: Record<string, string> = {
  extra_contact: 'Ekstra kontaktsamtale',
  contact: 'Kontaktsamtale',
  sparring: 'Sparringssamtale',
  availability: 'Rådighedssamtale',
  closing: 'Afslutningssamtale',
};
