import { createHmac } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * One event as it leaves Jobspor (docs/sync-events.md). Receivers must treat delivery as
 * at-least-once and ignore an `id` they have seen.
 */
export type SyncEnvelope = {
  specVersion: '1';
  id: string;
  sequence: number;
  type: string;
  occurredAt: string;
  organisationId: string;
  subject: { type: string; id: string };
  jobseekerId: string | null;
  actor: 'staff' | 'jobseeker' | 'system';
  data: Record<string, unknown>;
};

/** Where events go. `deliver` resolves when the receiver has taken the event, and throws otherwise. */
export type SyncSink = { name: string; deliver(event: SyncEnvelope): Promise<void> };

export const SIGNATURE_HEADER = 'x-jobspor-signature';
export const TIMESTAMP_HEADER = 'x-jobspor-timestamp';

/** HMAC-SHA256 over "<timestamp>.<body>", hex, as the receiver recomputes it. */
export function signSyncBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs each event as JSON. Any 2xx is success; anything else, a timeout or a network error is
 * a failure the deliverer retries with back-off.
 */
export function createHttpSink(options: { url: string; secret: string; timeoutMs?: number; now?: () => Date }): SyncSink {
  const now = options.now ?? (() => new Date());
  return {
    name: 'http',
    async deliver(event) {
      const body = JSON.stringify(event);
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-jobspor-event-id': event.id,
          'x-jobspor-event-type': event.type,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signSyncBody(options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      // Read the body so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
  };
}

/** Appends each event as one JSON line to <dir>/events-YYYY-MM-DD.jsonl (UTC date of the event). */
export function createFileSink(options: { dir: string }): SyncSink {
  let made = false;
  return {
    name: 'file',
    async deliver(event) {
      if (!made) {
        await mkdir(options.dir, { recursive: true, mode: 0o700 });
        made = true;
      }
      await appendFile(path.join(options.dir, `events-${event.occurredAt.slice(0, 10)}.jsonl`), `${JSON.stringify(event)}\n`, { encoding: 'utf8', mode: 0o600 });
    },
  };
}
