import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import Provider from 'oidc-provider';

/** A free TCP port on 127.0.0.1 (for servers whose URL must be known before they start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type TestBroker = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  cprClaim: string;
  scope: string;
  /** Account id → the CPR number the broker returns for it ('' for none). */
  accounts: Map<string, string>;
  /** The account the next login at the broker logs in as (its login step has no form). */
  loginAs(account: string): void;
  close(): Promise<void>;
};

/**
 * A MitID broker stand-in: a real OpenID Connect provider (oidc-provider) on 127.0.0.1 with one
 * confidential client for Jobspor's portal. The CPR number comes in the claim
 * `cprNumberIdentifier` under the scope `ssn`, the way Idura (Criipto) sends it, so the tests
 * also prove the claim and scope are configurable. Login has no form and no consent step.
 */
export async function startTestBroker(redirectUri: string): Promise<TestBroker> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'jobspor-portal';
  const clientSecret = 'a-test-secret-that-is-long-enough-0123456789';
  const cprClaim = 'cprNumberIdentifier';
  const accounts = new Map<string, string>();
  let next = '';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post', grant_types: ['authorization_code'], response_types: ['code'] }],
    scopes: ['openid', 'ssn'],
    claims: { openid: ['sub'], ssn: [cprClaim] },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, [cprClaim]: accounts.get(id) || undefined }) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // No consent step: the client is granted what it asks for.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid ssn');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['broker-cookie-key'] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const handle = provider.callback();
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        await provider.interactionDetails(req, res);
        await provider.interactionFinished(req, res, { login: { accountId: next } }, { mergeWithLastSubmission: false });
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    cprClaim,
    scope: 'openid ssn',
    accounts,
    loginAs: (account) => {
      next = account;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
