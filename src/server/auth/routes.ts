import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors';
import { msg } from '../validation';
import { permissionsOf } from '../policy';
import { SESSION_COOKIE, requirePermission } from '../plugins/auth';
import type { AuthService } from './service';

const ZStaffMe = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationKind: z.enum(['akasse', 'jobcenter']),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['caseworker', 'broker', 'manager', 'admin']),
  totpEnabled: z.boolean(),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});

const ZTotpCode = z.object({ code: z.string().regex(/^\d{6}$/, msg('totp_code')) }).meta({ examples: [{ code: '123456' }] });

export function registerAuthRoutes(app: FastifyInstance, deps: { auth: AuthService; secureCookies: boolean; sessionHours: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.secureCookies,
  };

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in as staff; sets an HttpOnly session cookie',
        body: z.object({
          email: z.string().trim().min(1, msg('required')).max(320),
          password: z.string().min(1, msg('required')).max(1024),
          totp: z.string().regex(/^\d{6}$/, msg('totp_code')).optional(),
        }).meta({ examples: [{ email: 'vejleder@akasse.demo', password: 'demo' }] }),
        response: { 200: ZStaffMe },
      },
    },
    async (request, reply) => {
      const result = await deps.auth.login({ ...request.body, source: request.ip });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, maxAge: deps.sessionHours * 3600 });
      return { ...result.staff, permissions: permissionsOf(result.staff.role), csrfToken: result.csrfToken };
    },
  );

  r.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (request, reply) => {
    if (request.sessionToken && request.staff) await deps.auth.logout(request.sessionToken, request.staff);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.code(204).send();
  });

  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in staff member', response: { 200: ZStaffMe } } }, async (request) => {
    if (!request.staff || !request.csrfToken) throw new AppError('unauthenticated');
    return { ...request.staff, permissions: permissionsOf(request.staff.role), csrfToken: request.csrfToken };
  });

  r.post(
    '/api/v1/auth/totp/setup',
    {
      preHandler: requirePermission(),
      schema: { tags: ['auth'], summary: 'Begin two-factor enrolment; returns a new secret to scan', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) } },
    },
    async (request) => deps.auth.beginTotp(request.staff!),
  );

  r.post(
    '/api/v1/auth/totp/enable',
    { preHandler: requirePermission(), schema: { tags: ['auth'], summary: 'Confirm a code and switch two-factor on', body: ZTotpCode } },
    async (request, reply) => {
      await deps.auth.confirmTotp(request.staff!, request.body.code);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/auth/totp/disable',
    { preHandler: requirePermission(), schema: { tags: ['auth'], summary: 'Switch two-factor off (needs a current code)', body: ZTotpCode } },
    async (request, reply) => {
      await deps.auth.disableTotp(request.staff!, request.body.code);
      return reply.code(204).send();
    },
  );
}
