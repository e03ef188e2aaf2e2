import { randomUUID } from 'node:crypto';
import type { DbExecutor } from '../../db/connect';
import { syncEvents } from '../../db/schema';
import type { TenantContext } from '../context';

/**
 * What is synced out. The emitter is generic: a CV (when Jobspor gets one) emits `cv.updated`
 * through the same function, and the sinks do not care about the type.
 */
export type SyncSubjectType = 'joblog_entry' | 'job_plan' | 'cv';
export type SyncEventType = 'joblog.entry.created' | 'joblog.entry.updated' | 'joblog.entry.deleted' | 'plan.version.created' | 'cv.updated';

export type SyncEventInput = {
  type: SyncEventType;
  subjectType: SyncSubjectType;
  subjectId: string;
  jobseekerId: string | null;
  /** The state after the change (for a deletion: what identifies what was deleted). No CPR number, no attachment contents. */
  data: Record<string, unknown>;
};

/**
 * Writes the event into the sync outbox in the caller's transaction, so a change and its event
 * stand or fall together; the worker delivers it (src/server/sync/deliver.ts).
 */
export async function emitSyncEvent(tx: DbExecutor, ctx: TenantContext, event: SyncEventInput): Promise<void> {
  const now = ctx.clock.now();
  await tx.insert(syncEvents).values({
    id: randomUUID(),
    organisationId: ctx.organisationId,
    type: event.type,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    jobseekerId: event.jobseekerId,
    occurredAt: now,
    actorKind: ctx.actor.kind,
    data: event.data,
    nextAttemptAt: now,
  });
}
