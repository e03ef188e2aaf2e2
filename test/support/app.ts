import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import { fixedClock } from '../../src/server/clock';
import { createCprCipher } from '../../src/server/crypto/cpr-cipher';
import type { Connection } from '../../src/db/connect';
import { createTestDatabase } from './db';

import { TEST_CPR_KEY, TEST_TODAY } from './constants';

export { TEST_CPR_KEY, TEST_TODAY };

export type TestApp = {
  app: FastifyInstance;
  connection: Connection;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
};

/** The real app on a fresh copy of a database holding the demo data set (seeded once per run), at a fixed time. */
export async function createTestApp(options: Pick<AppOptions, 'portalOidc'> = {}): Promise<TestApp> {
  const connection = await createTestDatabase();
  const clock = fixedClock(`${TEST_TODAY}T09:00:00Z`);
  const cipher = createCprCipher(TEST_CPR_KEY);
  const app = await buildApp({ db: connection.db, clock, cipher, sessionHours: 12, secureCookies: false, logLevel: 'silent', webDir: null, ...options });
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
