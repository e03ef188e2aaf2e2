import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOrThrow } from './validation';
import { AppError } from './errors';

const schema = z.object({ radiusKm: z.coerce.number().int(), name: z.string(), tags: z.array(z.string()).optional(), nested: z.object({ ok: z.boolean() }).optional() });

function fieldErrors(data: unknown) {
  try {
    parseOrThrow(schema, data);
  } catch (error) {
    if (error instanceof AppError) return error.fields;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('field messages', () => {
  it('says a field left out must be filled in', () => {
    expect(fieldErrors({ radiusKm: 5 })?.name).toEqual({ da: 'Feltet skal udfyldes.', en: 'This field is required.' });
  });

  it('says what a field takes when it was given a value of the wrong kind, instead of calling it empty', () => {
    const fields = fieldErrors({ radiusKm: 'abc', name: 7, tags: 'x', nested: { ok: 'maybe' } });
    expect(fields?.radiusKm?.da).toBe('Skriv et tal.');
    expect(fields?.name?.da).toBe('Skriv en tekst.');
    expect(fields?.tags?.da).toBe('Feltet skal være en liste.');
    expect(fields?.['nested.ok']).toEqual({ da: 'Vælg ja eller nej.', en: 'Choose yes or no.' });
  });
});
