import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { fixedClock } from '../../src/server/clock';
import { createCprCipher } from '../../src/server/crypto/cpr-cipher';
import type { Connection } from '../../src/db/connect';
import { seedDemoIfEmpty } from '../../src/db/seed/demo';
import { createTestDatabase } from './db';

export const TEST_CPR_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_TODAY = '2026-11-02';

export type TestApp = {
  app: FastifyInstance;
  connection: Connection;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
};

/** The real app on a fresh database holding the demo data set, at a fixed time. */
export async function createTestApp(options: { demo?: boolean } = {}): Promise<TestApp> {
  const connection = await createTestDatabase();
  const clock = fixedClock(`${TEST_TODAY}T09:00:00Z`);
  const cipher = createCprCipher(TEST_CPR_KEY);
  if (options.demo !== false) await seedDemoIfEmpty(connection.db, cipher, TEST_TODAY);
  const app = await buildApp({ db: connection.db, clock, cipher, sessionHours: 12, secureCookies: false, logLevel: 'silent', webDir: null });
  await app.ready();
  return {
    app,
    connection,
    clock,
    async close() {
      await app.close();
      await connection.close();
    },
  };
}

export type Session = {
  cookie: string;
  csrf: string;
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

/** Log in as staff through the real login route and return a client that sends the cookie and CSRF token. */
export async function loginAs(app: FastifyInstance, email: string, password = 'demo'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'jobspor_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = res.json().csrfToken as string;
  const cookieHeader = `jobspor_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrf,
    request: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        payload: payload as never,
        headers: { cookie: cookieHeader, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      }),
  };
}
