import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { requestLanguage } from '../i18n';
import type { PortalAuthService, SessionJobseeker } from '../portal/auth-service';
import { checkCsrf } from './auth';

/** The portal's own session cookie: a staff session and a jobseeker session never mix. */
export const PORTAL_COOKIE = 'jobspor_portal';

declare module 'fastify' {
  interface FastifyRequest {
    jobseeker: SessionJobseeker | null;
    portalToken: string | null;
  }
}

/**
 * Reads the portal cookie on every /api/portal request and checks the CSRF token on changes
 * with the same mechanism as staff sessions (checkCsrf). request.csrfToken holds the portal
 * session's token there (the staff plugin skips /api/portal).
 */
export const portalAuthPlugin = fp<{ portalAuth: PortalAuthService }>(async (app, { portalAuth }) => {
  app.decorateRequest('jobseeker', null);
  app.decorateRequest('portalToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/portal/')) return;
    const token = request.cookies[PORTAL_COOKIE];
    if (!token) return;
    const found = await portalAuth.authenticate(token);
    if (!found) return;
    request.jobseeker = found.jobseeker;
    request.csrfToken = found.csrfToken;
    request.portalToken = token;
    checkCsrf(request, found.csrfToken);
  });
});

/** A preHandler: the caller must be a logged-in jobseeker. */
export async function requireJobseeker(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!request.jobseeker) throw new AppError('unauthenticated');
}

/**
 * The tenant context of a portal request: the jobseeker's own organisation, and the jobseeker
 * as actor. Every portal query confines to ctx.organisationId (inTenant) AND ctx.actor.id.
 */
export function portalContext(request: FastifyRequest, clock: Clock): TenantContext & { actor: { kind: 'jobseeker'; id: string } } {
  const j = request.jobseeker;
  if (!j) throw new AppError('unauthenticated');
  return { organisationId: j.organisationId, actor: { kind: 'jobseeker', id: j.id }, purpose: 'egen adgang', lang: requestLanguage(request), clock };
}
