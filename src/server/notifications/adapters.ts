import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NotificationChannel } from '../../core/notifications/templates';


/** What an adapter is given: the text, where to, and the key that makes a second send of it harmless. */
export type OutgoingNotification = {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  idempotencyKey: string;
};

export type DeliveryReceipt = { providerMessageId: string | null };

/** Sends one notification. Throws on failure; a `PermanentDeliveryError` means trying again will not help. */
export type NotificationAdapter = {
  name: 'outbox' | 'sms_http' | 'smtp';
  send(message: OutgoingNotification): Promise<DeliveryReceipt>;
};

export class PermanentDeliveryError extends Error {}

/** The embedded default: nothing leaves the machine. The row stays readable on the Outbox page, marked as delivered to it. */
export function createOutboxAdapter(): NotificationAdapter {
  return { name: 'outbox', send: async () => ({ providerMessageId: null }) };
}

/**
 * An HTTP SMS gateway: POST JSON `{ to, text, reference }` with `Authorization: Bearer <token>` and
 * `Idempotency-Key: <key>`. A 2xx or a 409 (the gateway already has this key) is delivered; other
 * 4xx answers are permanent; 5xx, 408, 429 and network errors are tried again.
 */
export function createHttpSmsAdapter(options: { url: string; token?: string; timeoutMs?: number; fetch?: typeof fetch }): NotificationAdapter {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'sms_http',
    async send(message) {
      if (message.channel !== 'sms') throw new PermanentDeliveryError('The SMS gateway sends text messages only');
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ to: message.recipient, text: message.body, reference: message.idempotencyKey }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      if (response.ok || response.status === 409) {
        let id: string | null;
        try {
          const parsed = JSON.parse(text) as { id?: unknown };
          id = typeof parsed.id === 'string' ? parsed.id : null;
        } catch {
          id = null;
        }
        return { providerMessageId: id };
      }
      const error = `SMS gateway answered ${response.status}`;
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) throw new PermanentDeliveryError(error);
      throw new Error(error);
    },
  };
}

/** What the SMTP adapter needs of a mail transport: nodemailer's `Transporter.sendMail` has this shape. */
export type MailTransport = {
  sendMail(mail: { from: string; to: string; subject: string; text: string; messageId: string; headers: Record<string, string> }): Promise<{ messageId?: string }>;
};

/**
 * E-mail over SMTP. The Message-ID is derived from the idempotency key, so a message sent again
 * after a crash carries the same id and receiving servers and clients treat it as one.
 */
export function createSmtpAdapter(options: { transport: MailTransport; from: string; domain?: string }): NotificationAdapter {
  const domain = options.domain ?? /@([^>\s]+)/.exec(options.from)?.[1] ?? 'jobspor.local';
  return {
    name: 'smtp',
    async send(message) {
      if (message.channel !== 'email') throw new PermanentDeliveryError('SMTP sends e-mail only');
      const messageId = `<${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`;
      const info = await options.transport.sendMail({ from: options.from, to: message.recipient, subject: message.subject ?? '', text: message.body, messageId, headers: { 'X-Jobspor-Idempotency-Key': message.idempotencyKey } });
      return { providerMessageId: info.messageId ?? messageId };
    },
  };
}

export type NotificationAdapters = Record<NotificationChannel, NotificationAdapter>;

/** The embedded default for both channels. */
export function outboxOnlyAdapters(): NotificationAdapters {
  const outbox = createOutboxAdapter();
  return { email: outbox, sms: outbox };
}

export type NotificationEnv = {
  JOBSPOR_EMAIL_ADAPTER: 'outbox' | 'smtp';
  JOBSPOR_SMS_ADAPTER: 'outbox' | 'http';
  JOBSPOR_SMTP_URL?: string;
  JOBSPOR_MAIL_FROM?: string;
  JOBSPOR_SMS_GATEWAY_URL?: string;
  JOBSPOR_SMS_GATEWAY_TOKEN?: string;
};

/** A nodemailer transport for an SMTP URL (smtp://user:pass@host:587, smtps://… for TLS from the start). */
export function createNodemailerTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/**
 * The adapters the environment names, chosen in this one place. `createMailTransport` is for
 * tests that want another transport; by default SMTP goes through nodemailer.
 */
export function adaptersFromEnv(env: NotificationEnv, deps: { createMailTransport?: (url: string) => MailTransport } = {}): NotificationAdapters {
  const adapters = outboxOnlyAdapters();
  if (env.JOBSPOR_SMS_ADAPTER === 'http') {
    if (!env.JOBSPOR_SMS_GATEWAY_URL) throw new Error('JOBSPOR_SMS_ADAPTER=http needs JOBSPOR_SMS_GATEWAY_URL');
    adapters.sms = createHttpSmsAdapter({ url: env.JOBSPOR_SMS_GATEWAY_URL, token: env.JOBSPOR_SMS_GATEWAY_TOKEN });
  }
  if (env.JOBSPOR_EMAIL_ADAPTER === 'smtp') {
    if (!env.JOBSPOR_SMTP_URL || !env.JOBSPOR_MAIL_FROM) throw new Error('JOBSPOR_EMAIL_ADAPTER=smtp needs JOBSPOR_SMTP_URL and JOBSPOR_MAIL_FROM');
    const createTransport = deps.createMailTransport ?? createNodemailerTransport;
    adapters.email = createSmtpAdapter({ transport: createTransport(env.JOBSPOR_SMTP_URL), from: env.JOBSPOR_MAIL_FROM });
  }
  return adapters;
}
