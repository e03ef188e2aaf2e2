import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Connection } from '../db/connect';
import type { Clock } from '../server/clock';
import { runWeeklyDigest } from '../server/digest/run-weekly-digest';
import { sweepAllSpellTasks } from '../server/tasks/sync-spell-tasks';
import { escalateOverdueInquiries } from '../server/messages/escalate';
import { outboxOnlyAdapters, type NotificationAdapters } from '../server/notifications/adapters';
import { deliverDueNotifications } from '../server/notifications/deliver';
import { bossDbFor } from './boss-db';
import { sweepJoblogTasks } from '../server/joblog/monitoring';
import { purgeExpiredSessions } from '../server/auth/purge-expired';
import { runVacancyDigests } from '../server/vacancies/saved-searches';
import { deliverSyncEvents } from '../server/sync/deliver';
import type { SyncSink } from '../server/sync/sinks';

export type WorkerLog = {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export const JOB_NAMES = ['tasks-sweep', 'weekly-digest', 'joblog-sweep', 'sync-deliver', 'notifications-deliver', 'messages-escalate', 'vacancy-digest', 'sessions-purge'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * When the jobs run, Danish time: the sweep before the working day, the digest on Monday morning,
 * notifications every minute (pg-boss's finest cron step), overdue inquiries every 15 minutes.
 */
export const SCHEDULES: { name: JobName; cron: string }[] = [
  { name: 'tasks-sweep', cron: '0 6 * * *' },
  { name: 'weekly-digest', cron: '0 7 * * 1' },
  { name: 'joblog-sweep', cron: '15 6 * * *' },
  { name: 'vacancy-digest', cron: '0 7 * * *' },
  { name: 'notifications-deliver', cron: '* * * * *' },
  { name: 'messages-escalate', cron: '*/15 * * * *' },
  { name: 'sessions-purge', cron: '30 3 * * *' },
];
const TIME_ZONE = 'Europe/Copenhagen';

export type StartWorkerOptions = {
  connection: Connection;
  clock: Clock;
  log: WorkerLog;
  /** On PostgreSQL, pg-boss opens its own small pool with this; otherwise it shares the app's pool. */
  databaseUrl?: string;
  /**
   * Jobs to run once now. The sweep by default: a process that was down at 06:00 (the embedded
   * mode on a laptop) would otherwise miss the day's tasks. It is idempotent, so an extra run costs little.
   */
  runOnStart?: JobName[];
  pollingIntervalSeconds?: number;
  /** Sync out: the sink events are delivered to (none: they stay in the outbox) and how. */
  sync?: { sink: SyncSink; intervalSeconds: number; retryBaseSeconds: number; maxAttempts: number } | null;
  /** How notifications leave the machine (adaptersFromEnv); by default they stay in the outbox. */
  adapters?: NotificationAdapters;
};

/**
 * Starts the background worker in this process: pg-boss (its own schema "pgboss", created on
 * first start, on PostgreSQL or PGlite alike), the two schedules and their handlers. Returns
 * a function that stops it, waiting for a running job to finish.
 */
export async function startWorker(options: StartWorkerOptions): Promise<() => Promise<void>> {
  const { connection, clock, log } = options;
  const config: PgBoss.ConstructorOptions =
    connection.kind === 'postgres' && options.databaseUrl
      ? { connectionString: options.databaseUrl, max: 3, application_name: 'jobspor-worker' }
      : { db: bossDbFor(connection) as PgBoss.Db };
  const boss = new PgBoss({ ...config, schema: 'pgboss' });
  boss.on('error', (error) => log.error({ err: error }, 'background worker error'));
  await boss.start();

  // `startup` marks the catch-up run sent when the process starts, as opposed to the schedule's.
  const handlers: Record<JobName, (data: { startup?: boolean }) => Promise<object>> = {
    'tasks-sweep': async () => {
      // PGlite runs no autovacuum, so without this its planner has no statistics: measured on
      // 5,000 spells, the caseload page took 150 s before ANALYZE and 0.2 s after.
      if (connection.kind === 'pglite') await connection.db.execute(sql`analyze`);
      return sweepAllSpellTasks(connection.db, clock);
    },
    'weekly-digest': () => runWeeklyDigest(connection.db, clock),
    // Reminders to jobseekers go out from the 06:15 run only: a restart during the day must not mail anyone.
    'joblog-sweep': (data) => sweepJoblogTasks(connection.db, clock, { nudge: !data.startup }),
    'sync-deliver': async () => {
      const sync = options.sync;
      if (!sync) return { skipped: 'no sink' };
      return deliverSyncEvents({ db: connection.db, sink: sync.sink, clock, retryBaseSeconds: sync.retryBaseSeconds, maxAttempts: sync.maxAttempts });
    },
    'notifications-deliver': async () => {
      const adapters = options.adapters ?? outboxOnlyAdapters();
      const total = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
      // Drain what is due in batches, a bounded number of rounds per run.
      for (let round = 0; round < 20; round++) {
        const counts = await deliverDueNotifications({ db: connection.db, clock, adapters });
        total.claimed += counts.claimed;
        total.sent += counts.sent;
        total.retrying += counts.retrying;
        total.failed += counts.failed;
        if (counts.claimed < 50) break;
      }
      return total;
    },
    'messages-escalate': () => escalateOverdueInquiries(connection.db, clock),
    'vacancy-digest': () => runVacancyDigests(connection.db, clock),
    'sessions-purge': () => purgeExpiredSessions(connection.db, clock),
  };
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 5;
  for (const name of JOB_NAMES) {
    // Sync delivery keeps its own retry state per event; its queue runs one job at a time across
    // every process ('stately': one queued, one active), which keeps the events in order.
    // The frequent notification jobs are singletons: a run that overlaps the next minute's is not doubled.
    const frequent = name === 'notifications-deliver' || name === 'messages-escalate';
    const queue: PgBoss.Queue =
      name === 'sync-deliver'
        ? { name, policy: 'stately', retryLimit: 0, expireInSeconds: 60 * 30 }
        : { name, retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 60 * 30, ...(frequent ? { policy: 'singleton' as const } : {}) };
    if (!(await boss.getQueue(name))) await boss.createQueue(name, queue);
    await boss.work<{ startup?: boolean }>(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
      try {
        const result = await handlers[name](job?.data ?? {});
        log.info({ job: name, ...result }, 'background job done');
      } catch (error) {
        log.error({ job: name, err: error }, 'background job failed');
        throw error;
      }
    });
  }
  for (const schedule of SCHEDULES) await boss.schedule(schedule.name, schedule.cron, {}, { tz: TIME_ZONE });
  // Several processes starting together send one catch-up run, not one each.
  for (const name of options.runOnStart ?? ['tasks-sweep', 'joblog-sweep', 'notifications-deliver']) await boss.send(name, { startup: true }, { singletonKey: `start:${name}`, singletonSeconds: 300 });

  let syncTimer: NodeJS.Timeout | null = null;
  if (options.sync) {
    const kick = () => void boss.send('sync-deliver', {}).catch((error: unknown) => log.error({ err: error }, 'sync kick failed'));
    kick();
    syncTimer = setInterval(kick, options.sync.intervalSeconds * 1000);
    syncTimer.unref();
  }

  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    if (syncTimer) clearInterval(syncTimer);
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  };
}
