import { z } from 'zod';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;
export type Sex = 'female' | 'male';

export type CprParseResult =
  | { ok: true; cpr: string; birthDate: IsoDate; sex: Sex }
  | { ok: false; reason: 'format' | 'date' };

export type ParseCprOptions = {
  /** When given, a birth date after this day is rejected as 'date' (a typo, not a person). */
  today?: IsoDate;
};

// 'DDMMYY-SSSS', 'DDMMYYSSSS' or 'DDMMYY SSSS', after trimming.
const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})[-\s]?(\d)(\d{3})$/;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MODULUS_11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The full birth year from the two year digits and the 7th digit, per the CPR office's table:
 * 0–3 → 1900s; 4 and 9 → 2000s up to '36, else 1900s; 5–8 → 2000s up to '57, else 1800s.
 */
export function cprBirthYear(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  return (twoDigitYear <= 57 ? 2000 : 1800) + twoDigitYear;
}

/**
 * Reads a CPR number. The modulus-11 check is deliberately not required: numbers without it
 * have been issued since 2007 (see passesModulus11).
 */
export function parseCpr(input: string, options: ParseCprOptions = {}): CprParseResult {
  const match = CPR_PATTERN.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, dd, mm, yy, seventh, rest] = match as unknown as [string, string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = cprBirthYear(Number(yy), Number(seventh));
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'date' };
  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  // ISO dates of equal length compare correctly as strings.
  if (options.today !== undefined && birthDate > options.today) return { ok: false, reason: 'date' };
  const cpr = `${dd}${mm}${yy}${seventh}${rest}`;
  const lastDigit = Number(cpr[9]);
  return { ok: true, cpr, birthDate, sex: lastDigit % 2 === 0 ? 'female' : 'male' };
}

export function isValidCpr(input: string, options: ParseCprOptions = {}): boolean {
  return parseCpr(input, options).ok;
}

/** The old control-digit rule (weights 4,3,2,7,6,5,4,3,2,1). Informative only, never a reason to reject. */
export function passesModulus11(cpr: string): boolean {
  const digits = cpr.trim().replace(/^(\d{6})[-\s]?(\d{4})$/, '$1$2');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * MODULUS_11_WEIGHTS[i]!;
  return sum % 11 === 0;
}

/** 'DDMMYY-xxxx'. Anything that is not shaped like a CPR number is masked whole. */
export function maskCpr(cpr: string): string {
  const match = CPR_PATTERN.exec(cpr.trim());
  if (!match) return 'xxxxxx-xxxx';
  return `${match[1]}${match[2]}${match[3]}-xxxx`;
}

/** 'DDMMYY-SSSS' from any accepted form; undefined when the input is not shaped like a CPR number. */
export function formatCpr(cpr: string): string | undefined {
  const match = CPR_PATTERN.exec(cpr.trim());
  return match ? `${match[1]}${match[2]}${match[3]}-${match[4]}${match[5]}` : undefined;
}

function parseIsoDate(value: IsoDate, name: string): [number, number, number] {
  const match = ISO_DATE_PATTERN.exec(value);
  const parts = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  const [year, month, day] = parts;
  if (year === undefined || month === undefined || day === undefined || !isRealDate(year, month, day)) {
    throw new RangeError(`${name} is not a date 'YYYY-MM-DD': ${value}`);
  }
  return [year, month, day];
}

/**
 * Age in completed years on a day. Someone born 29 February becomes a year older on
 * 1 March in a non-leap year. Negative when onDate is before birthDate.
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const [by, bm, bd] = parseIsoDate(birthDate, 'birthDate');
  const [oy, om, od] = parseIsoDate(onDate, 'onDate');
  const birthdayReached = om > bm || (om === bm && od >= bd);
  return oy - by - (birthdayReached ? 0 : 1);
}

/** A CPR number in any accepted form, output as the normalised 10 digits. */
export const ZCpr = z.string().transform((value, ctx) => {
  const parsed = parseCpr(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason === 'date' ? 'cpr_date' : 'cpr_format', input: value });
    return z.NEVER;
  }
  return parsed.cpr;
});
