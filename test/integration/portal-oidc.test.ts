import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, ne } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { auditLog, jobseekers, organisations, portalLoginChoices, portalSessions } from '../../src/db/schema';
import { purgeExpiredSessions } from '../../src/server/auth/purge-expired';
import { createCprCipher } from '../../src/server/crypto/cpr-cipher';
import { createTestApp, TEST_CPR_KEY, type TestApp } from '../support/app';
import { freePort, startTestBroker, type TestBroker } from '../support/oidc-broker';

/**
 * MitID login against a real OpenID Connect provider (oidc-provider, in-process on 127.0.0.1)
 * standing in for the broker. Everything goes over real HTTP with a small cookie jar, the way a
 * browser follows the redirects; the broker's login step is a tiny interaction handler that logs
 * in whichever account the test chose.
 */

const cipher = createCprCipher(TEST_CPR_KEY);
const da = JSON.parse(readFileSync(new URL('../../src/web/i18n/da.json', import.meta.url), 'utf8')) as { portalOidc: { errors: Record<string, string> } };

/** A browser's cookies for 127.0.0.1 (cookies ignore ports), honouring path and deletion. */
class CookieJar {
  private cookies = new Map<string, { value: string; path: string }>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((p) => p.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const expired = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()));
      const key = `${name};${path}`;
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }
  header(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.split(';')[0]}=${c.value}`)
      .join('; ');
  }
  get(name: string): string | undefined {
    return [...this.cookies.entries()].find(([key]) => key.split(';')[0] === name)?.[1].value;
  }
  clone(): CookieJar {
    const copy = new CookieJar();
    copy.cookies = new Map(this.cookies);
    return copy;
  }
}

let t: TestApp;
let broker: TestBroker;
let appBase: string;
let callbackUrl: string;
/** Every URL the browser was sent to, to check that no CPR number or token ever appears in one. */
const visited: string[] = [];

async function get(jar: CookieJar, url: string): Promise<Response> {
  const target = new URL(url);
  visited.push(target.href);
  const res = await fetch(target, { redirect: 'manual', headers: { cookie: jar.header(target) } });
  jar.store(res);
  return res;
}

/** Click "Log ind med MitID" and log in at the broker; stops where the broker sends the browser back to Jobspor. */
async function throughBroker(jar: CookieJar, account: string): Promise<string> {
  broker.loginAs(account);
  let res = await get(jar, `${appBase}/api/portal/auth/oidc/start`);
  expect(res.status).toBe(302);
  for (let hops = 0; hops < 10; hops++) {
    const next = new URL(res.headers.get('location')!, res.url || appBase).href;
    if (next.startsWith(callbackUrl)) return next;
    res = await get(jar, next);
    expect([302, 303]).toContain(res.status);
  }
  throw new Error('the broker never sent the browser back');
}

async function send(jar: CookieJar, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const target = new URL(url, appBase);
  visited.push(target.href);
  const res = await fetch(target, {
    method,
    redirect: 'manual',
    headers: { cookie: jar.header(target), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  jar.store(res);
  return res;
}

async function back(jar: CookieJar, url: string) {
  const res = await get(jar, url);
  expect(res.status).toBe(303);
  return { location: res.headers.get('location')!, portalCookie: res.headers.getSetCookie().find((c) => c.startsWith('jobspor_portal=')) };
}

async function counts() {
  const db = t.connection.db;
  const [sessions] = await db.select({ n: count() }).from(portalSessions);
  const [audits] = await db.select({ n: count() }).from(auditLog);
  const [choices] = await db.select({ n: count() }).from(portalLoginChoices);
  return { sessions: sessions!.n, audits: audits!.n, choices: choices!.n };
}

type Person = { id: string; organisationId: string; cpr: string };
let person: Person;
let other: Person;

beforeAll(async () => {
  const appPort = await freePort();
  appBase = `http://127.0.0.1:${appPort}`;
  callbackUrl = `${appBase}/api/portal/auth/oidc/callback`;
  broker = await startTestBroker(callbackUrl);
  const { issuer, clientId, clientSecret, cprClaim, scope } = broker;
  t = await createTestApp({ portalOidc: { issuer, clientId, clientSecret, redirectUri: callbackUrl, cprClaim, scope } });
  await t.app.listen({ host: '127.0.0.1', port: appPort });

  const db = t.connection.db;
  const [akasse] = await db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  const [jobcenter] = await db.select().from(organisations).where(ne(organisations.id, akasse!.id));
  const rows = await db.select().from(jobseekers).where(eq(jobseekers.organisationId, akasse!.id)).limit(50);
  const all = await db.select({ cprHash: jobseekers.cprHash }).from(jobseekers);
  const unique = rows.filter((r) => all.filter((a) => a.cprHash === r.cprHash).length === 1);
  person = { id: unique[0]!.id, organisationId: unique[0]!.organisationId, cpr: cipher.decrypt(unique[0]!.cprCiphertext) };
  const [inJobcenter] = await db.select().from(jobseekers).where(eq(jobseekers.organisationId, jobcenter!.id)).limit(1);
  other = { id: inJobcenter!.id, organisationId: inJobcenter!.organisationId, cpr: cipher.decrypt(inJobcenter!.cprCiphertext) };
  broker.accounts.set('person', person.cpr);
  broker.accounts.set('stranger', '0101901234');
  broker.accounts.set('nocpr', '');
});

