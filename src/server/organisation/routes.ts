import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import { msg } from '../validation';
import { createStaffMember, getOrganisationOverview, updateStaffMember } from './service';
import { writeAudit } from '../audit/write-audit';

const ZRole = z.enum(['caseworker', 'broker', 'manager', 'admin']);
const ZStaffRow = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  unitId: z.uuid().nullable(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
});
const ZOverview = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['akasse', 'jobcenter']),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  staff: z.array(ZStaffRow),
});

export function registerOrganisationRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];
  r.get(
    '/api/v1/organisation',
    { preHandler: requirePermission('organisation.read'), schema: { tags, summary: 'The caller’s organisation with units and staff', response: { 200: ZOverview } } },
    async (request) => getOrganisationOverview(deps.db, tenantContext(request, deps.clock)),
  );

  r.post(
    '/api/v1/staff',
    {
      preHandler: requirePermission('staff.manage'),
      schema: {
        tags,
        summary: 'Create a staff account (admins)',
        body: z
          .object({
            email: z.email(msg('email')),
            name: z.string().trim().min(1, msg('required')).max(200),
            role: ZRole,
            unitId: z.uuid(msg('uuid')).nullable().optional(),
            password: z.string().min(12, msg('password_length')).max(1024),
          })
          .strict()
          .meta({ examples: [{ email: 'ny.vejleder@eksempel.dk', name: 'Ny Vejleder', role: 'caseworker', password: 'lang-nok-adgangskode' }] }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const ctx = tenantContext(request, deps.clock);
      const id = await deps.db.transaction(async (tx) => {
        const newId = await createStaffMember(tx, { ...request.body, organisationId: ctx.organisationId });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'staff', subjectId: newId, details: { role: request.body.role } });
        return newId;
      });
      return reply.code(201).send({ id });
    },
  );

  r.patch(
    '/api/v1/staff/:id',
    {
      preHandler: requirePermission('staff.manage'),
      schema: {
        tags,
        summary: 'Change a staff account’s role, unit, name or active state (admins)',
        params: z.object({ id: z.uuid() }),
        body: z
          .object({ role: ZRole.optional(), unitId: z.uuid(msg('uuid')).nullable().optional(), active: z.boolean().optional(), name: z.string().trim().min(1, msg('required')).max(200).optional() })
          .strict()
          .meta({ examples: [{ name: 'Nyt Navn' }] }),
      },
    },
    async (request, reply) => {
      const ctx = tenantContext(request, deps.clock);
      await deps.db.transaction(async (tx) => {
        await updateStaffMember(tx, ctx, request.params.id, request.body);
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'staff', subjectId: request.params.id, details: { fields: Object.keys(request.body), ...(request.body.role ? { role: request.body.role } : {}), ...(request.body.active !== undefined ? { active: request.body.active } : {}) } });
      });
      return reply.code(204).send();
    },
  );
}
