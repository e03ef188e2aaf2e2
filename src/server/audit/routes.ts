import { and, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { addDays, startOfCopenhagenDay } from '../../core/calendar/iso-date';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pagingFields, zPage } from '../paging';
import type { Database } from '../../db/connect';
import { auditLog, staff } from '../../db/schema';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import { inTenant } from '../tenancy';
import { msg } from '../validation';

const ZAuditQuery = z.object({
  actorId: z.uuid(msg('uuid')).optional(),
  jobseekerId: z.uuid(msg('uuid')).optional(),
  action: z.string().max(40).optional(),
  from: z.iso.date(msg('date')).optional(),
  to: z.iso.date(msg('date')).optional(),
  ...pagingFields(50, 200),
});

const ZAuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  jobseekerId: z.string().nullable(),
  purpose: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit',
    {
      preHandler: requirePermission('audit.read'),
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (admins)',
        description: 'Newest first. `from` and `to` are Danish calendar dates (inclusive). Filtering by jobseeker also finds the searches that showed the person. The log is append-only: no route changes or deletes a row.',
        querystring: ZAuditQuery,
        response: { 200: zPage(ZAuditEntry) },
      },
    },
    async (request) => {
      const ctx = tenantContext(request, deps.clock);
      const q = request.query;
      const conditions: SQL[] = [];
      if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId));
      // A person's rows include the searches whose results showed them.
      if (q.jobseekerId) conditions.push(or(eq(auditLog.jobseekerId, q.jobseekerId), sql`jsonb_exists(${auditLog.details} -> 'resultIds', ${q.jobseekerId})`) as SQL);
      if (q.action) conditions.push(eq(auditLog.action, q.action));
      if (q.from) conditions.push(gte(auditLog.at, startOfCopenhagenDay(q.from)));
      if (q.to) conditions.push(lt(auditLog.at, startOfCopenhagenDay(addDays(q.to, 1))));
      const where = inTenant(auditLog, ctx, ...conditions);
      const [rows, totals] = await Promise.all([
        deps.db
          .select({
            id: auditLog.id,
            at: auditLog.at,
            actorKind: auditLog.actorKind,
            actorId: auditLog.actorId,
            actorName: staff.name,
            action: auditLog.action,
            subjectType: auditLog.subjectType,
            subjectId: auditLog.subjectId,
            jobseekerId: auditLog.jobseekerId,
            purpose: auditLog.purpose,
            details: auditLog.details,
          })
          .from(auditLog)
          .leftJoin(staff, and(eq(staff.id, auditLog.actorId), eq(staff.organisationId, auditLog.organisationId)))
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        deps.db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null })),
        total: totals[0]?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
