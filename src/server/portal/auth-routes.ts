import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors';
import { msg } from '../validation';
import { PORTAL_COOKIE } from '../plugins/portal-auth';
import { CODE_MINUTES, parseRecipient, type PortalAuthService, type SessionJobseeker } from './auth-service';
import type { Clock } from '../clock';
import { createPortalOidc, OIDC_COOKIE, OIDC_COOKIE_PATH, OIDC_FLOW_MINUTES, OidcLoginError, type PortalOidcConfig } from './oidc';

export type { PortalOidcConfig } from './oidc';

export const ZPortalMe = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  preferredLanguage: z.string(),
  method: z.enum(['email', 'sms', 'oidc']),
  csrfToken: z.string(),
});

const ZCodeRequest = z
  .object({
    email: z.string().trim().max(254).optional(),
    phone: z.string().trim().max(32).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.email && value.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: msg('portal_one_recipient') });
    else if (value.email !== undefined && value.email !== '') {
      if (parseRecipient(value.email)?.channel !== 'email') ctx.addIssue({ code: 'custom', path: ['email'], message: msg('email') });
    } else if (value.phone !== undefined && value.phone !== '') {
      if (parseRecipient(value.phone)?.channel !== 'sms') ctx.addIssue({ code: 'custom', path: ['phone'], message: msg('phone') });
    } else ctx.addIssue({ code: 'custom', path: ['email'], message: msg('required') });
  })
  .meta({ examples: [{ email: 'navn@eksempel.dk' }] });

const ZVerify = z
  .object({
    recipient: z
      .string()
      .trim()
      .min(1, msg('required'))
      .max(254)
      .refine((v) => parseRecipient(v) !== null, msg('portal_recipient')),
    code: z.string().trim().regex(/^\d{6}$/, msg('totp_code')),
  })
  .meta({ examples: [{ recipient: 'navn@eksempel.dk', code: '123456' }] });


function presentMe(j: SessionJobseeker, csrfToken: string) {
  return { ...j, csrfToken };
}

export function registerPortalAuthRoutes(app: FastifyInstance, deps: { portalAuth: PortalAuthService; secureCookies: boolean; sessionMinutes: number; oidc: PortalOidcConfig; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.secureCookies };

  r.post(
    '/api/portal/auth/code',
    {
      schema: {
        tags: ['portal'],
        summary: 'Send a one-time login code to a jobseeker’s e-mail or phone. Answers the same whether or not the address is known.',
        body: ZCodeRequest,
        response: { 202: z.object({ channel: z.enum(['email', 'sms']), expiresInMinutes: z.number() }) },
      },
    },
    async (request, reply) => {
      const recipient = parseRecipient(request.body.email || request.body.phone || '');
      if (!recipient) throw new AppError('bad_request');
      await deps.portalAuth.requestCode({ recipient, source: request.ip });
      return reply.code(202).send({ channel: recipient.channel, expiresInMinutes: CODE_MINUTES });
    },
  );

  r.post(
    '/api/portal/auth/verify',
    { schema: { tags: ['portal'], summary: 'Log in with the code; sets the HttpOnly portal session cookie', body: ZVerify, response: { 200: ZPortalMe } } },
    async (request, reply) => {
      const recipient = parseRecipient(request.body.recipient)!;
      const result = await deps.portalAuth.verifyCode({ recipient, code: request.body.code, source: request.ip });
      reply.setCookie(PORTAL_COOKIE, result.token, { ...cookieOptions, maxAge: deps.sessionMinutes * 60 });
      return presentMe(result.jobseeker, result.csrfToken);
    },
  );

  r.get('/api/portal/auth/me', { schema: { tags: ['portal'], summary: 'The logged-in jobseeker', response: { 200: ZPortalMe } } }, async (request) => {
    if (!request.jobseeker || !request.csrfToken) throw new AppError('unauthenticated');
    return presentMe(request.jobseeker, request.csrfToken);
  });

  r.post('/api/portal/auth/logout', { schema: { tags: ['portal'], summary: 'End the portal session' } }, async (request, reply) => {
    if (request.portalToken && request.jobseeker) await deps.portalAuth.logout(request.portalToken, request.jobseeker);
    reply.clearCookie(PORTAL_COOKIE, cookieOptions);
    return reply.code(204).send();
  });

  r.get(
    '/api/portal/auth/methods',
    {
      schema: {
        tags: ['portal'],
        summary: 'Which login methods this installation offers',
        response: { 200: z.object({ code: z.boolean(), oidc: z.enum(['not_configured', 'available']) }) },
      },
    },
    async () => ({ code: true, oidc: deps.oidc ? ('available' as const) : ('not_configured' as const) }),
  );

  // OpenID Connect (MitID through a broker). /start keeps state, nonce and the PKCE verifier in a
  // short-lived cookie, SameSite=Lax because the broker sends the person back cross-site (the
  // session cookie itself stays Strict). /callback validates through openid-client and opens
  // the same session as the code login. Failures go back to the login page with only a reason
  // (?mitid=…), never a token or a CPR number; the query string of /callback is never logged.
  const oidc = deps.oidc ? createPortalOidc(deps.oidc, deps.clock) : null;
  const flowCookie = { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };
  const refused = (reason: string) => `/portal/login?mitid=${reason}`;

  r.get('/api/portal/auth/oidc/start', { schema: { tags: ['portal'], summary: 'Start MitID login: redirects (302) to the broker' } }, async (_request, reply) => {
    if (!oidc) throw new AppError('portal_oidc_unavailable');
    try {
      const { url, cookie } = await oidc.start();
      reply.setCookie(OIDC_COOKIE, cookie, { ...flowCookie, maxAge: OIDC_FLOW_MINUTES * 60 });
      return reply.redirect(url, 302);
    } catch (error) {
      if (error instanceof OidcLoginError) return reply.redirect(refused(error.reason), 303);
      throw error;
    }
  });

  r.get(
    '/api/portal/auth/oidc/callback',
    { schema: { tags: ['portal'], summary: 'Where the broker sends the person back: opens the portal session and redirects to /portal, or back to the login page with ?mitid=<reason>' } },
    async (request, reply) => {
      if (!oidc) throw new AppError('portal_oidc_unavailable');
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const cookie = request.cookies[OIDC_COOKIE];
      // The flow cookie is used once, whatever the outcome.
      reply.clearCookie(OIDC_COOKIE, flowCookie);
      try {
        const { cpr } = await oidc.callback(query, cookie);
        const result = await deps.portalAuth.loginWithCpr(cpr);
        reply.setCookie(PORTAL_COOKIE, result.token, { ...cookieOptions, maxAge: deps.sessionMinutes * 60 });
        return reply.redirect('/portal', 303);
      } catch (error) {
        if (error instanceof OidcLoginError) {
          request.log.info({ reason: error.reason }, 'portal MitID login refused');
          return reply.redirect(refused(error.reason), 303);
        }
        throw error;
      }
    },
  );
}
