import { z } from 'zod';
import { MAX_WAGE_HOURS, ZWageHoursSource } from '../../core/wage-hours';
import { msg } from '../validation';

const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('month'));

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

export const ZWageHoursMonthParams = z.object({ id: z.uuid(), month: month() });
