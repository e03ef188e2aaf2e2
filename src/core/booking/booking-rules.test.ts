import { describe, expect, it } from 'vitest';
import { copenhagenLocalTime } from '../calendar/iso-date.js';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { checkBookingRules, earliestBookableDay, ZBookingRules, type BookingRuleInput } from './booking-rules.js';
import defaults from '../../../templates/booking-rules/default.json';

const rules = ZBookingRules.parse(defaults);
const calendar = createWorkingCalendar();
// Friday 2026-11-06 at 10:00 in Copenhagen.
const now = copenhagenLocalTime('2026-11-06', 10 * 60);
const talk = { earliest: '2026-11-02', latest: '2026-11-20', scheduledAt: null, jobseekerChanges: 0 };
const check = (over: Partial<BookingRuleInput>) => checkBookingRules({ action: 'book', rules, now, calendar, talk, ...over }).map((v) => v.rule);

describe('self-booking rules', () => {
  it('ships defaults of 1 working day notice, 2 moves and a 24-hour cut-off', () => {
    expect(rules).toMatchObject({ minimumNoticeWorkingDays: 1, maxMovesByJobseeker: 2, cutoffHours: 24 });
  });

  it('lets a jobseeker book a free slot inside the window from the next working day', () => {
    expect(earliestBookableDay(rules, now, calendar)).toBe('2026-11-09');
    expect(check({ slot: { start: copenhagenLocalTime('2026-11-09', 9 * 60), isFree: true } })).toEqual([]);
  });

  it('refuses a time with too little notice, outside the window, or not a free slot, naming each rule', () => {
    expect(check({ slot: { start: copenhagenLocalTime('2026-11-06', 14 * 60), isFree: true } })).toEqual(['minimum_notice']);
    expect(check({ slot: { start: copenhagenLocalTime('2026-11-23', 9 * 60), isFree: true } })).toEqual(['window']);
    expect(check({ slot: { start: copenhagenLocalTime('2026-11-10', 9 * 60), isFree: false } })).toEqual(['free_slot']);
    const [v] = checkBookingRules({ action: 'book', rules, now, calendar, talk, slot: { start: copenhagenLocalTime('2026-11-06', 14 * 60), isFree: true } });
    expect(v!.message.da).toBe('Reglen om varsel: En tid skal bookes mindst 1 arbejdsdag før. Den første mulige dag er 09-11-2026.');
    expect(v!.message.en).toContain('Rule on notice');
  });

  it('stops the jobseeker moving or cancelling within the cut-off and after the allowed number of moves', () => {
    const tomorrowMorning = copenhagenLocalTime('2026-11-07', 9 * 60);
    expect(check({ action: 'cancel', talk: { ...talk, scheduledAt: tomorrowMorning } })).toEqual(['cutoff']);
    const nextWeek = copenhagenLocalTime('2026-11-12', 9 * 60);
    expect(check({ action: 'cancel', talk: { ...talk, scheduledAt: nextWeek, jobseekerChanges: 1 } })).toEqual([]);
    expect(check({ action: 'move', talk: { ...talk, scheduledAt: nextWeek, jobseekerChanges: 2 }, slot: { start: copenhagenLocalTime('2026-11-13', 9 * 60), isFree: true } })).toEqual(['max_moves']);
  });

  it('counts notice in working days, so a Friday booking skips the weekend and a holiday', () => {
    // Thursday before Easter 2027 (skærtorsdag 25 March): from Wednesday the next working day is Tuesday 30 March.
    expect(earliestBookableDay(rules, copenhagenLocalTime('2027-03-24', 12 * 60), calendar)).toBe('2027-03-30');
  });
});
