import { describe, expect, it } from 'vitest';
import { copenhagenLocalToIso, copenhagenToday, formatDate, formatDateTime, formatMonthName, formatNumber, formatWindow, isoToCopenhagenLocal, parseDecimal } from './format';

describe('Danish date display', () => {
  it('shows a birth date as day-month-year', () => {
    expect(formatDate('1990-01-31')).toBe('31-01-1990');
  });
  it('shows nothing for a missing date', () => {
    expect(formatDate(null)).toBe('');
  });
  it('shows a time late on 31 December UTC as New Year in Copenhagen', () => {
    expect(formatDateTime('2024-12-31T23:30:00Z')).toBe('01-01-2025 00:30');
  });
  it('shows summer time as two hours ahead of UTC', () => {
    expect(formatDateTime('2025-07-01T10:05:00Z')).toBe('01-07-2025 12:05');
  });
});

describe('booking times typed in Copenhagen time', () => {
  it('sends a winter morning with offset +01:00', () => {
    expect(copenhagenLocalToIso('2026-11-30T09:00')).toBe('2026-11-30T09:00:00+01:00');
  });
  it('sends a summer morning with offset +02:00', () => {
    expect(copenhagenLocalToIso('2026-06-15T09:30')).toBe('2026-06-15T09:30:00+02:00');
  });
  it('uses the summer offset just after the clocks go forward in March', () => {
    expect(copenhagenLocalToIso('2026-03-29T03:30')).toBe('2026-03-29T03:30:00+02:00');
  });
  it('refuses text that is not a time', () => {
    expect(copenhagenLocalToIso('30-11-2026 09:00')).toBeNull();
  });
  it('shows a stored booking in the field as the same Copenhagen wall-clock time', () => {
    expect(isoToCopenhagenLocal('2026-11-30T08:00:00.000Z')).toBe('2026-11-30T09:00');
  });
  it('gives the Copenhagen date, which is already tomorrow late in the UTC evening', () => {
    expect(copenhagenToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });
  it('shows a planned window as two Danish dates', () => {
    expect(formatWindow('2026-11-23', '2026-12-07')).toBe('23-11-2026 – 07-12-2026');
  });
});

describe('months and hours on screen', () => {
  it('names a month in Danish with its year', () => {
    expect(formatMonthName('2026-10', 'da')).toBe('oktober 2026');
    expect(formatMonthName('2027-01', 'da')).toBe('januar 2027');
  });
  it('names a month in English for an English reader', () => {
    expect(formatMonthName('2026-05', 'en')).toBe('May 2026');
  });
  it('shows hours with a decimal comma in Danish and a point in English', () => {
    expect(formatNumber(37.5, 'da')).toBe('37,5');
    expect(formatNumber(12.25, 'en')).toBe('12.25');
    expect(formatNumber(744, 'da')).toBe('744');
  });
});

describe('a typed number of hours', () => {
  it('reads a decimal comma or a decimal point', () => {
    expect(parseDecimal('37,5', 'da')).toBe(37.5);
    expect(parseDecimal(' 37.5 ', 'da')).toBe(37.5);
    expect(parseDecimal('12,25', 'en')).toBe(12.25);
    expect(parseDecimal('0', 'da')).toBe(0);
  });
  it('keeps a sign, so the server can say the hours are out of range', () => {
    expect(parseDecimal('-4', 'da')).toBe(-4);
  });
  it('refuses text that is not a number', () => {
    expect(parseDecimal('', 'da')).toBeNull();
    expect(parseDecimal('fem', 'da')).toBeNull();
    expect(parseDecimal('37 timer', 'da')).toBeNull();
    expect(parseDecimal('1e3', 'da')).toBeNull();
    expect(parseDecimal('3,5,1', 'da')).toBeNull();
  });
  it('refuses a figure that could be a thousand in the reader’s own language', () => {
    expect(parseDecimal('1.000', 'da')).toBeNull();
    expect(parseDecimal('1,000', 'en')).toBeNull();
    expect(parseDecimal('1,125', 'da')).toBe(1.125);
    expect(parseDecimal('1.125', 'en')).toBe(1.125);
  });
});
