import { z } from 'zod';
import { MAX_WAGE_HOURS, ZWageHoursSource } from '../../core/wage-hours';
import { msg } from '../validation';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = () => z.string().regex(MONTH, msg('month'));

/** A month from the path is checked after the spell is found, so another organisation's spell is a 404 whatever the month. */
export const isMonth = (value: string) => MONTH.test(value);

export const ZSetWageHours = z
  .object({
    /** The calendar month, YYYY-MM. */
    month: month(),
    hours: z.number({ message: msg('hours') }).min(0, msg('hours')).max(MAX_WAGE_HOURS, msg('hours')),
    source: ZWageHoursSource,
  })
  .strict()
  .meta({ examples: [{ month: '2026-10', hours: 37.5, source: 'eindkomst' }] });
export type TSetWageHours = z.infer<typeof ZSetWageHours>;

export const ZWageHoursMonthParams = z.object({ id: z.uuid(), month: z.string().max(64) });
