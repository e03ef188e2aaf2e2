import { z } from 'zod';
import { startOfCopenhagenDay, toCopenhagenIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/**
 * An organisation's self-booking rules (templates/booking-rules). They bind the jobseeker; staff
 * may break any of them, giving a reason that is kept.
 */
export const ZBookingRules = z
  .object({
    name: z.object({ da: z.string().min(1), en: z.string().min(1) }).strict(),
    /** A jobseeker books at the earliest this many working days ahead (1 = the next working day). */
    minimumNoticeWorkingDays: z.number().int().min(0).max(30),
    /** How many times a jobseeker may move (or cancel) one talk. */
    maxMovesByJobseeker: z.number().int().min(0).max(20),
    /** Hours before the talk after which only staff can move or cancel it. */
    cutoffHours: z.number().int().min(0).max(24 * 14),
    validFrom: z.string().optional(),
  })
  .strict();
export type BookingRules = z.infer<typeof ZBookingRules>;

export type BookingAction = 'book' | 'move' | 'cancel';
export type BookingRuleCode = 'window' | 'minimum_notice' | 'max_moves' | 'cutoff' | 'free_slot';
export type BookingRuleViolation = { rule: BookingRuleCode; field: 'slotStart' | 'conversation'; message: { da: string; en: string } };

export type BookingRuleInput = {
  action: BookingAction;
  rules: BookingRules;
  now: Date;
  calendar: WorkingCalendar;
  talk: {
    earliest: IsoDate | null;
    latest: IsoDate | null;
    /** The current booking (move, cancel). */
    scheduledAt: Date | null;
    /** Moves and cancellations the jobseeker has made of this talk so far. */
    jobseekerChanges: number;
  };
  /** The new time (book, move) and whether it is a free slot of the caseworker. */
  slot?: { start: Date; isFree: boolean };
};

const danishDate = (iso: IsoDate) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The first day a jobseeker may book on, given the minimum notice. */
export function earliestBookableDay(rules: BookingRules, now: Date, calendar: WorkingCalendar): IsoDate {
  const today = toCopenhagenIsoDate(now);
  return rules.minimumNoticeWorkingDays === 0 ? today : calendar.addWorkingDays(today, rules.minimumNoticeWorkingDays);
}

/** The earliest instant a jobseeker may book: now, or the start of the first day the notice allows. */
export function earliestBookableInstant(rules: BookingRules, now: Date, calendar: WorkingCalendar): Date {
  const day = earliestBookableDay(rules, now, calendar);
  const start = startOfCopenhagenDay(day);
  return start.getTime() > now.getTime() ? start : now;
}

/**
 * Every self-booking rule the action would break, each with a message naming the rule, in
 * Danish and English. An empty list means the jobseeker may go ahead.
 */
export function checkBookingRules(input: BookingRuleInput): BookingRuleViolation[] {
  const { action, rules, now, calendar, talk, slot } = input;
  const found: BookingRuleViolation[] = [];
  if ((action === 'move' || action === 'cancel') && talk.scheduledAt) {
    const hoursLeft = (talk.scheduledAt.getTime() - now.getTime()) / 3_600_000;
    if (hoursLeft < rules.cutoffHours) {
      found.push({
        rule: 'cutoff',
        field: 'conversation',
        message: {
          da: `Reglen om frist før samtalen: Mindre end ${plural(rules.cutoffHours, 'time', 'timer')} før samtalen kan kun din vejleder ændre den. Kontakt din vejleder.`,
          en: `Rule on the cut-off before the talk: less than ${plural(rules.cutoffHours, 'hour', 'hours')} before the talk, only your caseworker can change it. Contact your caseworker.`,
        },
      });
    }
    if (talk.jobseekerChanges >= rules.maxMovesByJobseeker) {
      found.push({
        rule: 'max_moves',
        field: 'conversation',
        message: {
          da: `Reglen om flytninger: Du kan højst flytte eller aflyse en samtale ${plural(rules.maxMovesByJobseeker, 'gang', 'gange')}. Kontakt din vejleder.`,
          en: `Rule on moves: you can move or cancel a talk at most ${plural(rules.maxMovesByJobseeker, 'time', 'times')}. Contact your caseworker.`,
        },
      });
    }
  }
  if (slot && (action === 'book' || action === 'move')) {
    const day = toCopenhagenIsoDate(slot.start);
    if ((talk.earliest && day < talk.earliest) || (talk.latest && day > talk.latest)) {
      found.push({
        rule: 'window',
        field: 'slotStart',
        message: {
          da: `Reglen om samtalens periode: Samtalen skal ligge mellem ${danishDate(talk.earliest ?? day)} og ${danishDate(talk.latest ?? day)}.`,
          en: `Rule on the talk's window: the talk must be between ${talk.earliest ?? day} and ${talk.latest ?? day}.`,
        },
      });
    }
    const firstDay = earliestBookableDay(rules, now, calendar);
    if (slot.start.getTime() < earliestBookableInstant(rules, now, calendar).getTime()) {
      found.push({
        rule: 'minimum_notice',
        field: 'slotStart',
        message: {
          da: `Reglen om varsel: En tid skal bookes mindst ${plural(rules.minimumNoticeWorkingDays, 'arbejdsdag', 'arbejdsdage')} før. Den første mulige dag er ${danishDate(firstDay)}.`,
          en: `Rule on notice: a time must be booked at least ${plural(rules.minimumNoticeWorkingDays, 'working day', 'working days')} ahead. The first possible day is ${firstDay}.`,
        },
      });
    }
    if (!slot.isFree) {
      found.push({
        rule: 'free_slot',
        field: 'slotStart',
        message: {
          da: 'Reglen om ledige tider: Tidspunktet er ikke en ledig tid hos din vejleder. Vælg en anden tid.',
          en: 'Rule on free times: the time is not a free slot of your caseworker. Choose another time.',
        },
      });
    }
  }
  return found;
}
