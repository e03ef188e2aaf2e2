import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZCvr, ZPNumber, isValidCvr, isValidPNumber, parseCvr, parsePNumber, passesCvrModulus11 } from './cvr';

describe('parseCvr', () => {
  it.each([
    ['13748136', '13748136'],
    ['13 74 81 36', '13748136'],
    ['13-74-81-36', '13748136'],
    ['DK13748136', '13748136'],
    ['dk 13748136', '13748136'],
    [' 10103940 ', '10103940'],
    ['24256790', '24256790'],
    ['22756214', '22756214'],
  ])('accepts %j as CVR %s', (input, cvr) => {
    expect(parseCvr(input)).toEqual({ ok: true, cvr });
  });

  it.each([['13748137'], ['13748135'], ['12345678'], ['31748136']])('rejects %s whose control digit does not fit', (input) => {
    expect(parseCvr(input)).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([[''], ['1374813'], ['137481360'], ['0374813X'], ['03748136'], ['SE13748136'], ['1374 8136x']])(
    'rejects %j as malformed',
    (input) => {
      expect(parseCvr(input)).toEqual({ ok: false, reason: 'format' });
    },
  );

  it('catches every single mistyped digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const digits = '13748136'.split('').map(Number);
        digits[position] = (digits[position]! + shift) % 10;
        expect(passesCvrModulus11(digits.join(''))).toBe(false);
      }),
    );
  });

  it('tells valid from invalid', () => {
    expect(isValidCvr('13748136')).toBe(true);
    expect(isValidCvr('13748137')).toBe(false);
  });
});

describe('parsePNumber', () => {
  it.each([
    ['1003388394', '1003388394'],
    ['10 0338 8394', '1003388394'],
  ])('accepts %j as P-number %s', (input, pNumber) => {
    expect(parsePNumber(input)).toEqual({ ok: true, pNumber });
  });

  it.each([[''], ['100338839'], ['10033883940'], ['0003388394'], ['10033883a4'], ['13748136']])('rejects %j', (input) => {
    expect(parsePNumber(input)).toEqual({ ok: false, reason: 'format' });
    expect(isValidPNumber(input)).toBe(false);
  });
});

describe('zod schemas', () => {
  it('normalise CVR and P-numbers and name what is wrong', () => {
    expect(ZCvr.parse('DK 13 74 81 36')).toBe('13748136');
    expect(ZCvr.safeParse('13748137').error?.issues[0]?.message).toBe('cvr_checksum');
    expect(ZCvr.safeParse('1374').error?.issues[0]?.message).toBe('cvr_format');
    expect(ZPNumber.parse('1003388394')).toBe('1003388394');
    expect(ZPNumber.safeParse('123').error?.issues[0]?.message).toBe('pnumber_format');
  });
});
