import { z } from 'zod';
import { isMunicipalityCode } from '../../core/reference/municipalities';
import { isOccupationCode } from '../../core/reference/occupations';
import { msg } from '../validation';

const ZLabel = z.object({ da: z.string(), en: z.string() });

export const ZVacancyImportBody = z
  .object({
    /** The feed's name: the same source + external id is the same vacancy. */
    source: z.string().trim().min(1, msg('required')).max(60).regex(/^[a-z0-9][a-z0-9._-]*$/i, msg('vacancy_source')),
    format: z.enum(['json', 'csv']),
    /** The file's text. */
    content: z.string().min(1, msg('required')).max(5 * 1024 * 1024),
  })
  .meta({
    examples: [
      {
        source: 'jobnet',
        format: 'csv',
        content: 'external_id,title,employer_name,cvr,occupation_code,occupation_text,municipality_code,description,deadline,url\r\nJN-1001,Pædagog,Børnehuset Solsikken,,2342,,101,30 timer om ugen,2026-12-15,https://job.example/1001\r\n',
      },
    ],
  });
export type TVacancyImportBody = z.infer<typeof ZVacancyImportBody>;

export const ZVacancyImportReport = z.object({
  importId: z.uuid(),
  source: z.string(),
  format: z.enum(['json', 'csv']),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(z.object({ line: z.number().int(), externalId: z.string().nullable(), reason: ZLabel })),
});

export const ZVacancyImportList = z.object({
  items: z.array(
    z.object({
      importId: z.uuid(),
      source: z.string(),
      format: z.enum(['json', 'csv']),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
      at: z.string(),
    }),
  ),
});

export const ZVacancyListQuery = z.object({
  source: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZVacancyList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      source: z.string(),
      externalId: z.string(),
      title: z.string(),
      employerName: z.string(),
      cvr: z.string().nullable(),
      occupationCode: z.string(),
      municipalityCode: z.number().int(),
      deadline: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
});

export const ZSavedSearchBody = z
  .object({
    occupationCodes: z.array(z.string().refine(isOccupationCode, msg('occupation'))).max(20).default([]),
    municipalityCode: z.number().int().refine(isMunicipalityCode, msg('municipality')).nullable().default(null),
    radiusKm: z.number({ message: msg('radius_km') }).int(msg('radius_km')).min(0, msg('radius_km')).max(300, msg('radius_km')).default(0),
    freeText: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .default(null)
      .transform((v) => (v === '' ? null : v)),
  })
  .meta({ examples: [{ occupationCodes: ['2342'], municipalityCode: 630, radiusKm: 25, freeText: 'vuggestue' }] });

export const ZSavedSearchUpdate = ZSavedSearchBody.extend({
  /** Pause (true) or resume (false) the daily e-mail; left out, it stays as it is. */
  digestPaused: z.boolean().optional(),
}).meta({ examples: [{ occupationCodes: ['2342'], municipalityCode: 630, radiusKm: 25, freeText: 'vuggestue', digestPaused: true }] });

export const ZSavedSearch = z.object({
  id: z.uuid(),
  occupationCodes: z.array(z.string()),
  municipalityCode: z.number().int().nullable(),
  radiusKm: z.number().int(),
  freeText: z.string().nullable(),
  digestPaused: z.boolean(),
  createdAt: z.string(),
  lastDigest: z
    .object({
      at: z.string(),
      count: z.number().int().describe('How many vacancies the e-mail said it found'),
      vacancies: z.array(z.object({ id: z.uuid(), title: z.string(), employerName: z.string(), municipalityCode: z.number().int(), deadline: z.string().nullable(), url: z.string().nullable() })).describe('Those it listed (at most 20) that are still there'),
    })
    .nullable()
    .describe('The last daily e-mail for this search; null before the first'),
});
export const ZSavedSearchList = z.object({ items: z.array(ZSavedSearch) });
