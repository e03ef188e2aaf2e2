/** How delivery retries: after a failed try, wait 1, 2, 4, 8 … minutes (at most 6 hours); give up after 8 tries. */
export const DELIVERY_POLICY = {
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  /** A row a worker took for sending this long ago belongs to a worker that stopped: it is tried again. */
  staleSendingMs: 5 * 60_000,
} as const;

export type DeliveryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; staleSendingMs: number };

/** The wait before the next try after `attempts` tries have failed (exponential back-off). */
export function retryDelayMs(attempts: number, policy: Pick<DeliveryPolicy, 'baseDelayMs' | 'maxDelayMs'> = DELIVERY_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export type DeliveryOutcome = { kind: 'sent' } | { kind: 'retry'; at: Date } | { kind: 'failed' };

/** What becomes of a notification after a try: sent, tried again later, or given up (a permanent error, or too many tries). */
export function deliveryOutcome(input: { succeeded: boolean; permanent: boolean; attempts: number; now: Date }, policy: DeliveryPolicy = DELIVERY_POLICY): DeliveryOutcome {
  if (input.succeeded) return { kind: 'sent' };
  if (input.permanent || input.attempts >= policy.maxAttempts) return { kind: 'failed' };
  return { kind: 'retry', at: new Date(input.now.getTime() + retryDelayMs(input.attempts, policy)) };
}
