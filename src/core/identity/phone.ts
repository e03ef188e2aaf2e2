import { z } from 'zod';

// Phone numbers are stored in E.164 form: '+45' and 8 digits for Danish numbers,
// '+' and 7–15 digits (country code included) for foreign ones.

export type PhoneParseResult = { ok: true; e164: string; country: 'DK' | 'foreign' } | { ok: false; reason: 'format' };

// Separators people type between digit groups: spaces, dashes, dots, parentheses.
const SEPARATORS = /[\s\-.()]/g;

export function parsePhone(input: string): PhoneParseResult {
  const compact = input.trim().replace(SEPARATORS, '');
  // A Danish subscriber number has 8 digits and never starts with 0 or 1.
  const danish = /^(?:(?:\+|00)45)?([2-9]\d{7})$/.exec(compact);
  if (danish) return { ok: true, e164: `+45${danish[1]}`, country: 'DK' };
  const international = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact);
  // +45 with anything but 8 valid digits is a mistyped Danish number, not a foreign one.
  if (international && !international[1]!.startsWith('45')) {
    return { ok: true, e164: `+${international[1]}`, country: 'foreign' };
  }
  return { ok: false, reason: 'format' };
}

/** The number in E.164 form ('+4512345678'), or null when it is not a phone number we accept. */
export function normalisePhone(input: string): string | null {
  const parsed = parsePhone(input);
  return parsed.ok ? parsed.e164 : null;
}

/** For display: '+45 12 34 56 78' for Danish numbers; foreign numbers as stored. */
export function formatPhone(e164: string): string {
  const danish = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return danish ? `+45 ${danish.slice(1).join(' ')}` : e164;
}

/** A phone number in any accepted form, output in E.164. Issue message: 'phone_format'. */
export const ZPhone = z.string().transform((value, ctx) => {
  const e164 = normalisePhone(value);
  if (e164 === null) {
    ctx.addIssue({ code: 'custom', message: 'phone_format', input: value });
    return z.NEVER;
  }
  return e164;
});
