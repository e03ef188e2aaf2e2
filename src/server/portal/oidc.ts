import * as client from 'openid-client';
import type { Clock } from '../clock';

/** The portal's OpenID Connect client (MitID through a broker), from JOBSPOR_PORTAL_OIDC_*. */
export type PortalOidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The claim that holds the CPR number (Signicat: `nin`, Idura/Criipto: `cprNumberIdentifier`). */
  cprClaim: string;
  /** Space-separated scopes asked for; must include `openid` and the broker's CPR scope. */
  scope: string;
} | null;

/** The short-lived cookie that carries state, nonce and the PKCE verifier from /start to /callback. */
export const OIDC_COOKIE = 'jobspor_oidc';
export const OIDC_COOKIE_PATH = '/api/portal/auth/oidc';
/** A login must come back from the broker within this time. */
export const OIDC_FLOW_MINUTES = 10;
/**
 * The cookie that carries a pending choice of organisation from /callback to /choice: only the
 * random token, whose hash keys the stored set. Strict, as it is only ever sent by the portal's
 * own page (the redirect from the broker need not carry it).
 */
export const OIDC_CHOICE_COOKIE = 'jobspor_oidc_choice';
export const OIDC_CHOICE_COOKIE_PATH = '/api/portal/auth/oidc/choice';

type Pending = { state: string; nonce: string; verifier: string; at: number };

/** Why a MitID login was refused; the login page shows a message for each (i18n portalOidc.errors.*). */
export type OidcFailure = 'failed' | 'expired' | 'unknown_person' | 'broker_unavailable';

export class OidcLoginError extends Error {
  constructor(readonly reason: OidcFailure) {
    super(`portal oidc login refused: ${reason}`);
  }
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/**
 * Authorization code flow with PKCE, state and nonce, validated by openid-client. Discovery runs
 * once, on the first login, and is cached (a failed discovery is retried on the next login).
 * Plain http is allowed only for a broker on the loopback address (tests, local development).
 */
export function createPortalOidc(config: NonNullable<PortalOidcConfig>, clock: Clock) {
  let discovered: Promise<client.Configuration> | null = null;

  function configuration(): Promise<client.Configuration> {
    if (!discovered) {
      const issuer = new URL(config.issuer);
      discovered = client
        .discovery(issuer, config.clientId, undefined, client.ClientSecretPost(config.clientSecret), isLoopback(issuer) && issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined)
        .catch((error: unknown) => {
          discovered = null;
          throw error;
        });
    }
    return discovered;
  }

  return {
    /** The broker's authorization URL and the cookie value to keep until the callback. */
    async start(): Promise<{ url: string; cookie: string }> {
      let cfg: client.Configuration;
      try {
        cfg = await configuration();
      } catch {
        throw new OidcLoginError('broker_unavailable');
      }
      const pending: Pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), at: clock.now().getTime() };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: config.redirectUri,
        scope: config.scope,
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, cookie: Buffer.from(JSON.stringify(pending)).toString('base64url') };
    },

    /**
     * Validates the broker's answer (state, PKCE, the ID token's signature, issuer, audience,
     * nonce and times) and returns the CPR number from the configured claim, read from the ID
     * token or, when the broker keeps it there, from userinfo. Every failure is an OidcLoginError.
     */
    async callback(query: string, cookie: string | undefined): Promise<{ cpr: string }> {
      const pending = parsePending(cookie);
      if (!pending) throw new OidcLoginError('expired');
      if (clock.now().getTime() - pending.at > OIDC_FLOW_MINUTES * 60_000 || clock.now().getTime() < pending.at) throw new OidcLoginError('expired');
      let cfg: client.Configuration;
      try {
        cfg = await configuration();
      } catch {
        throw new OidcLoginError('broker_unavailable');
      }
      const current = new URL(config.redirectUri);
      current.search = query;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(cfg, current, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
      } catch {
        throw new OidcLoginError('failed');
      }
      const claims = tokens.claims();
      if (!claims) throw new OidcLoginError('failed');
      let value: unknown = claims[config.cprClaim];
      if (value === undefined) {
        try {
          const info = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
          value = info[config.cprClaim];
        } catch {
          throw new OidcLoginError('failed');
        }
      }
      const cpr = typeof value === 'string' ? value.replace(/[-\s]/g, '') : '';
      if (!/^\d{10}$/.test(cpr)) throw new OidcLoginError('unknown_person');
      return { cpr };
    },
  };
}

function parsePending(cookie: string | undefined): Pending | null {
  if (!cookie) return null;
  try {
    const value = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as Partial<Pending>;
    if (typeof value.state !== 'string' || typeof value.nonce !== 'string' || typeof value.verifier !== 'string' || typeof value.at !== 'number') return null;
    return value as Pending;
  } catch {
    return null;
  }
}

export type PortalOidc = ReturnType<typeof createPortalOidc>;

