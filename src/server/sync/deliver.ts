import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { syncEvents } from '../../db/schema';
import type { Clock } from '../clock';
import type { SyncEnvelope, SyncSink } from './sinks';

export type DeliverOptions = {
  db: Database;
  sink: SyncSink;
  clock: Clock;
  /** After this many failed attempts an event is marked failed and the next one goes. */
  maxAttempts?: number;
  /** The first retry waits this long; each further one twice as long, at most an hour. */
  retryBaseSeconds?: number;
  batchSize?: number;
};

export type DeliverResult = { delivered: number; retrying: number; failed: number };

const MAX_BACKOFF_SECONDS = 3600;

export function backoffSeconds(attempts: number, baseSeconds: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, baseSeconds * 2 ** Math.max(0, attempts - 1));
}

function envelope(row: typeof syncEvents.$inferSelect): SyncEnvelope {
  return {
    specVersion: '1',
    id: row.id,
    sequence: row.seq,
    type: row.type,
    occurredAt: new Date(row.occurredAt).toISOString(),
    organisationId: row.organisationId,
    subject: { type: row.subjectType, id: row.subjectId },
    jobseekerId: row.jobseekerId,
    actor: row.actorKind,
    data: row.data,
  };
}

/**
 * Delivers pending sync events in sequence order, one at a time, until none is due. An event that
 * fails waits for its retry, and the events after it wait too (order is kept); after
 * `maxAttempts` it is marked failed (kept, with its last error) and delivery moves on. No
 * transaction is held while the sink works. Runs in one worker at a time (a singleton pg-boss
 * queue), so two processes never deliver the same event concurrently.
 */
export async function deliverSyncEvents({ db, sink, clock, maxAttempts = 10, retryBaseSeconds = 30, batchSize = 100 }: DeliverOptions): Promise<DeliverResult> {
  const result: DeliverResult = { delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const batch = await db.select().from(syncEvents).where(eq(syncEvents.status, 'pending')).orderBy(asc(syncEvents.seq)).limit(batchSize);
    if (batch.length === 0) return result;
    for (const row of batch) {
      const now = clock.now();
      if (new Date(row.nextAttemptAt).getTime() > now.getTime()) return result;
      try {
        await sink.deliver(envelope(row));
        await db
          .update(syncEvents)
          .set({ status: 'delivered', deliveredAt: clock.now(), attempts: sql`${syncEvents.attempts} + 1`, lastError: null })
          .where(and(eq(syncEvents.seq, row.seq), eq(syncEvents.status, 'pending')));
        result.delivered += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        if (attempts >= maxAttempts) {
          await db.update(syncEvents).set({ status: 'failed', attempts, lastError: message }).where(eq(syncEvents.seq, row.seq));
          result.failed += 1;
          continue;
        }
        await db
          .update(syncEvents)
          .set({ attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + backoffSeconds(attempts, retryBaseSeconds) * 1000) })
          .where(eq(syncEvents.seq, row.seq));
        result.retrying += 1;
        return result;
      }
    }
    if (batch.length < batchSize) return result;
  }
}
