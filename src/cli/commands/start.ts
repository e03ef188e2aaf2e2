import type { Command } from 'commander';
import { portalOidcConfig, readEnv } from '../../env';
import { buildApp } from '../../server/app';
import { demoWanted, openDatabase } from '../../server/boot';
import { systemClock } from '../../server/clock';
import { DEMO_LOGINS, seedDemoIfEmpty } from '../../db/seed/demo';
import { DataDirLockedError } from '../../db/data-dir';
import { startWorker } from '../../worker/start-worker';
import { adaptersFromEnv } from '../../server/notifications/adapters';
import { setSurveyLinkBase } from '../../server/surveys/links';
import { syncSinkFromEnv } from '../../server/sync/config';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Serve the web app and the API (embedded PGlite unless DATABASE_URL is set)')
    .action(async () => {
      const env = readEnv();
      let opened;
      try {
        opened = await openDatabase(env);
      } catch (error) {
        if (error instanceof DataDirLockedError) {
          console.error(error.message);
          process.exit(3);
        }
        throw error;
      }
      let seeded = false;
      if (demoWanted(env, opened.connection.kind)) {
        seeded = await seedDemoIfEmpty(opened.connection.db, opened.cipher);
      }
      let ready = false;
      const app = await buildApp({
        db: opened.connection.db,
        clock: systemClock,
        cipher: opened.cipher,
        sessionHours: env.JOBSPOR_SESSION_HOURS,
        secureCookies: env.JOBSPOR_SECURE_COOKIES === 'true',
        logLevel: env.LOG_LEVEL,
        isReady: () => ready,
        publicUrl: env.JOBSPOR_PUBLIC_URL,
        portalSessionMinutes: env.JOBSPOR_PORTAL_SESSION_MINUTES,
        portalOidc: portalOidcConfig(env),
        showLoginCodes: env.NODE_ENV !== 'production',
      });
      let stopping = false;
      let stopWorker: (() => Promise<void>) | null = null;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.log.info({ signal }, 'stopping');
        await app.close().catch(() => undefined);
        await stopWorker?.().catch(() => undefined);
        await opened.close().catch(() => undefined);
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      await app.listen({ port: env.PORT, host: env.HOST });
      // Background jobs (daily task sweep, weekly digest) run in this same process.
      const sink = syncSinkFromEnv(env);
      stopWorker = await startWorker({
        connection: opened.connection,
        databaseUrl: env.DATABASE_URL,
        clock: systemClock,
        log: app.log,
        adapters: adaptersFromEnv(env),
        sync: sink ? { sink, intervalSeconds: env.JOBSPOR_SYNC_INTERVAL_SECONDS, retryBaseSeconds: env.JOBSPOR_SYNC_RETRY_BASE_SECONDS, maxAttempts: env.JOBSPOR_SYNC_MAX_ATTEMPTS } : null,
      });
      ready = true;
      const shownHost = env.HOST === '127.0.0.1' || env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : env.PORT;
      // Without JOBSPOR_PUBLIC_URL, survey links point at this process as it listens.
      if (!env.JOBSPOR_PUBLIC_URL) setSurveyLinkBase(`http://${shownHost}:${port}`);
      const lines = [
        '',
        `  Jobspor kører på http://${shownHost}:${port}  (API docs: http://${shownHost}:${port}/api/docs)`,
        `  Database: ${opened.describe}${seeded ? ' — demo data written' : ''}`,
      ];
      if (demoWanted(env, opened.connection.kind)) {
        lines.push('  Demo logins (password "demo"):');
        for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(28)} ${login.roleLabel}`);
      }
      console.log(lines.join('\n') + '\n');
    });
}
