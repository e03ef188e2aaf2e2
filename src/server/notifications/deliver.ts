import { and, asc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { outbox } from '../../db/schema';
import { DELIVERY_POLICY, deliveryOutcome, type DeliveryPolicy } from '../../core/notifications/delivery';
import type { Clock } from '../clock';
import { PermanentDeliveryError, type NotificationAdapters } from './adapters';

export type DeliveryCounts = { claimed: number; sent: number; retrying: number; failed: number };

export type DeliverOptions = {
  db: Database;
  clock: Clock;
  adapters: NotificationAdapters;
  batchSize?: number;
  policy?: DeliveryPolicy;
};

/**
 * Sends what is due, for every organisation (background work; each row names its organisation).
 * Each notification goes queued → sending → sent | failed:
 *
 * 1. claim: one short transaction marks due rows 'sending' (attempts + 1, claimed_at) under
 *    `FOR UPDATE SKIP LOCKED`, so two workers never take the same row;
 * 2. send through the channel's adapter with the row's idempotency key;
 * 3. record: 'sent' (adapter, provider id), or back to 'queued' with exponential back-off and the
 *    error, or 'failed' after the last try or on a permanent error.
 *
 * A worker that dies between 1 and 3 leaves the row 'sending'; once it has been so longer than
 * `staleSendingMs` it is claimed again and sent again with the same key, which the gateway (or the
 * mail's Message-ID) recognises: at-least-once delivery, made once by the key.
 */
export async function deliverDueNotifications(options: DeliverOptions): Promise<DeliveryCounts> {
  const policy = options.policy ?? DELIVERY_POLICY;
  const now = options.clock.now();
  const staleBefore = new Date(now.getTime() - policy.staleSendingMs);
  const counts: DeliveryCounts = { claimed: 0, sent: 0, retrying: 0, failed: 0 };

  const claimed = await options.db.transaction(async (tx) => {
    // A worker died on the last allowed try: give up on it rather than try forever.
    await tx
      .update(outbox)
      .set({ status: 'failed', lastError: 'The worker stopped while sending, and no tries are left' })
      .where(and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, staleBefore), gte(outbox.attempts, policy.maxAttempts)));
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(or(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now)), and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, staleBefore))))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(options.batchSize ?? 50)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1`, claimedAt: now })
      .where(inArray(outbox.id, due.map((d) => d.id)))
      .returning();
  });
  counts.claimed = claimed.length;

  for (const row of claimed) {
    const adapter = options.adapters[row.channel];
    let error: unknown = null;
    let receipt: { providerMessageId: string | null } | null = null;
    try {
      receipt = await adapter.send({ id: row.id, channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body, idempotencyKey: row.idempotencyKey });
    } catch (caught) {
      error = caught;
    }
    const at = options.clock.now();
    const outcome = deliveryOutcome({ succeeded: error === null, permanent: error instanceof PermanentDeliveryError, attempts: row.attempts, now: at }, policy);
    // Only the claim we hold may be finished: a row claimed again by another worker is theirs.
    const mine = and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.claimedAt, row.claimedAt!));
    switch (outcome.kind) {
      case 'sent':
        await options.db.update(outbox).set({ status: 'sent', sentAt: at, adapter: adapter.name, providerMessageId: receipt?.providerMessageId ?? null, lastError: null }).where(mine);
        counts.sent++;
        break;
      case 'retry':
        await options.db.update(outbox).set({ status: 'queued', nextAttemptAt: outcome.at, lastError: errorText(error) }).where(mine);
        counts.retrying++;
        break;
      case 'failed':
        await options.db.update(outbox).set({ status: 'failed', lastError: errorText(error) }).where(mine);
        counts.failed++;
        break;
      default:
        outcome satisfies never;
    }
  }
  return counts;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Errors are kept for staff to read: never a whole response body, which could echo personal data.
  return text.slice(0, 300);
}
