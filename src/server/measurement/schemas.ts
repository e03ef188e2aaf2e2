import { z } from 'zod';
import { ZAgeBand } from '../../core/indicators/indicator-schema';
import { msg } from '../validation';

const isoDate = () => z.iso.date(msg('date'));
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('month'));

export const ZFilters = z
  .object({
    unitIds: z.array(z.uuid(msg('uuid'))).max(50).optional(),
    caseworkerIds: z.array(z.uuid(msg('uuid'))).max(200).optional(),
    segments: z.array(z.string().min(1).max(60)).max(20).optional(),
    targetGroups: z.array(z.string().min(1).max(60)).max(20).optional(),
    ageBands: z.array(ZAgeBand).max(6).optional(),
    municipalityCodes: z.array(z.number().int().min(100).max(999)).max(98).optional(),
    markerIds: z.array(z.uuid(msg('uuid'))).max(50).optional(),
  })
  .strict();
export type TFilters = z.infer<typeof ZFilters>;

/** Filters as query parameters: one value each (the web page's selectors). */
export const ZFilterQuery = z
  .object({
    asOf: isoDate().optional(),
    unitId: z.uuid(msg('uuid')).optional(),
    caseworkerId: z.uuid(msg('uuid')).optional(),
    segment: z.string().min(1).max(60).optional(),
    targetGroup: z.string().min(1).max(60).optional(),
    ageBand: ZAgeBand.optional(),
    municipalityCode: z.coerce.number().int().min(100).max(999).optional(),
    markerId: z.uuid(msg('uuid')).optional(),
    initiativeId: z.uuid(msg('uuid')).optional(),
  })
  .strict();
export type TFilterQuery = z.infer<typeof ZFilterQuery>;

export const ZSurvivalQuery = ZFilterQuery.extend({
  groupBy: z.enum(['none', 'segment', 'unit', 'targetGroup', 'ageBand']).default('none'),
  cohortMonths: z.coerce.number().int().min(1).max(60).default(24),
  maxDay: z.coerce.number().int().min(7).max(730).default(182),
}).strict();

export const ZCreateInitiative = z
  .object({
    name: z.string().trim().min(1, msg('required')).max(120),
    description: z.string().trim().max(2000).nullable().optional(),
    startDate: isoDate().nullable().optional(),
    /** Markers to create with it (each gets the initiative). */
    markers: z.array(z.string().trim().min(1, msg('required')).max(120)).max(20).optional(),
  })
  .strict()
  .meta({ examples: [{ name: 'Klar, parat – i job', description: 'Jobsøgningstilbud til a-dagpengemodtagere.', startDate: '2026-01-10', markers: ['Henvist til Klar, parat – i job'] }] });

export const ZCreateMarker = z
  .object({
    name: z.string().trim().min(1, msg('required')).max(120),
    description: z.string().trim().max(2000).nullable().optional(),
    initiativeId: z.uuid(msg('uuid')).nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ name: 'Mentorordning', description: 'Forløb med mentor.' }] });

export const ZMarkSpell = z
  .object({ markerId: z.uuid(msg('uuid')), markedOn: isoDate().optional() })
  .strict()
  .meta({ examples: [{ markerId: '00000000-0000-4000-8000-000000000000', markedOn: '2026-11-02' }] });

const ZTarget = z.object({ date: isoDate(), value: z.number().min(-1e9).max(1e9) }).strict();

export const ZScorecardRowInput = z
  .object({
    indicatorCode: z.string().min(1, msg('required')).max(60),
    baselineValue: z.number().min(-1e9).max(1e9).nullable().optional(),
    baselineDate: isoDate().nullable().optional(),
    baselineNote: z.string().trim().max(500).nullable().optional(),
    targets: z.array(ZTarget).max(12).default([]),
    nearTolerance: z.number().min(0).max(1e6).nullable().optional(),
  })
  .strict();
export type TScorecardRowInput = z.infer<typeof ZScorecardRowInput>;

export const ZCreateScorecard = z
  .object({
    name: z.string().trim().min(1, msg('required')).max(160),
    scope: z.enum(['organisation', 'unit', 'initiative']),
    unitId: z.uuid(msg('uuid')).nullable().optional(),
    initiativeId: z.uuid(msg('uuid')).nullable().optional(),
    filters: ZFilters.default({}),
    firstMonth: ZMonth,
    rows: z.array(ZScorecardRowInput).max(60).default([]),
  })
  .strict()
  .meta({
    examples: [
      {
        name: 'Jobeffekt',
        scope: 'organisation',
        firstMonth: '2026-01',
        rows: [{ indicatorCode: 'in_job_13_weeks', baselineDate: '2026-01-10', targets: [{ date: '2026-08-31', value: 50 }] }],
      },
    ],
  });
export type TCreateScorecard = z.infer<typeof ZCreateScorecard>;

export const ZUpdateScorecard = z
  .object({
    version: z.number({ message: msg('required') }).int().positive(),
    name: z.string().trim().min(1, msg('required')).max(160).optional(),
    firstMonth: ZMonth.optional(),
    filters: ZFilters.optional(),
  })
  .strict()
  .meta({ examples: [{ version: 1, name: 'Jobeffekt 2026' }] });

export const ZReplaceRows = z
  .object({ version: z.number({ message: msg('required') }).int().positive(), rows: z.array(ZScorecardRowInput).max(60) })
  .strict()
  .meta({ examples: [{ version: 1, rows: [{ indicatorCode: 'self_booking', baselineValue: 0, baselineDate: '2026-01-10', targets: [{ date: '2026-12-31', value: 40 }] }] }] });

export const ZSnapshotRequest = z
  .object({
    month: ZMonth,
    /** Store a new revision even when the month has one (the old ones stay). */
    recompute: z.boolean().default(false),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .meta({ examples: [{ month: '2026-10', recompute: false }] });

export const ZExportQuery = z.object({ format: z.enum(['xlsx', 'csv', 'pdf']).default('xlsx') }).strict();
