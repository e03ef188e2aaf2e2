import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZCpr, ageOn, cprBirthYear, formatCpr, isValidCpr, maskCpr, parseCpr, passesModulus11 } from './cpr';

describe('parseCpr', () => {
  it.each([
    ['010190-1233', '0101901233', '1990-01-01', 'male'],
    ['0101901234', '0101901234', '1990-01-01', 'female'],
    ['  010190-1234 ', '0101901234', '1990-01-01', 'female'],
    ['010190 1234', '0101901234', '1990-01-01', 'female'],
    ['311299-0000', '3112990000', '1999-12-31', 'female'],
  ])('reads %s as %s, born %s, %s', (input, cpr, birthDate, sex) => {
    expect(parseCpr(input)).toEqual({ ok: true, cpr, birthDate, sex });
  });

  it.each([
    // 7th digit 0–3: always 1900s
    ['010100-0000', '1900-01-01'],
    ['010136-3000', '1936-01-01'],
    ['010199-2000', '1999-01-01'],
    // 7th digit 4 and 9: 2000s up to '36, else 1900s
    ['010136-4000', '2036-01-01'],
    ['010137-4000', '1937-01-01'],
    ['010100-9000', '2000-01-01'],
    ['010136-9000', '2036-01-01'],
    ['010137-9000', '1937-01-01'],
    ['010199-9000', '1999-01-01'],
    // 7th digit 5–8: 2000s up to '57, else 1800s
    ['010157-5000', '2057-01-01'],
    ['010158-5000', '1858-01-01'],
    ['010110-6000', '2010-01-01'],
    ['010190-7000', '1890-01-01'],
    ['010157-8000', '2057-01-01'],
    ['010199-8000', '1899-01-01'],
  ])('places %s in the right century: %s', (input, birthDate) => {
    const parsed = parseCpr(input);
    expect(parsed.ok && parsed.birthDate).toBe(birthDate);
  });

  it.each([
    ['290296-1234', '1996-02-29', 'leap year 1996'],
    ['290200-4234', '2000-02-29', 'leap year 2000 (divisible by 400)'],
    ['290204-5234', '2004-02-29', 'leap year 2004'],
    ['290296-5234', '1896-02-29', 'leap year 1896'],
  ])('accepts 29 February in %s (%s, %s)', (input, birthDate) => {
    const parsed = parseCpr(input);
    expect(parsed.ok && parsed.birthDate).toBe(birthDate);
  });

  it.each([
    ['290297-1234', 'non-leap 1997'],
    ['290200-1234', '1900 is not a leap year'],
    ['290201-4234', 'non-leap 2001'],
    ['290258-5234', 'non-leap 1858'],
    ['300296-1234', '30 February'],
    ['310490-1234', '31 April'],
    ['320190-1234', 'day 32'],
    ['000190-1234', 'day 0'],
    ['011390-1234', 'month 13'],
    ['010090-1234', 'month 0'],
  ])('rejects %s as an impossible date (%s)', (input) => {
    expect(parseCpr(input)).toEqual({ ok: false, reason: 'date' });
  });

  it.each([
    [''],
    ['   '],
    ['010190-123'],
    ['010190-12345'],
    ['01019-01234'],
    ['010190--1234'],
    ['010190_1234'],
    ['01019O-1234'],
    ['0101901234x'],
    ['+010190-1234'],
    ['010190 - 1234'],
    ['0101-90-1234'],
    ['٠١٠١٩٠١٢٣٤'],
  ])('rejects %j as malformed', (input) => {
    expect(parseCpr(input)).toEqual({ ok: false, reason: 'format' });
  });

  it('does not require the modulus-11 check, which numbers issued since 2007 may fail', () => {
    expect(passesModulus11('010165-1230')).toBe(false);
    expect(parseCpr('010165-1230').ok).toBe(true);
  });

  it('rejects a birth date after today only when told what today is', () => {
    expect(parseCpr('010150-5001').ok).toBe(true);
    expect(parseCpr('010150-5001', { today: '2025-06-01' })).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('010625-4001', { today: '2025-06-01' }).ok).toBe(true);
    expect(isValidCpr('020625-4001', { today: '2025-06-01' })).toBe(false);
  });

  it('reads the sex from the last digit: even is female, odd is male', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), (last) => {
        const parsed = parseCpr(`010190-123${last}`);
        expect(parsed.ok && parsed.sex).toBe(last % 2 === 0 ? 'female' : 'male');
      }),
    );
  });

  // Which 7th digits place a birth year in its own century, from the CPR office's table.
  function seventhDigitsFor(year: number): number[] {
    if (year >= 1858 && year <= 1899) return [5, 6, 7, 8];
    if (year >= 1900 && year <= 1936) return [0, 1, 2, 3];
    if (year >= 1937 && year <= 1999) return [0, 1, 2, 3, 4, 9];
    if (year >= 2000 && year <= 2036) return [4, 5, 6, 7, 8, 9];
    if (year >= 2037 && year <= 2057) return [5, 6, 7, 8];
    return [];
  }

  it('reads back the birth date of any real date with any serial number that fits the century rule', () => {
    const birthDate = fc
      .date({ min: new Date('1858-01-01T00:00:00Z'), max: new Date('2057-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const arb = birthDate.chain((iso) =>
      fc.record({
        iso: fc.constant(iso),
        seventh: fc.constantFrom(...seventhDigitsFor(Number(iso.slice(0, 4)))),
        serial: fc.integer({ min: 0, max: 999 }),
        dash: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ iso, seventh, serial, dash }) => {
        const [yyyy, mm, dd] = iso.split('-') as [string, string, string];
        const input = `${dd}${mm}${yyyy.slice(2)}${dash ? '-' : ''}${seventh}${String(serial).padStart(3, '0')}`;
        const parsed = parseCpr(input);
        expect(parsed).toMatchObject({ ok: true, birthDate: iso, cpr: input.replace('-', '') });
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const parsed = parseCpr(input);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });
});

describe('cprBirthYear', () => {
  it.each([
    [0, 0, 1900],
    [36, 4, 2036],
    [37, 4, 1937],
    [57, 5, 2057],
    [58, 8, 1858],
    [99, 9, 1999],
  ])('year digits %i with 7th digit %i mean %i', (yy, seventh, year) => {
    expect(cprBirthYear(yy, seventh)).toBe(year);
  });
});

describe('passesModulus11', () => {
  it.each([
    ['111111-1118', true],
    ['1111111118', true],
    ['070761-4285', true],
    ['111111-1119', false],
    ['070761-4286', false],
    ['not a cpr', false],
  ])('%s passes the old control-digit rule: %s', (cpr, expected) => {
    expect(passesModulus11(cpr)).toBe(expected);
  });
});

describe('maskCpr and formatCpr', () => {
  it.each([
    ['0101901234', '010190-xxxx'],
    ['010190-1234', '010190-xxxx'],
    [' 010190 1234 ', '010190-xxxx'],
  ])('shows %j as %s', (cpr, masked) => {
    expect(maskCpr(cpr)).toBe(masked);
  });

  it('never shows the digits of something that is not a CPR number', () => {
    expect(maskCpr('12345')).toBe('xxxxxx-xxxx');
    expect(maskCpr('01019012345')).toBe('xxxxxx-xxxx');
  });

  it('writes a CPR number with the dash', () => {
    expect(formatCpr('0101901234')).toBe('010190-1234');
    expect(formatCpr('abc')).toBeUndefined();
  });
});

describe('ageOn', () => {
  it.each([
    ['1990-06-15', '2024-06-14', 33],
    ['1990-06-15', '2024-06-15', 34],
    ['1990-06-15', '2024-12-31', 34],
    ['1990-06-15', '1990-06-15', 0],
    ['1996-02-29', '2024-02-28', 27],
    ['1996-02-29', '2024-02-29', 28],
    ['1996-02-29', '2023-02-28', 26],
    ['1996-02-29', '2023-03-01', 27],
    ['1858-01-01', '2024-01-01', 166],
    ['2050-06-01', '2050-01-01', -1],
  ])('someone born %s is %i on %s', (birthDate, onDate, age) => {
    expect(ageOn(birthDate, onDate)).toBe(age);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => ageOn('1990-02-30', '2024-01-01')).toThrow(RangeError);
    expect(() => ageOn('1990-01-01', '2024-1-1')).toThrow(RangeError);
  });
});

describe('ZCpr', () => {
  it('normalises a valid CPR number and names the problem of an invalid one', () => {
    expect(ZCpr.parse('010190-1234')).toBe('0101901234');
    const badDate = ZCpr.safeParse('320190-1234');
    expect(badDate.success).toBe(false);
    expect(badDate.error?.issues[0]?.message).toBe('cpr_date');
    expect(ZCpr.safeParse('abc').error?.issues[0]?.message).toBe('cpr_format');
  });
});
