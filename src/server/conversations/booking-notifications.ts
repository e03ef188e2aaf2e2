import { desc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { conversationEvents, conversations, organisations, spells } from '../../db/schema';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import { cancelNotificationsByPrefix, queueNotification, reachJobseeker } from '../notifications/queue';

/** The reminder goes this long before the meeting. */
export const REMINDER_BEFORE_MS = 2 * 24 * 3_600_000;

const MODE_TEXT = {
  in_person: { da: 'fremmøde', en: 'in person' },
  phone: { da: 'telefon', en: 'phone' },
  video: { da: 'video', en: 'video' },
} as const;

function formatWhen(at: Date, lang: 'da' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'full', timeStyle: 'short' }).format(at);
}

/**
 * The jobseeker's notifications about a booked talk, in one place (called by the conversation
 * service after every change, in its transaction): a confirmation when it is booked or moved, a
 * reminder two days before (a scheduled notification, withdrawn when the talk moves, is
 * cancelled, held or exempted), and a message when it is cancelled.
 */
export async function notifyBookingChange(tx: DbExecutor, ctx: TenantContext, conversationId: string, change: string): Promise<void> {
  const reminderPrefix = `meeting_reminder:${conversationId}:`;
  await cancelNotificationsByPrefix(tx, ctx, reminderPrefix);
  if (change !== 'booked' && change !== 'moved' && change !== 'cancelled') return;

  const [row] = await tx
    .select({ conversation: conversations, jobseekerId: spells.jobseekerId, orgName: organisations.name })
    .from(conversations)
    .innerJoin(spells, eq(spells.id, conversations.spellId))
    .innerJoin(organisations, eq(organisations.id, conversations.organisationId))
    .where(inTenant(conversations, ctx, eq(conversations.id, conversationId)));
  if (!row) return;
  const c = row.conversation;
  const at = change === 'cancelled' ? null : c.scheduledAt;
  const reach = await reachJobseeker(tx, ctx, row.jobseekerId, 'email');
  if (!reach) return;
  const vars = (lang: 'da' | 'en', when: Date | null) => ({
    firstName: reach.firstName,
    conversation: c.label,
    when: when ? formatWhen(when, lang) : '',
    mode: c.mode ? (MODE_TEXT[c.mode as keyof typeof MODE_TEXT]?.[lang] ?? c.mode) : '',
    place: c.place ? `, ${c.place}` : '',
    organisation: row.orgName,
  });

  if (change === 'cancelled') {
    // The cancelled time is in the event just written; the row no longer has it.
    const [event] = await tx
      .select({ fromTime: conversationEvents.fromTime })
      .from(conversationEvents)
      .where(inTenant(conversationEvents, ctx, eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.kind, 'cancelled')))
      .orderBy(desc(conversationEvents.at))
      .limit(1);
    if (!event?.fromTime) return; // a planned talk that was never booked: nothing to tell
    await queueNotification(tx, ctx, { template: 'booking_cancelled', channel: reach.channel, recipient: reach.recipient, jobseekerId: row.jobseekerId, language: reach.language, vars: vars(reach.language, event.fromTime), idempotencyKey: `booking:${conversationId}:${c.version}` });
    return;
  }
  if (!at) return;
  await queueNotification(tx, ctx, { template: 'booking_confirmed', channel: reach.channel, recipient: reach.recipient, jobseekerId: row.jobseekerId, language: reach.language, vars: vars(reach.language, at), idempotencyKey: `booking:${conversationId}:${c.version}` });
  const remindAt = new Date(at.getTime() - REMINDER_BEFORE_MS);
  if (remindAt.getTime() > ctx.clock.now().getTime()) {
    const sms = await reachJobseeker(tx, ctx, row.jobseekerId, 'sms');
    const to = sms ?? reach;
    await queueNotification(tx, ctx, {
      template: 'meeting_reminder',
      channel: to.channel,
      recipient: to.recipient,
      jobseekerId: row.jobseekerId,
      language: to.language,
      vars: vars(to.language, at),
      idempotencyKey: `${reminderPrefix}${c.version}`,
      sendAfter: remindAt,
    });
  }
}
