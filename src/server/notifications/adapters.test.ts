import { describe, expect, it } from 'vitest';
import { adaptersFromEnv, createSmtpAdapter, PermanentDeliveryError, type MailTransport } from './adapters';

describe('the SMTP adapter', () => {
  it('gives a message sent again the same Message-ID, so receivers see one mail', async () => {
    const sent: Parameters<MailTransport['sendMail']>[0][] = [];
    const transport: MailTransport = { sendMail: async (mail) => (sent.push(mail), {}) };
    const smtp = createSmtpAdapter({ transport, from: 'Jobspor <noreply@example.dk>' });
    const message = { id: 'x', channel: 'email' as const, recipient: 'a@example.dk', subject: 'Hej', body: 'Tekst', idempotencyKey: 'booking:1:2' };
    await smtp.send(message);
    await smtp.send(message);
    expect(sent[0]!.messageId).toBe(sent[1]!.messageId);
    expect(sent[0]!.messageId).toMatch(/^<[0-9a-f]{32}@example\.dk>$/);
    expect(sent[0]!.headers['X-Jobspor-Idempotency-Key']).toBe('booking:1:2');
    await expect(smtp.send({ ...message, channel: 'sms' })).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('is chosen by the environment, and says what is missing', () => {
    expect(adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'outbox', JOBSPOR_SMS_ADAPTER: 'outbox' }).email.name).toBe('outbox');
    expect(adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'outbox', JOBSPOR_SMS_ADAPTER: 'http', JOBSPOR_SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms' }).sms.name).toBe('sms_http');
    expect(() => adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'outbox', JOBSPOR_SMS_ADAPTER: 'http' })).toThrow(/JOBSPOR_SMS_GATEWAY_URL/);
    expect(() => adaptersFromEnv({ JOBSPOR_EMAIL_ADAPTER: 'smtp', JOBSPOR_SMS_ADAPTER: 'outbox', JOBSPOR_SMTP_URL: 'smtp://mail.example.dk', JOBSPOR_MAIL_FROM: 'a@example.dk' })).toThrow(/nodemailer/);
  });
});
