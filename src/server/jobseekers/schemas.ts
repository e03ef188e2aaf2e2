import { z } from 'zod';
import { pagingFields } from '../paging';
import { msg } from '../validation';
import { parseCpr } from '../../core/identity/cpr';
import { normalisePhone } from '../../core/identity/phone';
import { isEducationLevel } from '../../core/reference/education-levels';
import { isLanguageCode } from '../../core/reference/languages';
import { isMunicipalityCode } from '../../core/reference/municipalities';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

// Every field is checked in one pass, so a form shows all its errors at once.
export const ZCprInput = z
  .string()
  .trim()
  .min(1, msg('required'))
  .max(20, msg('cpr_format'))
  .superRefine((value, ctx) => {
    const parsed = parseCpr(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason === 'date' ? msg('cpr_date') : msg('cpr_format') });
  });

const ZJobseekerFields = {
  firstName: z.string().trim().min(1, msg('required')).max(200),
  lastName: z.string().trim().min(1, msg('required')).max(200),
  phone: z
    .string()
    .trim()
    .max(40, msg('phone'))
    .transform((v) => (v === '' ? null : v))
    .refine((v) => v === null || normalisePhone(v) !== null, msg('phone'))
    .nullable()
    .optional(),
  email: z
    .string()
    .trim()
    .max(320)
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email(msg('email')).nullable())
    .nullable()
    .optional(),
  addressLine: optionalText(300),
  postalCode: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.string().regex(/^\d{4}$/, msg('postal_code')).nullable())
    .nullable()
    .optional(),
  city: optionalText(100),
  municipalityCode: z.number({ message: msg('municipality') }).refine(isMunicipalityCode, msg('municipality')).nullable().optional(),
  educationLevel: z.string().refine(isEducationLevel, msg('education_level')).nullable().optional(),
  preferredLanguage: z.string().refine(isLanguageCode, msg('language')).optional(),
};

export const ZCreateJobseeker = z
  .object({ cpr: ZCprInput, ...ZJobseekerFields })
  .strict()
  .meta({ examples: [{ cpr: '150387-1236', firstName: 'Hanne', lastName: 'Jensen', phone: '+4522345678', email: 'hanne@eksempel.dk', municipalityCode: 615, educationLevel: 'vocational', preferredLanguage: 'da' }] });
export type TCreateJobseeker = z.infer<typeof ZCreateJobseeker>;

export const ZUpdateJobseeker = z
  .object(ZJobseekerFields)
  .partial()
  .extend({ version: z.number({ message: msg('required') }).int().positive(), cpr: ZCprInput.optional() })
  .strict()
  .meta({ examples: [{ version: 1, firstName: 'Hanne', phone: '+4587654321' }] });
export type TUpdateJobseeker = z.infer<typeof ZUpdateJobseeker>;

export const ZJobseekerSort = z.enum(['name', '-name', 'created', '-created', 'birthDate', '-birthDate', 'municipality', '-municipality']);

export const ZJobseekerListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  municipalityCode: z.coerce.number().int().min(100).max(999).optional(),
  ...pagingFields(25, 200),
  sort: ZJobseekerSort.default('name'),
});
export const ZJobseekerSearch = ZJobseekerListQuery.strict().meta({ examples: [{ q: 'hanne jensen', page: 1, pageSize: 25, sort: 'name' }] });
export type TJobseekerListQuery = z.infer<typeof ZJobseekerListQuery>;

export const ZJobseeker = z.object({
  id: z.uuid(),
  cprMasked: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  sex: z.enum(['female', 'male']),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipality: z.object({ code: z.number(), name: z.string(), regionName: z.string() }).nullable(),
  educationLevel: z.string().nullable(),
  preferredLanguage: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TJobseeker = z.infer<typeof ZJobseeker>;

export const ZJobseekerPage = z.object({
  items: z.array(ZJobseeker),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
