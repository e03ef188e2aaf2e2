import { z } from 'zod';
import { BOOKING_MODES } from '../../core/booking/availability';
import { msg } from '../validation';

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('time'));
const ZModes = z.array(z.enum(BOOKING_MODES)).min(1, msg('required')).max(3);
const ZPlace = z.string().trim().max(300).nullable().optional();

export const ZWeeklyBlockInput = z
  .object({
    weekday: z.number().int().min(1).max(5),
    start: ZTime,
    end: ZTime,
    slotMinutes: z.number().int().min(10).max(240),
    place: ZPlace,
    modes: ZModes,
    validFrom: z.iso.date(msg('date')).nullable().optional(),
    validTo: z.iso.date(msg('date')).nullable().optional(),
  })
  .strict();
export type TWeeklyBlockInput = z.infer<typeof ZWeeklyBlockInput>;

export const ZReplaceWeekly = z
  .object({ blocks: z.array(ZWeeklyBlockInput).max(50) })
  .strict()
  .meta({ examples: [{ blocks: [{ weekday: 1, start: '09:00', end: '12:00', slotMinutes: 45, place: 'Afdeling Nord, mødelokale 2', modes: ['in_person', 'phone'] }] }] });

export const ZExceptionInput = z
  .object({
    day: z.iso.date(msg('date')),
    kind: z.enum(['day_off', 'extra']),
    start: ZTime.optional(),
    end: ZTime.optional(),
    slotMinutes: z.number().int().min(10).max(240).optional(),
    place: ZPlace,
    modes: ZModes.optional(),
    note: z.string().trim().max(300).optional(),
  })
  .strict()
  .meta({ examples: [{ day: '2026-12-01', kind: 'day_off', note: 'Kursus' }] });
export type TExceptionInput = z.infer<typeof ZExceptionInput>;

const overrideReason = z.string().trim().max(2000).optional();
const slotStart = z.iso.datetime({ offset: true, message: msg('datetime') });
const version = z.number({ message: msg('required') }).int().positive();

export const ZBookSlot = z
  .object({ version, slotStart, mode: z.enum(BOOKING_MODES), overrideReason })
  .strict()
  .meta({ examples: [{ version: 1, slotStart: '2026-11-10T09:00:00+01:00', mode: 'in_person' }] });
export type TBookSlot = z.infer<typeof ZBookSlot>;

export const ZMoveSlot = z
  .object({ version, slotStart, mode: z.enum(BOOKING_MODES), reason: z.string().trim().max(2000).optional(), overrideReason })
  .strict()
  .meta({ examples: [{ version: 2, slotStart: '2026-11-11T10:00:00+01:00', mode: 'phone', reason: 'Jeg er til jobsamtale.' }] });
export type TMoveSlot = z.infer<typeof ZMoveSlot>;

export const ZCancelSlot = z
  .object({ version, reason: z.string().trim().max(2000).optional(), overrideReason })
  .strict()
  .meta({ examples: [{ version: 2, reason: 'Jeg er syg.' }] });
export type TCancelSlot = z.infer<typeof ZCancelSlot>;

export const ZSlot = z.object({ start: z.string(), end: z.string(), day: z.string(), place: z.string().nullable(), modes: z.array(z.enum(BOOKING_MODES)) });
