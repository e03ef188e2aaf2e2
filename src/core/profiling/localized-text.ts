import { z } from 'zod';

/** Text shown to people: Danish is the source, English the alternative. */
export const ZLocalizedText = z.object({
  da: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

/**
 * A stable code for a question, an answer option, a band or a segment. Stored answers and model
 * coefficients refer to these codes, so they must survive any rewording of the text.
 */
export const ZCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'Expected a stable code: lower-case letters, digits, _ and -' });

// Profiling data only needs a plain date check; the calendar area owns date arithmetic.
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay;
}

export const ZIsoDate = z.string().refine(isIsoDate, { message: 'Expected a real calendar date written YYYY-MM-DD' });
