import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { lt } from 'drizzle-orm';
import { jobseekers, portalSessions, sessions } from '../../src/db/schema';
import { purgeExpiredSessions } from '../../src/server/auth/purge-expired';
import { createTestApp, loginAs, type TestApp } from '../support/app';
import { portalLoginAs } from '../support/portal';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('staff login', () => {
  it('logs a demo caseworker in with an HttpOnly, SameSite session cookie and tells who they are', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'vejleder@akasse.demo', password: 'demo' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/jobspor_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'vejleder@akasse.demo', role: 'caseworker', organisationName: 'Demo A-kasse' });
  });

  it('answers a wrong password with a Danish message and no cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'leder@akasse.demo', password: 'forkert' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: 'Forkert e-mail eller adgangskode.' } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers in English when the browser asks for English', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en-GB,en;q=0.9' }, payload: { email: 'leder@akasse.demo', password: 'wrong' } });
    expect(res.json().error.message).toBe('Wrong e-mail or password.');
  });

  it('locks an account for a while after five wrong passwords, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'leder@jobcenter.demo', password: `wrong-${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'leder@jobcenter.demo', password: 'demo' } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    t.clock.advance(16 * 60_000);
    const after = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'leder@jobcenter.demo', password: 'demo' } });
    expect(after.statusCode).toBe(200);
  });

  it('refuses a change sent with the session cookie but without the CSRF token, and changes nothing', async () => {
    const s = await loginAs(t.app, 'vejleder@akasse.demo');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobseekers',
      headers: { cookie: s.cookie },
      payload: { cpr: '150387-1236', firstName: 'Uden', lastName: 'Token' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const search = await s.request('POST', '/api/v1/jobseekers/search', { q: 'Uden Token' });
    expect(search.json().total).toBe(0);
  });

  it('ends the session at logout, so the cookie no longer works', async () => {
    const s = await loginAs(t.app, 'formidler@akasse.demo');
    expect((await s.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('asks for the authenticator code once two-factor is on, and accepts the right one', async () => {
    const s = await loginAs(t.app, 'admin@akasse.demo');
    const setup = await s.request('POST', '/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.json().secret) });
    const code = () => totp.generate({ timestamp: t.clock.now().getTime() });
    expect((await s.request('POST', '/api/v1/auth/totp/enable', { code: '000000' === code() ? '111111' : '000000' })).statusCode).toBe(401);
    expect((await s.request('POST', '/api/v1/auth/totp/enable', { code: code() })).statusCode).toBe(204);

    const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@akasse.demo', password: 'demo' } });
    expect(without.statusCode).toBe(401);
    expect(without.json().error.code).toBe('totp_required');
    const withCode = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@akasse.demo', password: 'demo', totp: code() } });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().totpEnabled).toBe(true);
  });
});

describe('the nightly clean-up of logins', () => {
  it('removes expired staff and portal sessions and old login attempts, and leaves the sessions in use', async () => {
    const [person] = await t.connection.db.select({ id: jobseekers.id }).from(jobseekers).limit(1);
    const morning = await loginAs(t.app, 'vejleder@akasse.demo');
    await portalLoginAs(t.app, t.connection.db, person!.id);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@akasse.demo', password: 'wrong' } });
    t.clock.advance(25 * 3_600_000);
    const evening = await loginAs(t.app, 'vejleder@akasse.demo');

    const purged = await purgeExpiredSessions(t.connection.db, t.clock);
    expect(purged.staffSessions).toBeGreaterThanOrEqual(1);
    expect(purged.portalSessions).toBeGreaterThanOrEqual(1);
    expect(purged.loginAttempts).toBeGreaterThanOrEqual(1);
    const now = t.clock.now();
    expect(await t.connection.db.select().from(sessions).where(lt(sessions.expiresAt, now))).toEqual([]);
    expect(await t.connection.db.select().from(portalSessions).where(lt(portalSessions.expiresAt, now))).toEqual([]);
    expect((await morning.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await evening.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // Nothing left to remove: a second run changes nothing.
    expect(await purgeExpiredSessions(t.connection.db, t.clock)).toEqual({ staffSessions: 0, portalSessions: 0, loginAttempts: 0, portalLoginCodes: 0, portalLoginChoices: 0 });
  });
});
