import { describe, expect, it } from 'vitest';
import { checkBusinessActivityDates, hireOutcome } from './index';

describe('a hire through job brokering', () => {
  it('ends the spell as an ordinary job for permanent, temporary and trainee jobs', () => {
    for (const kind of ['permanent', 'temporary', 'trainee']) expect(hireOutcome(kind)).toEqual({ type: 'ordinary_job' });
  });
  it('starts a business-oriented activity for a wage subsidy or a work trial', () => {
    expect(hireOutcome('wage_subsidy')).toEqual({ type: 'business_activity', kind: 'wage_subsidy' });
    expect(hireOutcome('internship')).toEqual({ type: 'business_activity', kind: 'internship' });
  });
});

describe('the dates of a business-oriented activity', () => {
  const today = '2026-11-02';
  const latest = '2027-11-02';
  const active = { startDate: '2026-06-01', endDate: null };
  const fields = (input: { agreedOn: string; startDate: string; endDate?: string | null }, spell: { startDate: string; endDate: string | null } = active) =>
    checkBusinessActivityDates({ endDate: null, ...input }, spell, today, latest).map((p) => p.field);

  it('accepts an activity agreed today to start next month on an active spell', () => {
    expect(fields({ agreedOn: today, startDate: '2026-12-01', endDate: '2027-01-15' })).toEqual([]);
  });
  it('refuses an agreement in the future or after the start', () => {
    expect(fields({ agreedOn: '2026-11-03', startDate: '2026-12-01' })).toEqual(['agreedOn']);
    expect(fields({ agreedOn: '2026-10-10', startDate: '2026-10-01' })).toEqual(['agreedOn']);
  });
  it('refuses a start before the spell or more than a year ahead, and an end before the start', () => {
    expect(fields({ agreedOn: '2026-05-20', startDate: '2026-05-25' })).toEqual(['startDate']);
    expect(fields({ agreedOn: today, startDate: '2027-11-03' })).toEqual(['startDate']);
    expect(fields({ agreedOn: today, startDate: '2026-12-01', endDate: '2026-11-30' })).toEqual(['endDate']);
  });
  it('lets an activity agreed before a handover start after it, but not one agreed after', () => {
    const handedOver = { startDate: '2026-06-01', endDate: '2026-09-01' };
    expect(fields({ agreedOn: '2026-08-25', startDate: '2026-09-08' }, handedOver)).toEqual([]);
    expect(fields({ agreedOn: '2026-09-02', startDate: '2026-09-08' }, handedOver)).toEqual(['agreedOn']);
  });
});
