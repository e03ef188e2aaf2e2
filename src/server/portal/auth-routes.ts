import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors';
import { msg } from '../validation';
import { PORTAL_COOKIE } from '../plugins/portal-auth';
import { CHOICE_MINUTES, CODE_MINUTES, parseRecipient, type PortalAuthService, type SessionJobseeker } from './auth-service';
import type { Clock } from '../clock';
import { createPortalOidc, OIDC_CHOICE_COOKIE, OIDC_CHOICE_COOKIE_PATH, OIDC_COOKIE, OIDC_COOKIE_PATH, OIDC_FLOW_MINUTES, OidcLoginError, type PortalOidcConfig } from './oidc';

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

const ZChoice = z
  .object({
    organisationId: z.uuid(msg('portal_choice')).describe('One of the organisations GET /api/portal/auth/oidc/choice offered'),
  })
  .meta({ examples: [{ organisationId: '00000000-0000-4000-8000-000000000000' }] });

const ZPendingChoice = z.object({
  organisations: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .describe('The organisations that know the person, by name, in name order; nothing else about the person'),
  expiresAt: z.iso.datetime({ offset: true }).describe(`When the choice stops working (${CHOICE_MINUTES} minutes after the MitID login)`),
});

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
  const choiceCookie = { path: OIDC_CHOICE_COOKIE_PATH, httpOnly: true, sameSite: 'strict' as const, secure: deps.secureCookies };

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
    {
      schema: {
        tags: ['portal'],
        summary:
          'Where the broker sends the person back: opens the portal session and redirects to /portal; for a person known in several organisations, sets the choice cookie and redirects to /portal/login/choose; on failure, back to the login page with ?mitid=<reason>',
      },
    },
    async (request, reply) => {
      if (!oidc) throw new AppError('portal_oidc_unavailable');
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const cookie = request.cookies[OIDC_COOKIE];
      // The flow cookie is used once, whatever the outcome.
      reply.clearCookie(OIDC_COOKIE, flowCookie);
      try {
        const { cpr } = await oidc.callback(query, cookie);
        const result = await deps.portalAuth.loginWithCpr(cpr);
        if (result.kind === 'choice') {
          reply.setCookie(OIDC_CHOICE_COOKIE, result.token, { ...choiceCookie, maxAge: CHOICE_MINUTES * 60 });
          return reply.redirect('/portal/login/choose', 303);
        }
        reply.setCookie(PORTAL_COOKIE, result.session.token, { ...cookieOptions, maxAge: deps.sessionMinutes * 60 });
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

  // The choice of organisation after a MitID login that matched several. The set lives in the
  // database against the hash of the token in the choice cookie; these routes only read it and
  // pick from it. The cookie is cleared once the choice has worked or can no longer work.
  r.get(
    '/api/portal/auth/oidc/choice',
    {
      schema: {
        tags: ['portal'],
        summary: 'The organisations a pending MitID login may log in to (needs the choice cookie set by /oidc/callback); 401 portal_choice_expired when there is none, or it expired or was used',
        response: { 200: ZPendingChoice },
      },
    },
    async (request, reply) => {
      const token = request.cookies[OIDC_CHOICE_COOKIE];
      if (!token) throw new AppError('portal_choice_expired');
      try {
        const choice = await deps.portalAuth.pendingChoice(token);
        return { organisations: choice.organisations, expiresAt: choice.expiresAt.toISOString() };
      } catch (error) {
        if (error instanceof AppError && error.code === 'portal_choice_expired') reply.clearCookie(OIDC_CHOICE_COOKIE, choiceCookie);
        throw error;
      }
    },
  );

  r.post(
    '/api/portal/auth/oidc/choice',
    {
      schema: {
        tags: ['portal'],
        summary:
          'Log in to the chosen organisation after a MitID login that matched several; sets the portal session cookie. Works once, within 10 minutes; an organisation outside the offered set is 400 validation_failed on organisationId and leaves the choice open',
        body: ZChoice,
        response: { 200: ZPortalMe },
      },
    },
    async (request, reply) => {
      const token = request.cookies[OIDC_CHOICE_COOKIE];
      if (!token) throw new AppError('portal_choice_expired');
      try {
        const result = await deps.portalAuth.choose(token, request.body.organisationId);
        reply.clearCookie(OIDC_CHOICE_COOKIE, choiceCookie);
        reply.setCookie(PORTAL_COOKIE, result.token, { ...cookieOptions, maxAge: deps.sessionMinutes * 60 });
        return presentMe(result.jobseeker, result.csrfToken);
      } catch (error) {
        if (error instanceof AppError && error.code === 'portal_choice_expired') reply.clearCookie(OIDC_CHOICE_COOKIE, choiceCookie);
        throw error;
      }
    },
  );
}