afterAll(async () => {
  await t?.close();
  await broker?.close();
});

describe('portal login with MitID through a broker (OpenID Connect)', () => {
  it('offers MitID once configured', async () => {
    const res = await fetch(`${appBase}/api/portal/auth/methods`);
    expect(await res.json()).toEqual({ code: true, oidc: 'available' });
  });

  it('logs the jobseeker in with the CPR number from the broker, opens the same portal session as the code login and audits it', async () => {
    const jar = new CookieJar();
    const start = await get(jar, `${appBase}/api/portal/auth/oidc/start`);
    expect(start.status).toBe(302);
    const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('jobspor_oidc='))!;
    expect(flowCookie).toMatch(/HttpOnly/i);
    expect(flowCookie).toMatch(/SameSite=Lax/i);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const returned = await throughBroker(jar, 'person');
    const before = await counts();
    const { location, portalCookie } = await back(jar, returned);
    expect(location).toBe('/portal');
    expect(portalCookie).toMatch(/HttpOnly/i);
    expect(portalCookie).toMatch(/SameSite=Strict/i);
    expect(jar.get('jobspor_oidc')).toBeUndefined();

    const me = await fetch(`${appBase}/api/portal/auth/me`, { headers: { cookie: portalCookie!.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: person.id, organisationId: person.organisationId, organisationName: 'Demo A-kasse', method: 'oidc' });

    const after = await counts();
    expect(after.sessions).toBe(before.sessions + 1);
    expect(after.choices).toBe(before.choices);
    const [row] = await t.connection.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.jobseekerId, person.id), eq(auditLog.action, 'login'), eq(auditLog.actorKind, 'jobseeker')));
    expect(row).toMatchObject({ actorId: person.id, subjectType: 'portal_session', details: { method: 'oidc' } });

    // Replaying the same answer from the broker (even with the old flow cookie) opens nothing.
    const replayJar = jar.clone();
    const [flowName, flowValue] = flowCookie.split(';')[0]!.split('=');
    const replay = await fetch(returned, { redirect: 'manual', headers: { cookie: `${flowName}=${flowValue}; ${replayJar.header(new URL(returned))}` } });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/portal/login?mitid=failed');
    expect((await counts()).sessions).toBe(after.sessions);
  });

  it('refuses a wrong state, and an answer without the flow cookie, writing nothing', async () => {
    const jar = new CookieJar();
    const returned = new URL(await throughBroker(jar, 'person'));
    const before = await counts();
    const tampered = new URL(returned);
    tampered.searchParams.set('state', 'not-the-state-we-sent');
    const wrong = await back(jar.clone(), tampered.href);
    expect(wrong).toEqual({ location: '/portal/login?mitid=failed', portalCookie: undefined });

    const noCookie = await back(new CookieJar(), returned.href);
    expect(noCookie).toEqual({ location: '/portal/login?mitid=expired', portalCookie: undefined });
    expect(await counts()).toEqual(before);
  });

  it('refuses a login that comes back after the ten minutes', async () => {
    const jar = new CookieJar();
    const returned = await throughBroker(jar, 'person');
    const before = await counts();
    t.clock.advance(11 * 60_000);
    try {
      expect(await back(jar, returned)).toEqual({ location: '/portal/login?mitid=expired', portalCookie: undefined });
    } finally {
      t.clock.advance(-11 * 60_000);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a person the organisations do not know, or a token without a CPR number, with a Danish message', async () => {
    for (const account of ['stranger', 'nocpr']) {
      const jar = new CookieJar();
      const returned = await throughBroker(jar, account);
      const before = await counts();
      expect(await back(jar, returned)).toEqual({ location: '/portal/login?mitid=unknown_person', portalCookie: undefined });
      expect(await counts()).toEqual(before);
    }
    expect(da.portalOidc.errors.unknown_person).toMatch(/Vi kan ikke finde dig/);
  });
});

