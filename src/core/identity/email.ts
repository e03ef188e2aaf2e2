import { z } from 'zod';

// E-mail addresses are checked by zod's own rule. The domain is case-insensitive and is
// lower-cased so one address is stored one way; the local part is kept as typed.

export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => {
    const at = value.lastIndexOf('@');
    return value.slice(0, at + 1) + value.slice(at + 1).toLowerCase();
  });

/** The address trimmed with its domain lower-cased, or null when it is not an e-mail address. */
export function normaliseEmail(input: string): string | null {
  const parsed = ZEmail.safeParse(input);
  return parsed.success ? parsed.data : null;
}
