import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { outbox } from '../../db/schema';
import type { TenantContext } from '../context';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';

/** A portal login code in a message body, hidden unless the installation shows codes (demo/development). */
export function maskLoginCode(body: string): string {
  return body.replace(/\b\d{6}\b/g, '••••••');
}

export type OutboxQuery = { recipient?: string; template?: string; status?: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled'; page: number; pageSize: number };

/**
 * The Outbox page: every notification of the organisation, newest first, with its delivery state.
 * On a demo or development install (showLoginCodes) a jobseeker's portal login code can be read
 * here; in production the codes are masked.
 */
export function createOutboxService({ db, showLoginCodes = false }: { db: Database; showLoginCodes?: boolean }) {
  return {
    async list(ctx: TenantContext, query: OutboxQuery) {
      return db.transaction(async (tx) => {
        const conditions: (SQL | undefined)[] = [
          query.recipient ? ilike(outbox.recipient, `%${query.recipient.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
          query.template ? eq(outbox.template, query.template) : undefined,
          query.status ? eq(outbox.status, query.status) : undefined,
        ];
        const where = inTenant(outbox, ctx, and(...conditions));
        const [rows, [total]] = await Promise.all([
          tx.select().from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
          tx.select({ n: count() }).from(outbox).where(where),
        ]);
        // The recipient filter may be personal data: it is kept as "given", not as typed.
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'outbox', details: { criteria: { ...query, recipient: query.recipient ? '[given]' : undefined }, total: total?.n ?? 0, resultIds: [...new Set(rows.map((r) => r.jobseekerId).filter(Boolean))] } });
        return {
          items: rows.map((r) => ({
            id: r.id,
            channel: r.channel,
            recipient: r.recipient,
            subject: r.subject,
            body: r.template === 'portal_login_code' && !showLoginCodes ? maskLoginCode(r.body) : r.body,
            template: r.template,
            language: r.language,
            jobseekerId: r.jobseekerId,
            staffId: r.staffId,
            status: r.status,
            adapter: r.adapter,
            attempts: r.attempts,
            lastError: r.lastError,
            createdAt: r.createdAt.toISOString(),
            nextAttemptAt: r.nextAttemptAt.toISOString(),
            sentAt: r.sentAt?.toISOString() ?? null,
          })),
          total: total?.n ?? 0,
          page: query.page,
          pageSize: query.pageSize,
          templates: (await tx.selectDistinct({ template: outbox.template }).from(outbox).where(inTenant(outbox, ctx)).orderBy(outbox.template)).map((t) => t.template),
        };
      });
    },
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
