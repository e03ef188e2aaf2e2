import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptersFromEnv, PermanentDeliveryError } from './adapters';

/** A real SMTP server on a free local port that keeps what it receives. */
const received: { from: string; to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the SMTP adapter', () => {
  it('sends over SMTP, and a message sent again after a crash carries the same Message-ID, so receivers see one mail', async () => {
    const { email } = adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'smtp', JOBSPOR_SMS_ADAPTER: 'outbox', JOBSPOR_SMTP_URL: `smtp://127.0.0.1:${port}`, JOBSPOR_MAIL_FROM: 'Jobspor <noreply@example.dk>' });
    expect(email.name).toBe('smtp');
    const message = { id: 'x', channel: 'email' as const, recipient: 'ane@example.dk', subject: 'Din samtale', body: 'Vi ses tirsdag kl. 9.', idempotencyKey: 'booking:1:2' };
    await email.send(message);
    await email.send(message);
    expect(received).toHaveLength(2);
    expect(received[0]).toMatchObject({ from: 'noreply@example.dk', to: ['ane@example.dk'] });
    const messageIds = received.map((r) => /^Message-ID: (.*)$/im.exec(r.data)?.[1]?.trim());
    expect(messageIds[0]).toMatch(/^<[0-9a-f]{32}@example\.dk>$/);
    expect(messageIds[1]).toBe(messageIds[0]);
    expect(received[0]!.data).toMatch(/^X-Jobspor-Idempotency-Key: booking:1:2$/im);
    expect(received[0]!.data).toContain('Vi ses tirsdag kl. 9.');
    await expect(email.send({ ...message, channel: 'sms' })).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('is chosen by the environment, and says what is missing', () => {
    expect(adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'outbox', JOBSPOR_SMS_ADAPTER: 'outbox' }).email.name).toBe('outbox');
    expect(adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'outbox', JOBSPOR_SMS_ADAPTER: 'http', JOBSPOR_SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms' }).sms.name).toBe('sms_http');
    expect(() => adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'outbox', JOBSPOR_SMS_ADAPTER: 'http' })).toThrow(/JOBSPOR_SMS_GATEWAY_URL/);
    expect(() => adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'smtp', JOBSPOR_SMS_ADAPTER: 'outbox' })).toThrow(/JOBSPOR_SMTP_URL/);
  });
});
