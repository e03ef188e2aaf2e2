import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { conversationEvents, conversations, spells } from '../../db/schema';
import type { TCadence } from '../../core/cadence/cadence-schema';
import type { WorkingCalendar } from '../../core/calendar/working-calendar';
import { replanConversations } from '../../core/cadence/replan-conversations';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';

type SpellForPlan = { id: string; startDate: string };

function planKeyOf(c: { key: string; occurrence: number }) {
  return `${c.key}#${c.occurrence}`;
}

/**
 * Puts a spell on a cadence. Held talks never change. Open talks of the old plan are superseded
 * (kept, for the history) unless a booked one fits a new window of the same type — then the
 * booking moves over to the new plan, so nobody is asked to rebook a meeting that still fits.
 */
export async function replanSpell(tx: DbExecutor, ctx: TenantContext, spell: SpellForPlan, cadence: { id: string; cadence: TCadence }, calendar: WorkingCalendar) {
  const now = ctx.clock.now();
  const existing = await tx.select().from(conversations).where(inTenant(conversations, ctx, eq(conversations.spellId, spell.id)));
  const held = existing.filter((c) => c.status === 'held' && c.heldOn).map((c) => ({ id: c.id, type: c.type as never, heldOn: c.heldOn! }));
  const result = replanConversations({
    held,
    newCadence: cadence.cadence,
    firstDayOfUnemployment: spell.startDate,
    courseStart: spell.startDate,
    calendar,
    today: todayOf(ctx),
  });
  const open = existing.filter((c) => c.status === 'planned' || c.status === 'booked');
  const keptBookings = new Set<string>();
  const toInsert: (typeof conversations.$inferInsert)[] = [];
  const events: (typeof conversationEvents.$inferInsert)[] = [];
  const actor = { actorKind: ctx.actor.kind, actorId: ctx.actor.id };

  for (const planned of result.planned) {
    const booking = open.find(
      (c) => c.status === 'booked' && !keptBookings.has(c.id) && c.type === planned.type && c.scheduledAt && dateInWindow(c.scheduledAt, planned.earliest, planned.latest),
    );
    if (booking) {
      keptBookings.add(booking.id);
      await tx
        .update(conversations)
        .set({ planKey: planKeyOf(planned), cadenceTemplateId: cadence.id, label: planned.label, mandatory: planned.mandatory, plannedMode: planned.mode, earliest: planned.earliest, latest: planned.latest, updatedAt: now })
        .where(eq(conversations.id, booking.id));
      events.push({ id: randomUUID(), organisationId: ctx.organisationId, conversationId: booking.id, kind: 'replanned', at: now, ...actor });
      continue;
    }
    const id = randomUUID();
    toInsert.push({
      id,
      organisationId: ctx.organisationId,
      spellId: spell.id,
      planKey: planKeyOf(planned),
      cadenceTemplateId: cadence.id,
      type: planned.type,
      label: planned.label,
      mandatory: planned.mandatory,
      plannedMode: planned.mode,
      earliest: planned.earliest,
      latest: planned.latest,
      status: 'planned',
      durationMinutes: planned.maxMinutes ?? null,
      createdAt: now,
      updatedAt: now,
    });
    events.push({ id: randomUUID(), organisationId: ctx.organisationId, conversationId: id, kind: 'planned', at: now, ...actor });
  }
  const superseded = open.filter((c) => !keptBookings.has(c.id)).map((c) => c.id);
  if (superseded.length > 0) {
    await tx
      .update(conversations)
      .set({ status: 'superseded', updatedAt: now })
      .where(and(inTenant(conversations, ctx), inArray(conversations.id, superseded)));
    for (const id of superseded) events.push({ id: randomUUID(), organisationId: ctx.organisationId, conversationId: id, kind: 'superseded', at: now, reason: `Ny kadence: ${cadence.cadence.name}`, ...actor });
  }
  if (toInsert.length > 0) await tx.insert(conversations).values(toInsert);
  if (events.length > 0) await tx.insert(conversationEvents).values(events);
  await tx.update(spells).set({ cadenceTemplateId: cadence.id, updatedAt: now }).where(inTenant(spells, ctx, eq(spells.id, spell.id)));
  return { planned: result.planned.length, satisfied: result.satisfied.length, superseded: superseded.length, keptBookings: keptBookings.size };
}

function dateInWindow(at: Date, earliest: string | null, latest: string | null): boolean {
  const day = toCopenhagenIsoDate(at);
  return (!earliest || day >= earliest) && (!latest || day <= latest);
}
