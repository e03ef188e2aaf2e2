import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { OutboxService } from './outbox-service';

const ZStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled']);

export const ZOutboxQuery = z.object({
  recipient: z.string().trim().max(200).optional(),
  template: z.string().max(120).optional(),
  status: ZStatus.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  /** The same as pageSize (the first outbox API's name for it). */
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const ZOutboxPage = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      channel: z.enum(['email', 'sms']),
      recipient: z.string(),
      subject: z.string().nullable(),
      body: z.string(),
      template: z.string(),
      language: z.enum(['da', 'en']),
      jobseekerId: z.uuid().nullable(),
      staffId: z.uuid().nullable(),
      status: ZStatus,
      /** outbox: kept in the app (the embedded default); sms_http, smtp: sent out. */
      adapter: z.string().nullable(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      nextAttemptAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  templates: z.array(z.string()),
});

export function registerNotificationRoutes(app: FastifyInstance, deps: { outbox: OutboxService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/outbox',
    {
      preHandler: requirePermission('outbox.read'),
      schema: { tags: ['notifications'], summary: 'Notifications (e-mail and SMS) with their delivery state; in the embedded mode they stay here', querystring: ZOutboxQuery, response: { 200: ZOutboxPage } },
    },
    async (request) => {
      const { limit, pageSize, ...query } = request.query;
      return deps.outbox.list(tenantContext(request, deps.clock), { ...query, pageSize: pageSize ?? limit ?? 25 });
    },
  );
}
