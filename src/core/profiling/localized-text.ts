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

export { isIsoDate, ZIsoDate } from '../calendar/iso-date';
