import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { syncEvents } from '../../src/db/schema';
import { deliverSyncEvents } from '../../src/server/sync/deliver';
import { createFileSink, createHttpSink, signSyncBody, type SyncEnvelope } from '../../src/server/sync/sinks';
import { startWorker } from '../../src/worker/start-worker';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { createSpellThroughApi } from '../support/spells';

const SECRET = 'a-shared-secret-for-tests';
let t: TestApp;
let vera: Session;
let jobseekerId: string;

type Received = { status: number; event: SyncEnvelope; signatureOk: boolean };
let received: Received[] = [];
let failuresLeft = 0;
let server: Server;
let url: string;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  vera = await loginAs(t.app, 'vejleder@akasse.demo');
  ({ jobseekerId } = await createSpellThroughApi(vera, { startDate: '2026-09-01' }));
  // A real receiver on a real port: it fails as long as told to, then takes the events.
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const signature = request.headers['x-jobspor-signature'];
      const timestamp = String(request.headers['x-jobspor-timestamp']);
      const status = failuresLeft > 0 ? 503 : 200;
      if (failuresLeft > 0) failuresLeft -= 1;
      received.push({ status, event: JSON.parse(body) as SyncEnvelope, signatureOk: signature === signSyncBody(SECRET, timestamp, body) });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jobspor-events`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});
beforeEach(async () => {
  // Each test starts with only its own events pending.
  await t.connection.db.update(syncEvents).set({ status: 'delivered' }).where(eq(syncEvents.status, 'pending'));
  received = [];
});

async function addEntries(n: number) {
  for (let i = 0; i < n; i += 1) {
    const res = await vera.request('POST', `/api/v1/jobseekers/${jobseekerId}/joblog`, { date: '2026-10-1' + i, employer: `Firma ${i + 1}`, jobTitle: 'Lagerarbejder', kind: 'advertised' });
    expect(res.statusCode).toBe(201);
  }
}

describe('sync out over HTTP', () => {
  it('retries a receiver that fails twice with back-off, then delivers each event once and in order, signed', async () => {
    await addEntries(3);
    failuresLeft = 2;
    const sink = createHttpSink({ url, secret: SECRET, now: () => t.clock.now() });
    const deliver = () => deliverSyncEvents({ db: t.connection.db, sink, clock: t.clock, retryBaseSeconds: 30 });

    expect(await deliver()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    // Not due yet: nothing is sent, and nothing overtakes the first event.
    expect(await deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    t.clock.advance(30_000);
    expect(await deliver()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    t.clock.advance(30_000);
    expect(await deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0 }); // the second wait is 60 s
    t.clock.advance(30_000);
    expect(await deliver()).toEqual({ delivered: 3, retrying: 0, failed: 0 });

    expect(received.map((r) => r.status)).toEqual([503, 503, 200, 200, 200]);
    const accepted = received.filter((r) => r.status === 200).map((r) => r.event);
    expect(accepted.map((e) => e.data.employer)).toEqual(['Firma 1', 'Firma 2', 'Firma 3']);
    expect(new Set(accepted.map((e) => e.id)).size).toBe(3);
    expect(accepted[0]!.sequence).toBeLessThan(accepted[1]!.sequence);
    expect(received.every((r) => r.signatureOk)).toBe(true);
    expect(accepted[0]).toMatchObject({ specVersion: '1', type: 'joblog.entry.created', subject: { type: 'joblog_entry' }, jobseekerId, actor: 'staff' });

    const rows = await t.connection.db.select().from(syncEvents).where(eq(syncEvents.jobseekerId, jobseekerId)).orderBy(asc(syncEvents.seq));
    const first = rows.find((r) => r.id === accepted[0]!.id)!;
    expect(first).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(await deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(5);
  });

  it('gives up on an event after the last attempt, keeps it as failed with its error, and moves on', async () => {
    await addEntries(2);
    failuresLeft = 1;
    const sink = createHttpSink({ url, secret: SECRET });
    expect(await deliverSyncEvents({ db: t.connection.db, sink, clock: t.clock, maxAttempts: 1 })).toEqual({ delivered: 1, retrying: 0, failed: 1 });
    const [failed] = await t.connection.db.select().from(syncEvents).where(eq(syncEvents.status, 'failed'));
    expect(failed).toMatchObject({ attempts: 1, lastError: 'HTTP 503' });
  });

  it('counts a receiver that is not there as a failure to retry', async () => {
    await addEntries(1);
    const sink = createHttpSink({ url: 'http://127.0.0.1:1/nothing-here', secret: SECRET, timeoutMs: 2000 });
    expect(await deliverSyncEvents({ db: t.connection.db, sink, clock: t.clock })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [row] = await t.connection.db.select().from(syncEvents).where(eq(syncEvents.status, 'pending'));
    expect(row!.lastError).toBeTruthy();
  });
});

describe('sync out into files', () => {
  it('appends each event as one JSON line, in order, to a file per day', async () => {
    await t.connection.db.update(syncEvents).set({ status: 'delivered' }).where(sql`true`);
    const dir = await mkdtemp(path.join(tmpdir(), 'jobspor-sync-'));
    try {
      await addEntries(3);
      const result = await deliverSyncEvents({ db: t.connection.db, sink: createFileSink({ dir: path.join(dir, 'out') }), clock: t.clock });
      expect(result).toEqual({ delivered: 3, retrying: 0, failed: 0 });
      const files = await readdir(path.join(dir, 'out'));
      expect(files).toEqual(['events-2026-11-02.jsonl']);
      const lines = (await readFile(path.join(dir, 'out', files[0]!), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as SyncEnvelope);
      expect(lines.map((l) => l.data.employer)).toEqual(['Firma 1', 'Firma 2', 'Firma 3']);
      expect(lines.every((l) => l.type === 'joblog.entry.created' && l.jobseekerId === jobseekerId)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the worker', () => {
  it('delivers new events to the configured sink by itself', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jobspor-sync-worker-'));
    const errors: unknown[] = [];
    const log = { info: () => undefined, error: (obj: object) => errors.push(obj) };
    const stop = await startWorker({
      connection: t.connection,
      clock: t.clock,
      log,
      pollingIntervalSeconds: 0.5,
      runOnStart: [],
      sync: { sink: createFileSink({ dir }), intervalSeconds: 1, retryBaseSeconds: 1, maxAttempts: 3 },
    });
    try {
      await addEntries(1);
      const until = Date.now() + 20_000;
      let files: string[] = [];
      while (files.length === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        files = await readdir(dir).catch(() => []);
      }
      expect(files).toHaveLength(1);
      const line = JSON.parse((await readFile(path.join(dir, files[0]!), 'utf8')).trim().split('\n')[0]!) as SyncEnvelope;
      expect(line).toMatchObject({ type: 'joblog.entry.created', data: { employer: 'Firma 1' } });
      expect(errors).toEqual([]);
    } finally {
      await stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
