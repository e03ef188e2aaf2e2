import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar';
import { addWorkingHours, workingMinutesBetween, ZAnswerPromise } from './answer-promise';
import { checkAttachment } from './attachments';
import { measureAnswerPromise } from './promise-kpi';

const promise = ZAnswerPromise.parse({ promiseWorkingHours: 24, dayStart: '08:00', dayEnd: '16:00', categoriesWithPromise: ['job'] });
const calendar = createWorkingCalendar({ closingDays: ['2026-12-24', '2026-12-31'] });
const due = (from: string, hours = 24) => addWorkingHours(new Date(from), hours, promise, calendar).toISOString();

describe('the 24-working-hour answer promise', () => {
  it('is three working days later at the same time for a question asked on a Monday morning', () => {
    // Monday 23 November 2026, 10:00 Danish time (UTC+1) → Thursday 10:00.
    expect(due('2026-11-23T09:00:00Z')).toBe('2026-11-26T09:00:00.000Z');
  });

  it('does not count the weekend: Friday 15:00 is answered by Wednesday 15:00', () => {
    expect(due('2026-11-27T14:00:00Z')).toBe('2026-12-02T14:00:00.000Z');
  });

  it('counts a question sent in the evening or at night from the next morning at 08:00', () => {
    // Monday 21:30 → counted from Tuesday 08:00: Tuesday, Wednesday and Thursday until 16:00.
    expect(due('2026-11-23T20:30:00Z')).toBe('2026-11-26T15:00:00.000Z');
    expect(due('2026-11-24T05:00:00Z')).toBe(due('2026-11-24T07:00:00Z'));
  });

  it('skips public holidays: a question on Maundy Thursday waits until after Easter Monday', () => {
    // Wednesday 1 April 2026 15:00 (summer time, UTC+2): 1 h that day, then Tue 7, Wed 8, Thu 8 h.
    expect(due('2026-04-01T13:00:00Z')).toBe('2026-04-09T13:00:00.000Z');
  });

  it("skips the organisation's closing days", () => {
    // Wednesday 23 December 2026 12:00: 4 h, then 24th closed, 25th/26th holidays/weekend, Mon 28th 8 h, Tue 8 h, Wed 30th 4 h.
    expect(due('2026-12-23T11:00:00Z')).toBe('2026-12-30T11:00:00.000Z');
  });

  it('keeps the Danish wall-clock time across the change to summer time', () => {
    // Friday 27 March 2026 14:00 winter time (13:00 UTC) → Wednesday 1 April 14:00 summer time (12:00 UTC).
    expect(due('2026-03-27T13:00:00Z')).toBe('2026-04-01T12:00:00.000Z');
    // And back to winter time: Friday 23 October 2026 14:00 CEST → Wednesday 28 October 14:00 CET.
    expect(due('2026-10-23T12:00:00Z')).toBe('2026-10-28T13:00:00.000Z');
  });

  it('measures the answer time in working minutes, skipping nights and weekends', () => {
    const minutes = (a: string, b: string) => workingMinutesBetween(new Date(a), new Date(b), promise, calendar);
    expect(minutes('2026-11-27T14:00:00Z', '2026-11-30T08:30:00Z')).toBe(60 + 90);
    expect(minutes('2026-11-23T09:00:00Z', '2026-11-26T09:00:00Z')).toBe(24 * 60);
    expect(minutes('2026-11-26T09:00:00Z', '2026-11-23T09:00:00Z')).toBe(0);
  });

  it('refuses a working day that ends before it starts', () => {
    expect(ZAnswerPromise.safeParse({ promiseWorkingHours: 24, dayStart: '16:00', dayEnd: '08:00', categoriesWithPromise: [] }).success).toBe(false);
  });
});

describe('attachments', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
  it('accepts a PDF that is one', () => {
    expect(checkAttachment({ fileName: 'cv.pdf', contentType: 'application/pdf', content: pdf })).toBeNull();
  });
  it('refuses a file that claims to be a PDF but is not, a program, an empty file and one over 5 MB', () => {
    expect(checkAttachment({ fileName: 'cv.pdf', contentType: 'application/pdf', content: new Uint8Array([1, 2, 3]) })).toBe('type_not_allowed');
    expect(checkAttachment({ fileName: 'x.exe', contentType: 'application/x-msdownload', content: pdf })).toBe('type_not_allowed');
    expect(checkAttachment({ fileName: 'empty.txt', contentType: 'text/plain', content: new Uint8Array() })).toBe('empty');
    expect(checkAttachment({ fileName: 'big.txt', contentType: 'text/plain', content: new Uint8Array(5 * 1024 * 1024 + 1) })).toBe('too_large');
    expect(checkAttachment({ fileName: '../etc/passwd', contentType: 'text/plain', content: pdf })).toBe('bad_name');
  });
});

describe('the share of inquiries answered within the promise', () => {
  const d = (s: string) => new Date(s);
  it('counts answered ones and overdue unanswered ones, not those still inside their deadline', () => {
    const kpi = measureAnswerPromise(
      [
        { answerDueAt: d('2026-11-10T12:00:00Z'), answeredAt: d('2026-11-10T11:00:00Z'), answerWorkingMinutes: 600 },
        { answerDueAt: d('2026-11-10T12:00:00Z'), answeredAt: d('2026-11-11T12:00:00Z'), answerWorkingMinutes: 1920 },
        { answerDueAt: d('2026-11-12T12:00:00Z'), answeredAt: null, answerWorkingMinutes: null },
        { answerDueAt: d('2026-11-30T12:00:00Z'), answeredAt: null, answerWorkingMinutes: null },
      ],
      d('2026-11-20T12:00:00Z'),
    );
    expect(kpi).toEqual({ inquiries: 3, answeredWithinPromise: 1, share: 1 / 3, medianAnswerWorkingMinutes: 1260 });
  });
  it('has no share when nothing is decided yet', () => {
    expect(measureAnswerPromise([], d('2026-11-20T12:00:00Z')).share).toBeNull();
  });
});
