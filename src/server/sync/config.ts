import path from 'node:path';
import type { Env } from '../../env';
import { createFileSink, createHttpSink, type SyncSink } from './sinks';

/** The one place the sync sink is chosen, from the environment; null when sync is off. */
export function syncSinkFromEnv(env: Env): SyncSink | null {
  switch (env.JOBSPOR_SYNC_SINK) {
    case 'none':
      return null;
    case 'http':
      return createHttpSink({ url: env.JOBSPOR_SYNC_HTTP_URL!, secret: env.JOBSPOR_SYNC_HTTP_SECRET!, timeoutMs: env.JOBSPOR_SYNC_HTTP_TIMEOUT_MS });
    case 'file':
      return createFileSink({ dir: env.JOBSPOR_SYNC_FILE_DIR ?? path.join(env.JOBSPOR_DATA_DIR, 'sync') });
    default:
      return env.JOBSPOR_SYNC_SINK satisfies never;
  }
}