describe('MitID login for a person known in several organisations', () => {
  let akasseId: string;
  let jobcenterId: string;
  let elsewhereId: string;
  let originalHash: string;

  beforeAll(async () => {
    const db = t.connection.db;
    akasseId = person.organisationId;
    jobcenterId = other.organisationId;
    // The same person in the a-kasse and the jobcentre: the jobcentre's record gets their CPR number.
    const [original] = await db.select({ cprHash: jobseekers.cprHash }).from(jobseekers).where(eq(jobseekers.id, other.id));
    originalHash = original!.cprHash;
    await db.update(jobseekers).set({ cprHash: cipher.hash(person.cpr) }).where(eq(jobseekers.id, other.id));
    // An organisation that does not know the person.
    elsewhereId = randomUUID();
    await db.insert(organisations).values({ id: elsewhereId, name: 'Tredje A-kasse', kind: 'akasse' });
  });

  afterAll(async () => {
    await t.connection.db.update(jobseekers).set({ cprHash: originalHash }).where(eq(jobseekers.id, other.id));
  });

  /** MitID login up to the choice page; returns the jar holding the choice cookie. */
  async function toChoice(): Promise<CookieJar> {
    const jar = new CookieJar();
    const returned = await throughBroker(jar, 'person');
    expect(await back(jar, returned)).toEqual({ location: '/portal/login/choose', portalCookie: undefined });
    expect(jar.get('jobspor_oidc_choice')).toBeTruthy();
    return jar;
  }

  const choice = `/api/portal/auth/oidc/choice`;

  it('offers the organisations that know the person, by name only, and logs them in to the one they choose', async () => {
    const jar = new CookieJar();
    const returned = await throughBroker(jar, 'person');
    const before = await counts();
    const res = await get(jar, returned);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/login/choose');
    const choiceCookie = res.headers.getSetCookie().find((c) => c.startsWith('jobspor_oidc_choice='))!;
    expect(choiceCookie).toMatch(/HttpOnly/i);
    expect(choiceCookie).toMatch(/SameSite=Strict/i);
    expect(choiceCookie).toMatch(/Path=\/api\/portal\/auth\/oidc\/choice/i);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('jobspor_portal='))).toBe(false);
    // No session and no login yet: only the pending set, one row per organisation.
    const pending = await counts();
    expect(pending).toEqual({ ...before, choices: before.choices + 2 });
    const stored = await t.connection.db.select().from(portalLoginChoices);
    expect(stored.map((c) => c.tokenHash)).not.toContain(jar.get('jobspor_oidc_choice'));

    const offered = await send(jar, 'GET', choice);
    expect(offered.status).toBe(200);
    const text = await offered.text();
    expect(JSON.parse(text)).toEqual({
      organisations: [
        { id: akasseId, name: 'Demo A-kasse' },
        { id: jobcenterId, name: 'Demo Jobcenter' },
      ],
      expiresAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    for (const secret of [person.id, other.id, person.cpr]) expect(text).not.toContain(secret);
    expect(await counts()).toEqual(pending);

    const chosen = await send(jar, 'POST', choice, { organisationId: jobcenterId });
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({ id: other.id, organisationId: jobcenterId, organisationName: 'Demo Jobcenter', method: 'oidc' });
    const portalCookie = chosen.headers.getSetCookie().find((c) => c.startsWith('jobspor_portal='))!;
    expect(portalCookie).toMatch(/HttpOnly/i);
    expect(portalCookie).toMatch(/SameSite=Strict/i);
    expect(jar.get('jobspor_oidc_choice')).toBeUndefined();

    const me = await fetch(`${appBase}/api/portal/auth/me`, { headers: { cookie: portalCookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ id: other.id, organisationId: jobcenterId, method: 'oidc' });
    const after = await counts();
    expect(after.sessions).toBe(before.sessions + 1);
    expect(after.audits).toBe(before.audits + 1);
    const logins = await t.connection.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.jobseekerId, other.id), eq(auditLog.action, 'login')));
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ organisationId: jobcenterId, actorKind: 'jobseeker', actorId: other.id, subjectType: 'portal_session', details: { method: 'oidc' } });
  });

  it('works once: the same choice again, or two at once, opens no second session', async () => {
    const jar = await toChoice();
    const token = jar.get('jobspor_oidc_choice')!;
    expect((await send(jar, 'POST', choice, { organisationId: akasseId })).status).toBe(200);
    const before = await counts();
    const replayJar = new CookieJar();
    const headers = { cookie: `jobspor_oidc_choice=${token}` };
    const again = await send(replayJar, 'POST', choice, { organisationId: jobcenterId }, headers);
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: { code: 'portal_choice_expired', message: 'Valget af, hvor du vil logge ind, er udløbet eller allerede brugt. Log ind med MitID igen.' } });
    expect((await send(replayJar, 'GET', choice, undefined, headers)).status).toBe(401);
    expect(await counts()).toEqual(before);

    const raceJar = await toChoice();
    const racing = await Promise.all([send(raceJar.clone(), 'POST', choice, { organisationId: akasseId }), send(raceJar.clone(), 'POST', choice, { organisationId: jobcenterId })]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 401]);
    expect((await counts()).sessions).toBe(before.sessions + 1);
  });

  it('stops working after ten minutes, writes nothing, and is cleaned up the next night', async () => {
    const jar = await toChoice();
    const before = await counts();
    t.clock.advance(11 * 60_000);
    try {
      const offered = await send(jar.clone(), 'GET', choice, undefined, { 'accept-language': 'en' });
      expect(offered.status).toBe(401);
      expect((await offered.json()).error.message).toBe('The choice of where to log in has expired or has already been used. Log in with MitID again.');
      const chosen = await send(jar, 'POST', choice, { organisationId: akasseId });
      expect(chosen.status).toBe(401);
      expect(jar.get('jobspor_oidc_choice')).toBeUndefined();
      expect(await counts()).toEqual(before);
      t.clock.advance(24 * 3_600_000);
      const purged = await purgeExpiredSessions(t.connection.db, t.clock);
      expect(purged.portalLoginChoices).toBe(before.choices);
      expect((await counts()).choices).toBe(0);
    } finally {
      t.clock.advance(-(11 * 60_000 + 24 * 3_600_000));
    }
  });

  it('refuses an organisation outside the offered set with a Danish message naming the field, and leaves the choice open', async () => {
    const jar = await toChoice();
    const before = await counts();
    for (const organisationId of [elsewhereId, randomUUID()]) {
      const res = await send(jar, 'POST', choice, { organisationId });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: 'Nogle felter er ikke udfyldt korrekt.',
          fields: { organisationId: 'Du kan kun logge ind et af de steder, der står på listen. Vælg et af dem.' },
        },
      });
    }
    const none = await send(jar, 'POST', choice, {});
    expect(none.status).toBe(400);
    expect((await none.json()).error.fields).toEqual({ organisationId: 'Vælg, hvor du vil logge ind.' });
    const english = await send(jar, 'POST', choice, { organisationId: elsewhereId }, { 'accept-language': 'en' });
    expect((await english.json()).error.fields).toEqual({ organisationId: 'You can only log in at one of the places in the list. Choose one of them.' });
    expect(await counts()).toEqual(before);
    expect(jar.get('jobspor_oidc_choice')).toBeTruthy();

    const chosen = await send(jar, 'POST', choice, { organisationId: akasseId });
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({ id: person.id, organisationId: akasseId, organisationName: 'Demo A-kasse' });
  });

  it('answers without a choice cookie, or with a made-up one, that the choice has expired', async () => {
    const before = await counts();
    for (const headers of [{}, { cookie: 'jobspor_oidc_choice=made-up' }] as Record<string, string>[]) {
      expect((await send(new CookieJar(), 'GET', choice, undefined, headers)).status).toBe(401);
      expect((await send(new CookieJar(), 'POST', choice, { organisationId: akasseId }, headers)).status).toBe(401);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('what the browser sees', () => {
  it('never puts a CPR number or a token in a URL', () => {
    expect(visited.length).toBeGreaterThan(10);
    for (const url of visited) {
      expect(url).not.toContain(person.cpr);
      expect(url).not.toContain(other.cpr);
      expect(url).not.toContain(person.id);
      expect(url).not.toContain(other.id);
      expect(url).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT (ID or access token)
      expect(url).not.toMatch(/access_token|id_token=/);
    }
  });
});
