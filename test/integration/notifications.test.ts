import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { jobseekers, outbox } from '../../src/db/schema';
import { createHttpSmsAdapter, outboxOnlyAdapters, type NotificationAdapter, type NotificationAdapters } from '../../src/server/notifications/adapters';
import { deliverDueNotifications } from '../../src/server/notifications/deliver';
import { queueNotification } from '../../src/server/notifications/queue';
import { systemContext } from '../../src/server/system-context';
import { startWorker } from '../../src/worker/start-worker';
import { createTestApp, loginAs, type TestApp } from '../support/app';
import { findDemoOrganisation, type DemoOrganisation } from '../support/contact-course';
import { testDatabaseKind } from '../support/db';

/**
 * A real SMS gateway on the loopback address, as a provider would behave: it accepts a message
 * once per Idempotency-Key and answers 409 to the same key again. It can be told to fail.
 */
function startGateway() {
  const requests: { key: string; to: string; text: string; auth: string | undefined }[] = [];
  const delivered = new Map<string, number>();
  let failNext: number[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as { to: string; text: string; reference: string };
      const key = String(req.headers['idempotency-key']);
      requests.push({ key, to: body.to, text: body.text, auth: req.headers.authorization });
      const status = failNext.shift();
      if (status) {
        res.writeHead(status).end('{"error":"try later"}');
        return;
      }
      if (delivered.has(key)) {
        res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${key}`, duplicate: true }));
        return;
      }
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${key}` }));
    });
  });
  return new Promise<{ url: string; requests: typeof requests; delivered: typeof delivered; failWith(statuses: number[]): void; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/sms`,
        requests,
        delivered,
        failWith: (statuses) => {
          failNext = [...statuses];
        },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

let t: TestApp;
let org: DemoOrganisation;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let sms: NotificationAdapter;

function adaptersWithSms(adapter: NotificationAdapter): NotificationAdapters {
  return { ...outboxOnlyAdapters(), sms: adapter };
}

async function queueSms(key: string, text = 'Husk din samtale i morgen kl. 10.') {
  const ctx = systemContext(org.id, t.clock, 'test');
  return t.connection.db.transaction((tx) => queueNotification(tx, ctx, { template: 'test', channel: 'sms', recipient: '+4512345678', content: { subject: null, body: text }, idempotencyKey: key }));
}

async function row(key: string) {
  const [r] = await t.connection.db.select().from(outbox).where(eq(outbox.idempotencyKey, key));
  return r!;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  gateway = await startGateway();
  sms = createHttpSmsAdapter({ url: gateway.url, token: 'secret-token', timeoutMs: 5_000 });
});
afterAll(async () => {
  await gateway?.close();
  await t?.close();
});
beforeEach(async () => {
  await t.connection.db.execute(sql`truncate table outbox`);
  t.clock.set('2026-11-02T09:00:00Z');
});

describe(`notifications on ${testDatabaseKind}`, () => {
  it('are written from the template in the recipient’s own language, once per idempotency key', async () => {
    const jobseekerId = org.jobseekerIds[0]!;
    await t.connection.db.update(jobseekers).set({ preferredLanguage: 'en' }).where(eq(jobseekers.id, jobseekerId));
    const ctx = systemContext(org.id, t.clock, 'test');
    const input = {
      template: 'meeting_reminder',
      channel: 'email' as const,
      recipient: 'person@example.dk',
      jobseekerId,
      vars: { firstName: 'Kim', conversation: 'CV talk', when: '4 November 2026 10:00', mode: 'in person', place: ', Vejle', organisation: 'Demo A-kasse' },
      idempotencyKey: 'reminder:test',
    };
    const first = await t.connection.db.transaction((tx) => queueNotification(tx, ctx, input));
    const again = await t.connection.db.transaction((tx) => queueNotification(tx, ctx, input));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const r = await row('reminder:test');
    expect(r).toMatchObject({ language: 'en', status: 'queued', subject: 'Reminder: CV talk 4 November 2026 10:00' });
    expect(r.body).toContain('Dear Kim');
    await t.connection.db.update(jobseekers).set({ preferredLanguage: 'da' }).where(eq(jobseekers.id, jobseekerId));
  });

  it('stay on the machine by default: delivered to the outbox, which staff can read', async () => {
    await queueSms('outbox:1');
    const counts = await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: outboxOnlyAdapters() });
    expect(counts).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row('outbox:1')).toMatchObject({ status: 'sent', adapter: 'outbox', attempts: 1 });
    expect(gateway.requests.filter((r) => r.key === 'outbox:1')).toEqual([]);
    const admin = await loginAs(t.app, 'admin@akasse.demo');
    const page = await admin.request('GET', '/api/v1/outbox?recipient=4512&page=1&pageSize=10');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 1, items: [{ status: 'sent', adapter: 'outbox', body: 'Husk din samtale i morgen kl. 10.' }] });
    const broker = await loginAs(t.app, 'formidler@akasse.demo');
    expect((await broker.request('GET', '/api/v1/outbox')).statusCode).toBe(403);
  });

  it('reach the SMS gateway exactly once even when the worker dies after the gateway accepted the message', async () => {
    await queueSms('crash:1');
    // The worker posts the message and then never comes back (killed mid-send): the row stays 'sending'.
    let accepted = false;
    const dying: NotificationAdapter = {
      name: 'sms_http',
      async send(message) {
        await sms.send(message);
        accepted = true;
        return new Promise(() => undefined);
      },
    };
    void deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(dying) });
    await expect.poll(() => accepted, { timeout: 10_000 }).toBe(true);
    expect(await row('crash:1')).toMatchObject({ status: 'sending', attempts: 1 });

    // A new worker right away leaves it alone: the first one may still be alive.
    expect(await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) })).toMatchObject({ claimed: 0 });

    // Five minutes on, the row is taken as abandoned and sent again with the same key.
    t.clock.advance(5 * 60_000 + 1_000);
    expect(await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row('crash:1')).toMatchObject({ status: 'sent', adapter: 'sms_http', attempts: 2, providerMessageId: 'gw-crash:1' });
    expect(gateway.requests.filter((r) => r.key === 'crash:1').map((r) => r.auth)).toEqual(['Bearer secret-token', 'Bearer secret-token']);
    expect(gateway.delivered.get('crash:1')).toBe(1);
  });

  it('reach the gateway exactly once when the answer to the first post is lost', async () => {
    await queueSms('lost:1');
    const losing: NotificationAdapter = {
      name: 'sms_http',
      async send(message) {
        await sms.send(message);
        throw new Error('connection reset');
      },
    };
    expect(await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(losing) })).toMatchObject({ retrying: 1 });
    const waiting = await row('lost:1');
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastError: 'connection reset' });
    expect(waiting.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(60_000);
    t.clock.advance(60_000);
    await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) });
    expect(await row('lost:1')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(gateway.delivered.get('lost:1')).toBe(1);
  });

  it('are tried again with growing pauses while the gateway is down, and given up on a permanent refusal', async () => {
    await queueSms('down:1');
    gateway.failWith([503, 503]);
    await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) });
    const first = await row('down:1');
    expect(first).toMatchObject({ status: 'queued', attempts: 1, lastError: 'SMS gateway answered 503' });
    expect(first.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(60_000);
    // Not before its time.
    expect(await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) })).toMatchObject({ claimed: 0 });
    t.clock.advance(60_000);
    await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) });
    const second = await row('down:1');
    expect(second).toMatchObject({ status: 'queued', attempts: 2 });
    expect(second.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(120_000);
    t.clock.advance(120_000);
    await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) });
    expect(await row('down:1')).toMatchObject({ status: 'sent', attempts: 3, lastError: null });

    await queueSms('refused:1');
    gateway.failWith([400]);
    await deliverDueNotifications({ db: t.connection.db, clock: t.clock, adapters: adaptersWithSms(sms) });
    expect(await row('refused:1')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMS gateway answered 400' });
  });

  it('are sent by the background worker, and a reminder not before its day', async () => {
    await queueSms('worker:1');
    const ctx = systemContext(org.id, t.clock, 'test');
    await t.connection.db.transaction((tx) =>
      queueNotification(tx, ctx, { template: 'test', channel: 'sms', recipient: '+4512345678', content: { subject: null, body: 'Senere' }, idempotencyKey: 'worker:later', sendAfter: new Date('2026-11-04T09:00:00Z') }),
    );
    const lines: string[] = [];
    const stop = await startWorker({
      connection: t.connection,
      clock: t.clock,
      log: { info: (obj) => lines.push(JSON.stringify(obj)), error: (obj) => lines.push(`error ${JSON.stringify(obj)}`) },
      pollingIntervalSeconds: 0.5,
      runOnStart: ['notifications-deliver'],
      adapters: adaptersWithSms(sms),
    });
    try {
      await expect.poll(async () => (await row('worker:1')).status, { timeout: 30_000, interval: 200 }).toBe('sent');
    } finally {
      await stop();
    }
    expect(lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(gateway.delivered.get('worker:1')).toBe(1);
    expect(await row('worker:later')).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
