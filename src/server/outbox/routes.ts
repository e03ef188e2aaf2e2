import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import { outbox } from '../../db/schema';
import type { Clock } from '../clock';
import { writeAudit } from '../audit/write-audit';
import { requirePermission, tenantContext } from '../plugins/auth';
import { inTenant } from '../tenancy';

const ZOutboxRow = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  template: z.string(),
  status: z.string(),
});

/** A portal login code in a message body, hidden unless the installation shows codes (demo/development). */
export function maskLoginCode(body: string): string {
  return body.replace(/\b\d{6}\b/g, '••••••');
}

/**
 * The embedded outbox as staff can read it: the newest messages of the organisation. On a
 * demo or development install (NODE_ENV not production) this is where a jobseeker's portal
 * login code can be read; in production the codes are masked.
 */
export function registerOutboxRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock; showLoginCodes: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/outbox',
    {
      preHandler: requirePermission('outbox.read'),
      schema: {
        tags: ['outbox'],
        summary: 'The newest messages in the organisation’s outbox (admins)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: z.object({ items: z.array(ZOutboxRow) }) },
      },
    },
    async (request) => {
      const ctx = tenantContext(request, deps.clock);
      return deps.db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: outbox.id, createdAt: outbox.createdAt, channel: outbox.channel, recipient: outbox.recipient, subject: outbox.subject, body: outbox.body, template: outbox.template, status: outbox.status })
          .from(outbox)
          .where(inTenant(outbox, ctx))
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(request.query.limit);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'outbox', details: { count: rows.length } });
        return {
          items: rows.map((row) => ({
            ...row,
            createdAt: row.createdAt.toISOString(),
            body: row.template === 'portal_login_code' && !deps.showLoginCodes ? maskLoginCode(row.body) : row.body,
          })),
        };
      });
    },
  );
}
