import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { requestLanguage } from '../i18n';
import { can, type Permission } from '../policy';
import { safeEqual, type AuthService, type SessionStaff } from '../auth/service';

export const SESSION_COOKIE = 'jobspor_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    staff: SessionStaff | null;
    csrfToken: string | null;
    sessionToken: string | null;
  }
}

/**
 * Reads the session cookie on every API request, and checks the CSRF token on every change
 * made with it: the token is bound to the session and sent back in the X-CSRF-Token header,
 * which a cross-site form cannot do.
 */
export const authPlugin = fp<{ auth: AuthService }>(async (app, { auth }) => {
  app.decorateRequest('staff', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // The public survey page carries no session: a staff cookie in the same browser is ignored.
    if (request.url.startsWith('/api/public/')) return;
    // The jobseeker's portal has its own cookie (plugins/portal-auth.ts); a staff cookie does not count there.
    if (request.url.startsWith('/api/portal/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await auth.authenticate(token);
    if (!found) return;
    request.staff = found.staff;
    request.csrfToken = found.csrfToken;
    request.sessionToken = token;
    checkCsrf(request, found.csrfToken);
  });
});

/**
 * The synchronizer-token check, shared by the staff and portal sessions: a change (anything but
 * GET/HEAD/OPTIONS) made with a session cookie must send the session's token as X-CSRF-Token.
 */
export function checkCsrf(request: FastifyRequest, csrfToken: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !safeEqual(header, csrfToken)) throw new AppError('csrf_failed');
}

/** A preHandler: the caller must be logged-in staff holding the permission. */
export function requirePermission(permission?: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.staff) throw new AppError('unauthenticated');
    if (permission && !can(request.staff.role, permission)) throw new AppError('forbidden');
  };
}

const PURPOSE_MAX = 200;

/** The tenant context of a request by logged-in staff. The purpose header feeds the audit log. */
export function tenantContext(request: FastifyRequest, clock: Clock): TenantContext {
  const s = request.staff;
  if (!s) throw new AppError('unauthenticated');
  const header = request.headers['x-jobspor-purpose'];
  const purpose = typeof header === 'string' && header.trim() ? safeDecode(header).trim().slice(0, PURPOSE_MAX) : 'sagsbehandling';
  return {
    organisationId: s.organisationId,
    actor: { kind: 'staff', id: s.id, role: s.role, unitId: s.unitId, name: s.name },
    purpose,
    lang: requestLanguage(request),
    clock,
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
