import { z } from 'zod';

// CVR: the 8-digit number of a legal unit. Every CVR number passes modulus 11 with the
// weights 2,7,6,5,4,3,2,1 (the last digit is the control digit).
// P-number: the 10-digit number of a production unit (a workplace). Some series of
// P-numbers were generated with the wrong weights, so no control digit is checked.

export type CvrParseResult = { ok: true; cvr: string } | { ok: false; reason: 'format' | 'checksum' };
export type PNumberParseResult = { ok: true; pNumber: string } | { ok: false; reason: 'format' };

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

// People write '13748136', '13 74 81 36', '13-74-81-36' or, from invoices, 'DK13748136'.
function compactDigits(input: string): string {
  return input
    .trim()
    .replace(/^DK[\s-]?/i, '')
    .replace(/[\s-]/g, '');
}

export function passesCvrModulus11(cvr: string): boolean {
  if (!/^\d{8}$/.test(cvr)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * CVR_WEIGHTS[i]!;
  return sum % 11 === 0;
}

export function parseCvr(input: string): CvrParseResult {
  const cvr = compactDigits(input);
  if (!/^[1-9]\d{7}$/.test(cvr)) return { ok: false, reason: 'format' };
  if (!passesCvrModulus11(cvr)) return { ok: false, reason: 'checksum' };
  return { ok: true, cvr };
}

export function isValidCvr(input: string): boolean {
  return parseCvr(input).ok;
}

export function parsePNumber(input: string): PNumberParseResult {
  const pNumber = input.trim().replace(/[\s-]/g, '');
  if (!/^[1-9]\d{9}$/.test(pNumber)) return { ok: false, reason: 'format' };
  return { ok: true, pNumber };
}

export function isValidPNumber(input: string): boolean {
  return parsePNumber(input).ok;
}

/** A CVR number in any accepted form, output as 8 digits. Issue messages: 'cvr_format', 'cvr_checksum'. */
export const ZCvr = z.string().transform((value, ctx) => {
  const parsed = parseCvr(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `cvr_${parsed.reason}`, input: value });
    return z.NEVER;
  }
  return parsed.cvr;
});

/** A P-number in any accepted form, output as 10 digits. Issue message: 'pnumber_format'. */
export const ZPNumber = z.string().transform((value, ctx) => {
  const parsed = parsePNumber(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: 'pnumber_format', input: value });
    return z.NEVER;
  }
  return parsed.pNumber;
});
