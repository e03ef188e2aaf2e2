import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { auditLog, jobseekers, organisations, outbox, portalLoginCodes, portalSessions } from '../../src/db/schema';
import { createTestApp, loginAs, type TestApp } from '../support/app';
import { askLoginCode, portalLoginAs } from '../support/portal';

let t: TestApp;
type Person = { id: string; email: string; phone: string | null; firstName: string };
let people: Person[];
let person: Person;
let ip = 1;
const from = () => `192.0.2.${ip++}`;

beforeAll(async () => {
  t = await createTestApp();
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  const rows = await t.connection.db
    .select({ id: jobseekers.id, email: jobseekers.email, phone: jobseekers.phone, firstName: jobseekers.firstName })
    .from(jobseekers)
    .where(and(eq(jobseekers.organisationId, org!.id), isNotNull(jobseekers.email), isNotNull(jobseekers.phone)))
    .orderBy(asc(jobseekers.id))
    .limit(10);
  people = rows as Person[];
  person = people[0]!;
});
afterAll(async () => t?.close());

const askCode = (payload: unknown, remoteAddress = from()) => t.app.inject({ method: 'POST', url: '/api/portal/auth/code', payload: payload as never, remoteAddress });
const codeFor = async (p: Person, payload: { email?: string; phone?: string }) => {
  const { res, code } = await askLoginCode(t.app, t.connection.db, p.id, payload, from());
  expect(res.statusCode).toBe(202);
  return code!;
};
const verify = (recipient: string, code: string, remoteAddress = from()) => t.app.inject({ method: 'POST', url: '/api/portal/auth/verify', payload: { recipient, code }, remoteAddress });
const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

