import { describe, expect, it } from 'vitest';
import { checkTemplatePlaceholders, renderNotification, ZNotificationTemplate } from './templates';
import { deliveryOutcome, retryDelayMs } from './delivery';

const template = ZNotificationTemplate.parse({
  key: 'meeting_reminder',
  email: { subject: { da: 'Påmindelse: {when}', en: 'Reminder: {when}' }, body: { da: 'Kære {firstName}', en: 'Dear {firstName}' } },
  sms: { body: { da: 'Husk {when}', en: 'Remember {when}' } },
});

describe('notification templates', () => {
  it('are written in the recipient’s language with the variables filled in', () => {
    expect(renderNotification(template, 'email', 'en', { when: '4 Nov', firstName: 'Kim' })).toEqual({ subject: 'Reminder: 4 Nov', body: 'Dear Kim' });
    expect(renderNotification(template, 'sms', 'da', { when: '4. nov.' })).toEqual({ subject: null, body: 'Husk 4. nov.' });
  });

  it('refuse to render with a variable missing, rather than send a message with a hole in it', () => {
    expect(() => renderNotification(template, 'email', 'da', { when: 'i morgen' })).toThrow(/firstName/);
  });

  it('find a fact that one language has and the other lacks', () => {
    const broken = ZNotificationTemplate.parse({ key: 'x', sms: { body: { da: 'Husk {when} i {place}', en: 'Remember {when}' } } });
    expect(checkTemplatePlaceholders(broken)).toEqual(['{place} is in the Danish text but not the English one']);
  });
});

describe('delivery retries', () => {
  const now = new Date('2026-11-02T09:00:00Z');
  it('wait 1, 2, 4, 8 minutes … and at most 6 hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(retryDelayMs(20)).toBe(6 * 3_600_000);
  });
  it('give up on a permanent refusal at once and after the 8th try otherwise', () => {
    expect(deliveryOutcome({ succeeded: false, permanent: true, attempts: 1, now })).toEqual({ kind: 'failed' });
    expect(deliveryOutcome({ succeeded: false, permanent: false, attempts: 8, now })).toEqual({ kind: 'failed' });
    expect(deliveryOutcome({ succeeded: false, permanent: false, attempts: 2, now })).toEqual({ kind: 'retry', at: new Date('2026-11-02T09:02:00Z') });
    expect(deliveryOutcome({ succeeded: true, permanent: false, attempts: 3, now })).toEqual({ kind: 'sent' });
  });
});
