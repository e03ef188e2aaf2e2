import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { jobseekers, outbox } from '../../db/schema';
import { renderNotification, type NotificationChannel, type NotificationLanguage, type RenderedNotification } from '../../core/notifications/templates';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import { loadNotificationTemplates } from './templates';

type Ctx = Pick<TenantContext, 'organisationId' | 'clock'>;

export type QueueNotificationInput = {
  /** A key of templates/notifications, or — with `content` — the name the text is recorded under. */
  template: string;
  channel: NotificationChannel;
  /** An e-mail address or an E.164 phone number. */
  recipient: string;
  jobseekerId?: string | null;
  staffId?: string | null;
  vars?: Record<string, string | number>;
  /**
   * Text already written from a template kept elsewhere as data (survey definitions, journey files,
   * the weekly digest composed in src/core/caseload). Everything else renders from `template`.
   */
  content?: RenderedNotification;
  /** Default: the jobseeker's preferred language, Danish for staff. */
  language?: NotificationLanguage;
  /** One notification per key, ever: queueing the same key again does nothing. Carried to the adapter. */
  idempotencyKey: string;
  /** Not sent before this (a reminder two days before a meeting); default now. */
  sendAfter?: Date;
};

export type QueuedNotification = { id: string; created: boolean };

/**
 * The one way a notification is made: its text rendered in the recipient's language and a row in
 * `outbox` in the caller's transaction, so it exists exactly when the change that caused it does.
 * The worker (deliver.ts) sends it later.
 */
export async function queueNotification(tx: DbExecutor, ctx: Ctx, input: QueueNotificationInput): Promise<QueuedNotification> {
  let language: NotificationLanguage = input.language ?? 'da';
  if (!input.language && input.jobseekerId) {
    const [person] = await tx.select({ lang: jobseekers.preferredLanguage }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, input.jobseekerId)));
    language = person?.lang === 'en' ? 'en' : 'da';
  }
  let text = input.content;
  if (!text) {
    const template = loadNotificationTemplates().get(input.template);
    if (!template) throw new Error(`Unknown notification template ${input.template}`);
    text = renderNotification(template, input.channel, language, input.vars ?? {});
  }
  const now = ctx.clock.now();
  const id = randomUUID();
  const inserted = await tx
    .insert(outbox)
    .values({
      id,
      organisationId: ctx.organisationId,
      channel: input.channel,
      recipient: input.recipient,
      subject: input.channel === 'email' ? text.subject : null,
      body: text.body,
      template: input.template,
      jobseekerId: input.jobseekerId ?? null,
      staffId: input.staffId ?? null,
      language,
      idempotencyKey: input.idempotencyKey,
      nextAttemptAt: input.sendAfter ?? now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  if (inserted.length > 0) return { id, created: true };
  const [existing] = await tx.select({ id: outbox.id }).from(outbox).where(inTenant(outbox, ctx, eq(outbox.idempotencyKey, input.idempotencyKey)));
  return { id: existing?.id ?? id, created: false };
}

/** Withdraws a notification not yet sent (a reminder for a talk that moved). Returns whether one was withdrawn. */
export async function cancelNotification(tx: DbExecutor, ctx: Ctx, idempotencyKey: string): Promise<boolean> {
  const rows = await tx
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(inTenant(outbox, ctx, and(eq(outbox.idempotencyKey, idempotencyKey), eq(outbox.status, 'queued'))))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Withdraws every notification not yet sent whose key starts with `prefix` (all reminders of one talk). */
export async function cancelNotificationsByPrefix(tx: DbExecutor, ctx: Ctx, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await tx
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(inTenant(outbox, ctx, and(like(outbox.idempotencyKey, pattern), eq(outbox.status, 'queued'))))
    .returning({ id: outbox.id });
  return rows.length;
}

/** How to reach a jobseeker: the channel they can be reached on (preferring `prefer`), and their language. */
export async function reachJobseeker(tx: DbExecutor, ctx: Ctx, jobseekerId: string, prefer: NotificationChannel = 'email') {
  return (await reachJobseekers(tx, ctx, [jobseekerId], prefer)).get(jobseekerId) ?? null;
}

export type JobseekerReach = { channel: NotificationChannel; recipient: string; language: NotificationLanguage; firstName: string };

/** `reachJobseeker` for many at once, in one query; people who cannot be reached are left out of the map. */
export async function reachJobseekers(tx: DbExecutor, ctx: Ctx, jobseekerIds: string[], prefer: NotificationChannel = 'email'): Promise<Map<string, JobseekerReach>> {
  const reach = new Map<string, JobseekerReach>();
  if (jobseekerIds.length === 0) return reach;
  const people = await tx
    .select({ id: jobseekers.id, firstName: jobseekers.firstName, email: jobseekers.email, phone: jobseekers.phone, lang: jobseekers.preferredLanguage })
    .from(jobseekers)
    .where(inTenant(jobseekers, ctx, inArray(jobseekers.id, [...new Set(jobseekerIds)])));
  const order: NotificationChannel[] = prefer === 'email' ? ['email', 'sms'] : ['sms', 'email'];
  for (const person of people) {
    const language: NotificationLanguage = person.lang === 'en' ? 'en' : 'da';
    for (const channel of order) {
      const recipient = channel === 'email' ? person.email : person.phone;
      if (recipient) {
        reach.set(person.id, { channel, recipient, language, firstName: person.firstName });
        break;
      }
    }
  }
  return reach;
}
