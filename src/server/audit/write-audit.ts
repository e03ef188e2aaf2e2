import type { DbExecutor } from '../../db/connect';
import { auditLog } from '../../db/schema';
import type { TenantContext } from '../context';

export type AuditAction = 'read' | 'search' | 'create' | 'update' | 'export' | 'reveal_cpr' | 'login' | 'logout' | 'delete';

export type AuditEntry = {
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  jobseekerId?: string | null;
  details?: Record<string, unknown>;
};

/** Write audit rows in the caller's transaction, so a change and its audit row stand or fall together. */
export async function writeAudit(db: DbExecutor, ctx: TenantContext, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const at = ctx.clock.now();
  await db.insert(auditLog).values(
    list.map((e) => ({
      organisationId: ctx.organisationId,
      at,
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      jobseekerId: e.jobseekerId ?? null,
      purpose: ctx.purpose,
      details: e.details ?? null,
    })),
  );
}
