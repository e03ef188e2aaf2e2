import { addDays, toCopenhagenIsoDate } from '../calendar/iso-date';
import type { SurveyLanguage, TSurveyDefinition } from './survey-definition';

export type SurveyChannel = 'sms' | 'email';

/** An invitation link is valid this long unless the organisation says otherwise. */
export const DEFAULT_LINK_DAYS = 14;
/** A reminder goes to those who have not answered this many days after the invitation. */
export const DEFAULT_REMINDER_AFTER_DAYS = 5;

/**
 * Short codes use the base58 alphabet (no 0/O, I/l): 58^8 ≈ 1.3·10^14 codes, so guessing one
 * of the few thousand live codes takes billions of tries, which the per-source limit stops.
 */
export const SHORT_CODE_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export const SHORT_CODE_LENGTH = 8;
/** A 128-bit token in base64url is 22 characters. */
export const TOKEN_LENGTH = 22;

const SHORT_CODE_RE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);
const TOKEN_RE = new RegExp(`^[A-Za-z0-9_-]{${TOKEN_LENGTH}}$`);

/** Which kind of link a path segment is, if any: the public page accepts both. */
export function classifySurveyCode(code: string): 'short' | 'token' | null {
  if (SHORT_CODE_RE.test(code)) return 'short';
  if (TOKEN_RE.test(code)) return 'token';
  return null;
}

/** Turns random bytes into a short code; each byte picks a letter (rejection sampling keeps it uniform). */
export function shortCodeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % SHORT_CODE_ALPHABET.length);
  let code = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    code += SHORT_CODE_ALPHABET[b % SHORT_CODE_ALPHABET.length];
    if (code.length === SHORT_CODE_LENGTH) return code;
  }
  return null;
}

/** An SMS when there is a phone number, else an e-mail; null when the person cannot be reached. */
export function chooseSurveyChannel(contact: { phone?: string | null; email?: string | null }): { channel: SurveyChannel; recipient: string } | null {
  if (contact.phone?.trim()) return { channel: 'sms', recipient: contact.phone.trim() };
  if (contact.email?.trim()) return { channel: 'email', recipient: contact.email.trim() };
  return null;
}

export function surveyLanguageOf(preferred: string | null | undefined): SurveyLanguage {
  return preferred === 'en' ? 'en' : 'da';
}

function fill(template: string, values: { link: string; organisation: string }): string {
  return template.replaceAll('{link}', values.link).replaceAll('{organisation}', values.organisation);
}

/** The invitation or reminder text, in the person's language, for the channel. */
export function renderSurveyMessage(
  definition: TSurveyDefinition,
  options: { channel: SurveyChannel; lang: SurveyLanguage; link: string; organisation: string; reminder: boolean },
): { subject: string | null; body: string } {
  const m = definition.messages;
  const values = { link: options.link, organisation: options.organisation };
  if (options.channel === 'sms') return { subject: null, body: fill((options.reminder ? m.reminderSms : m.sms)[options.lang], values) };
  return {
    subject: fill((options.reminder ? m.reminderEmailSubject : m.emailSubject)[options.lang], values),
    body: fill((options.reminder ? m.reminderEmail : m.email)[options.lang], values),
  };
}

/** The day the links of an invitation sent on `invitedAt` stop working (exclusive instant). */
export function surveyExpiry(invitedAt: Date, days = DEFAULT_LINK_DAYS): Date {
  return new Date(invitedAt.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The calendar quarter of a date, e.g. '2026-Q4': the quarterly survey goes out once per quarter. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Whether an unanswered invitation is due its one reminder now. */
export function isReminderDue(
  invitation: { invitedAt: Date; expiresAt: Date; answeredAt: Date | null; remindedAt: Date | null },
  now: Date,
  afterDays = DEFAULT_REMINDER_AFTER_DAYS,
): boolean {
  if (invitation.answeredAt || invitation.remindedAt) return false;
  if (now.getTime() >= invitation.expiresAt.getTime()) return false;
  return toCopenhagenIsoDate(now) >= addDays(toCopenhagenIsoDate(invitation.invitedAt), afterDays);
}
