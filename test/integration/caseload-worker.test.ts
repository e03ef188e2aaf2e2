import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { tasks } from '../../src/db/schema';
import { startWorker, type WorkerLog } from '../../src/worker/start-worker';
import { SPELL_TASK_KINDS } from '../../src/core/caseload/spell-tasks';
import { testDatabaseKind } from '../support/db';
import { createTestApp, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations } from '../support/contact-course';

let t: TestApp;
let spellId: string;

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  const akasse = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  const vera = akasse.staff['vejleder@akasse.demo']!;
  ({ spellId } = await insertSpellWithConversations(t.connection.db, {
    organisationId: akasse.id,
    jobseekerId: akasse.jobseekerIds[0]!,
    caseworkerId: vera.id,
    unitId: vera.unitId,
    startDate: '2026-10-19',
    conversations: [{ type: 'cv_contact', latest: '2026-10-30' }],
  }));
});
afterAll(async () => t?.close());

function capturingLog() {
  const lines: { level: 'info' | 'error'; obj: Record<string, unknown>; msg?: string }[] = [];
  const log: WorkerLog = {
    info: (obj, msg) => lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  return { log, lines };
}

async function waitFor(check: () => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the worker');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`the background worker on ${testDatabaseKind}`, () => {
  it('creates its own schema, schedules the sweep and the digest in Danish time, and runs the start-up sweep', async () => {
    const { log, lines } = capturingLog();
    const started = performance.now();
    const stop = await startWorker({ connection: t.connection, clock: t.clock, log, pollingIntervalSeconds: 0.5 });
    const startMs = performance.now() - started;
    try {
      await waitFor(() => lines.some((l) => l.obj.job === 'tasks-sweep'));
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(lines.find((l) => l.obj.job === 'tasks-sweep')).toMatchObject({ msg: 'background job done', obj: { organisations: 2, spells: 1, created: 1 } });
      const created = await t.connection.db.select({ kind: tasks.kind }).from(tasks).where(and(eq(tasks.spellId, spellId), inArray(tasks.kind, [...SPELL_TASK_KINDS])));
      expect(created).toEqual([{ kind: 'overdue_talk' }]);
      // The joblog sweep runs at start too (src/server/joblog/monitoring.ts).
      await waitFor(() => lines.some((l) => l.obj.job === 'joblog-sweep'));
      expect(lines.find((l) => l.obj.job === 'joblog-sweep')).toMatchObject({ msg: 'background job done', obj: { organisations: 2, nudged: 0 } });
      const schedules = (await t.connection.db.execute(sql`select name, cron, timezone from pgboss.schedule order by name`)) as unknown as { rows: unknown[] };
      expect(schedules.rows).toEqual([
        { name: 'joblog-sweep', cron: '15 6 * * *', timezone: 'Europe/Copenhagen' },
        { name: 'messages-escalate', cron: '*/15 * * * *', timezone: 'Europe/Copenhagen' },
        { name: 'notifications-deliver', cron: '* * * * *', timezone: 'Europe/Copenhagen' },
        { name: 'sessions-purge', cron: '30 3 * * *', timezone: 'Europe/Copenhagen' },
        { name: 'tasks-sweep', cron: '0 6 * * *', timezone: 'Europe/Copenhagen' },
        { name: 'vacancy-digest', cron: '0 7 * * *', timezone: 'Europe/Copenhagen' },
        { name: 'weekly-digest', cron: '0 7 * * 1', timezone: 'Europe/Copenhagen' },
      ]);
    } finally {
      await stop();
    }
    console.info(`worker start on ${testDatabaseKind}: ${Math.round(startMs)} ms (first start, schema created)`);
  });

  it('starts again on the existing schema, and the app keeps answering while it runs', async () => {
    const { log, lines } = capturingLog();
    const stop = await startWorker({ connection: t.connection, clock: t.clock, log, pollingIntervalSeconds: 0.5, runOnStart: ['weekly-digest'] });
    try {
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      await waitFor(() => lines.some((l) => l.obj.job === 'weekly-digest'));
      expect(lines.find((l) => l.obj.job === 'weekly-digest')).toMatchObject({ obj: { week: '2026-W45', written: 2 } });
    } finally {
      await stop();
    }
  });
});