describe('portal login with a one-time code', () => {
  it('sends a code by e-mail into the outbox, and the code logs the jobseeker in with their own HttpOnly cookie', async () => {
    const { res: asked, code: sent } = await askLoginCode(t.app, t.connection.db, person.id, { email: `  ${person.email.toUpperCase()} ` });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ channel: 'email', expiresInMinutes: 10 });
    const [message] = await t.connection.db.select().from(outbox).where(and(eq(outbox.jobseekerId, person.id), eq(outbox.template, 'portal_login_code'))).orderBy(desc(outbox.createdAt));
    expect(message).toMatchObject({ channel: 'email', recipient: person.email.toLowerCase(), subject: 'Din kode til Jobspor' });
    const code = sent!;
    // Only a hash of the code is stored.
    const stored = await t.connection.db.select().from(portalLoginCodes).where(eq(portalLoginCodes.jobseekerId, person.id));
    expect(JSON.stringify(stored)).not.toContain(code);

    const res = await verify(person.email, code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: person.id, firstName: person.firstName, organisationName: 'Demo A-kasse', method: 'email' });
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/^jobspor_portal=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const sessions = await t.connection.db.select().from(portalSessions).where(eq(portalSessions.jobseekerId, person.id));
    expect(JSON.stringify(sessions)).not.toContain(token);

    const me = await t.app.inject({ method: 'GET', url: '/api/portal/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(person.id);
    const [login] = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.jobseekerId, person.id), eq(auditLog.action, 'login')));
    expect(login).toMatchObject({ actorKind: 'jobseeker', actorId: person.id });

    // Used once: the same code does not work again.
    expect((await verify(person.email, code)).statusCode).toBe(401);
  });

  it('sends the code by SMS to a phone number typed the Danish way', async () => {
    const p = people[1]!;
    const local = p.phone!.replace('+45', '').replace(/(\d{2})(?=\d)/g, '$1 ');
    const { res: asked, code } = await askLoginCode(t.app, t.connection.db, p.id, { phone: local });
    expect(asked.json().channel).toBe('sms');
    const [message] = await t.connection.db.select().from(outbox).where(and(eq(outbox.jobseekerId, p.id), eq(outbox.channel, 'sms'))).orderBy(desc(outbox.createdAt));
    expect(message!.recipient).toBe(p.phone);
    expect(message!.subject).toBeNull();
    const res = await verify(local, code!);
    expect(res.statusCode).toBe(200);
    expect(res.json().method).toBe('sms');
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const before = await t.connection.db.select().from(outbox);
    const res = await askCode({ email: 'findes.ikke@eksempel.dk' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ channel: 'email', expiresInMinutes: 10 });
    expect((await t.connection.db.select().from(outbox)).length).toBe(before.length);
    expect((await verify('findes.ikke@eksempel.dk', '123456')).json().error.code).toBe('portal_code_invalid');
  });

  it('says which field is wrong when the address is neither an e-mail nor a phone number', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/portal/auth/code', payload: { email: 'ikke en adresse' }, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.email).toMatch(/valid e-mail/);
    const none = await askCode({});
    expect(none.statusCode).toBe(400);
    expect(Object.keys(none.json().error.fields)).toEqual(['email']);
    const code = await verify(person.email, '12ab');
    expect(code.statusCode).toBe(400);
    expect(Object.keys(code.json().error.fields)).toEqual(['code']);
  });

  it('refuses a wrong code with a Danish message, and an expired code the same way', async () => {
    const p = people[2]!;
    const code = await codeFor(p, { email: p.email });
    const bad = await verify(p.email, wrong(code));
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toEqual({ code: 'portal_code_invalid', message: 'Koden er forkert eller udløbet. Tjek koden, eller bed om en ny.' });
    expect(bad.headers['set-cookie']).toBeUndefined();
    t.clock.advance(11 * 60_000);
    try {
      const late = await verify(p.email, code);
      expect(late.statusCode).toBe(401);
      expect(late.json().error.code).toBe('portal_code_invalid');
    } finally {
      t.clock.advance(-11 * 60_000);
    }
  });

  it('stops a code working after five wrong tries, even the right code; a new code works again', async () => {
    const p = people[3]!;
    const code = await codeFor(p, { phone: p.phone! });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await verify(p.phone!, String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'))).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 429]);
    const right = await verify(p.phone!, code);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('too_many_requests');
    expect((await verify(p.phone!, await codeFor(p, { phone: p.phone! }))).statusCode).toBe(200);
  });

  it('limits how many codes one address can ask for, and how many one source can ask for', async () => {
    t.clock.advance(20 * 60_000); // past the earlier tests' window
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await askCode({ email: people[4]!.email })).statusCode);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      // Unknown addresses count too: the limit does not tell who exists.
      const unknown = [];
      for (let i = 0; i < 6; i++) unknown.push((await askCode({ email: 'ingen@eksempel.dk' })).statusCode);
      expect(unknown).toEqual([202, 202, 202, 202, 202, 429]);
      const source = [];
      for (let i = 0; i < 21; i++) source.push((await askCode({ email: `person${i}@eksempel.dk` }, '198.51.100.7')).statusCode);
      expect(source.slice(0, 20).every((s) => s === 202)).toBe(true);
      expect(source[20]).toBe(429);
    } finally {
      t.clock.advance(-20 * 60_000);
    }
  });

  it('refuses changes without the portal CSRF token, and logs out', async () => {
    const s = await portalLoginAs(t.app, t.connection.db, people[5]!.id);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/portal/auth/logout', headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const out = await s.request('POST', '/api/portal/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await s.request('GET', '/api/portal/auth/me')).statusCode).toBe(401);
  });

  it('keeps staff and portal sessions apart: a staff cookie does not open the portal, a portal cookie not the staff API', async () => {
    const staff = await loginAs(t.app, 'vejleder@akasse.demo');
    expect((await staff.request('GET', '/api/portal/auth/me')).statusCode).toBe(401);
    const s = await portalLoginAs(t.app, t.connection.db, people[6]!.id);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends an idle portal session after 30 minutes', async () => {
    const s = await portalLoginAs(t.app, t.connection.db, people[7]!.id);
    t.clock.advance(31 * 60_000);
    try {
      expect((await s.request('GET', '/api/portal/auth/me')).statusCode).toBe(401);
    } finally {
      t.clock.advance(-31 * 60_000);
    }
  });

  it('says plainly that MitID login is not set up', async () => {
    const methods = await t.app.inject({ method: 'GET', url: '/api/portal/auth/methods' });
    expect(methods.json()).toEqual({ code: true, oidc: 'not_configured' });
    const res = await t.app.inject({ method: 'GET', url: '/api/portal/auth/oidc/start', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(501);
    expect(res.json().error.message).toMatch(/MitID is not set up/);
  });

  it('lets an admin read the outbox, with login codes shown only where the install allows it', async () => {
    await askCode({ email: people[8]!.email }, '203.0.113.9');
    const admin = await loginAs(t.app, 'admin@akasse.demo');
    const res = await admin.request('GET', '/api/v1/outbox?limit=5');
    expect(res.statusCode).toBe(200);
    const login = res.json().items.find((i: { template: string }) => i.template === 'portal_login_code');
    expect(login.body).toContain('••••••');
    const cw = await loginAs(t.app, 'vejleder@akasse.demo');
    // Caseworkers read the outbox too (the Outbox page); a broker does not.
    const broker = await loginAs(t.app, 'formidler@akasse.demo');
    expect((await broker.request('GET', '/api/v1/outbox')).statusCode).toBe(403);
    expect((await cw.request('GET', '/api/v1/outbox')).statusCode).toBe(200);
  });
});
