import { z } from 'zod';
import { ZBusinessActivityKind } from '../../core/business-activities';
import { msg } from '../validation';

const isoDate = () => z.iso.date(msg('date'));

export const ZCreateBusinessActivity = z
  .object({
    kind: ZBusinessActivityKind,
    employerId: z.uuid(msg('uuid')).nullable().optional(),
    /** The day it was agreed with the person; default the earliest of today, the start date and the spell's end. */
    agreedOn: isoDate().optional(),
    startDate: isoDate(),
    endDate: isoDate().nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ kind: 'internship', startDate: '2026-12-07', endDate: '2027-01-15', note: 'Praktik i børnehave, 4 uger.' }] });
export type TCreateBusinessActivity = z.infer<typeof ZCreateBusinessActivity>;

export const ZEndBusinessActivity = z
  .object({ version: z.number().int().min(1), endDate: isoDate() })
  .strict()
  .meta({ examples: [{ version: 1, endDate: '2027-01-15' }] });
export type TEndBusinessActivity = z.infer<typeof ZEndBusinessActivity>;
