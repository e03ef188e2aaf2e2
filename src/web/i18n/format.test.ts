import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

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
