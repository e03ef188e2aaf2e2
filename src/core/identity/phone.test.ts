import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZPhone, formatPhone, normalisePhone, parsePhone } from './phone';

describe('parsePhone', () => {
  it.each([
    ['22345678', '+4522345678'],
    ['22 34 56 78', '+4522345678'],
    ['2234-5678', '+4522345678'],
    ['22.34.56.78', '+4522345678'],
    ['+45 22 34 56 78', '+4522345678'],
    ['+4522345678', '+4522345678'],
    ['0045 22345678', '+4522345678'],
    ['(+45) 22 34 56 78', '+4522345678'],
    ['  99 99 99 99  ', '+4599999999'],
    ['80 20 20 20', '+4580202020'],
  ])('reads %j as a Danish number: %s', (input, e164) => {
    expect(normalisePhone(input)).toBe(e164);
    expect(parsePhone(input)).toEqual({ ok: true, e164, country: 'DK' });
  });

  it.each([
    ['+46 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['+48 601 234 567', '+48601234567'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['+299 321000', '+299321000'],
  ])('reads %j as a foreign number: %s', (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164, country: 'foreign' });
  });

  it.each([
    [''],
    ['   '],
    ['12345678'],
    ['2234567'],
    ['223456789'],
    ['02345678'],
    ['+45 1234 5678'],
    ['+45 2234 56789'],
    ['+45 223 4567'],
    ['4522345678'],
    ['+123456'],
    ['+1234567890123456'],
    ['+0123456789'],
    ['22 34 56 7a'],
    ['++4522345678'],
    ['+45 22/34/56/78'],
  ])('rejects %j', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'format' });
    expect(normalisePhone(input)).toBeNull();
  });

  it('gives the same number back when an accepted number is read again', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{7}$/), fc.constantFrom('', ' ', '-'), fc.constantFrom('', '+45', '0045', '+45 '), (digits, sep, prefix) => {
        const typed = prefix + digits.replace(/(\d{2})(?=\d)/g, `$1${sep}`);
        const e164 = normalisePhone(typed);
        expect(e164).toBe(`+45${digits}`);
        expect(normalisePhone(e164!)).toBe(e164);
        expect(normalisePhone(formatPhone(e164!))).toBe(e164);
      }),
    );
  });
});

describe('formatPhone', () => {
  it('writes Danish numbers in pairs and leaves foreign numbers as stored', () => {
    expect(formatPhone('+4522345678')).toBe('+45 22 34 56 78');
    expect(formatPhone('+46701234567')).toBe('+46701234567');
  });
});

describe('ZPhone', () => {
  it('normalises a phone number and names the problem of a bad one', () => {
    expect(ZPhone.parse('22 34 56 78')).toBe('+4522345678');
    expect(ZPhone.safeParse('123').error?.issues[0]?.message).toBe('phone_format');
  });
});
