import { describe, expect, it } from 'vitest';
import { findRepeatedAbsence, monthRange } from './absence';

describe('repeated absence', () => {
  it('is found at the second absence without notice within 30 days', () => {
    expect(findRepeatedAbsence([{ day: '2026-10-06', reason: 'no_notice' }, { day: '2026-11-02', reason: 'no_notice' }], '2026-11-02')).toEqual({ repeated: true, days: ['2026-10-06', '2026-11-02'], episodeStart: '2026-10-06' });
  });
  it('is not found when the two absences are 30 days apart', () => {
    expect(findRepeatedAbsence([{ day: '2026-10-03', reason: 'no_notice' }, { day: '2026-11-02', reason: 'sick' }], '2026-11-02')).toEqual({ repeated: false });
  });
  it('does not count absence for a job interview or work', () => {
    expect(findRepeatedAbsence([{ day: '2026-10-26', reason: 'job_interview' }, { day: '2026-11-02', reason: 'no_notice' }, { day: '2026-10-30', reason: 'work' }], '2026-11-02')).toEqual({ repeated: false });
  });
  it('keeps the same episode when a third absence falls in the same window', () => {
    const absences = [
      { day: '2026-10-06', reason: 'no_notice' as const },
      { day: '2026-10-20', reason: 'other' as const },
      { day: '2026-11-02', reason: 'no_notice' as const },
    ];
    const second = findRepeatedAbsence(absences.slice(0, 2), '2026-10-20');
    const third = findRepeatedAbsence(absences, '2026-11-02');
    expect(second.repeated && third.repeated && second.episodeStart === third.episodeStart).toBe(true);
  });
});

describe('monthRange', () => {
  it('knows February in a leap year', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
