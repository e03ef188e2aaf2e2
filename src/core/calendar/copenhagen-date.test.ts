import { describe, expect, it } from 'vitest';
import { copenhagenDate } from './copenhagen-date';

describe('copenhagenDate', () => {
  it('gives the Danish date just after midnight, when UTC is still on the day before', () => {
    expect(copenhagenDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(copenhagenDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
  it('gives the same date in the afternoon', () => {
    expect(copenhagenDate(new Date('2026-03-29T12:00:00Z'))).toBe('2026-03-29');
  });
});
