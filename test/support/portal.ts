import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/connect';
import { jobseekers, outbox } from '../../src/db/schema';
import type { Session } from './app';

async function loginMessageIds(db: Database, jobseekerId: string): Promise<Set<string>> {
  const rows = await db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.jobseekerId, jobseekerId), eq(outbox.template, 'portal_login_code')));
  return new Set(rows.map((r) => r.id));
}

/**
 * Ask for a login code the way the portal's login page does, and read the code from the new
 * message in the outbox, as the person would from their mail. Returns the HTTP answer and the
 * code (null when no message was written, e.g. for an unknown address or when throttled).
 */
export async function askLoginCode(app: FastifyInstance, db: Database, jobseekerId: string, payload: { email?: string; phone?: string }, remoteAddress = nextAddress()) {
  const before = await loginMessageIds(db, jobseekerId);
  const res = await app.inject({ method: 'POST', url: '/api/portal/auth/code', payload, remoteAddress });
  const rows = await db
    .select({ id: outbox.id, body: outbox.body })
    .from(outbox)
    .where(and(eq(outbox.jobseekerId, jobseekerId), eq(outbox.template, 'portal_login_code')))
    .orderBy(desc(outbox.createdAt));
  const fresh = rows.find((r) => !before.has(r.id));
  const code = fresh ? (/\b(\d{6})\b/.exec(fresh.body)?.[1] ?? null) : null;
  return { res, code };
}

let seq = 1;
function nextAddress(): string {
  const n = seq++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type PortalSession = Session & { jobseekerId: string; organisationId: string };

/**
 * Log a jobseeker in to the portal through the real routes: ask for a code by e-mail, read it
 * from the outbox, verify it. A jobseeker without an e-mail address is given a unique one first.
 * Each call comes from its own source address, so tests do not run into the per-address limits.
 */
export async function portalLoginAs(app: FastifyInstance, db: Database, jobseekerId: string): Promise<PortalSession> {
  const [person] = await db.select({ email: jobseekers.email, organisationId: jobseekers.organisationId }).from(jobseekers).where(eq(jobseekers.id, jobseekerId));
  if (!person) throw new Error(`no jobseeker ${jobseekerId}`);
  let email = person.email;
  if (!email) {
    email = `portal-${jobseekerId}@test.example`;
    await db.update(jobseekers).set({ email }).where(eq(jobseekers.id, jobseekerId));
  }
  const remoteAddress = nextAddress();
  const { res: asked, code } = await askLoginCode(app, db, jobseekerId, { email }, remoteAddress);
  if (asked.statusCode !== 202 || !code) throw new Error(`code request failed: ${asked.statusCode} ${asked.body}`);
  const res = await app.inject({ method: 'POST', url: '/api/portal/auth/verify', payload: { recipient: email, code }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`portal login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'jobspor_portal');
  if (!cookie) throw new Error('no portal cookie');
  const cookieHeader = `jobspor_portal=${cookie.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    jobseekerId,
    organisationId: person.organisationId,
    cookie: cookieHeader,
    csrf,
    request: (method, url, payload, headers = {}): Promise<LightMyRequestResponse> =>
      app.inject({
        method,
        url,
        payload: payload as never,
        headers: { cookie: cookieHeader, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      }),
  };
}
