import { z } from 'zod';
import { parseCvr, parsePNumber } from '../../core/identity/cvr';
import { normalisePhone } from '../../core/identity/phone';
import { isMunicipalityCode } from '../../core/reference/municipalities';
import { isOccupationCode } from '../../core/reference/occupations';
import { msg } from '../validation';

const text = (max: number) => z.string().trim().min(1, msg('required')).max(max);
/** Optional free text: '' and null both mean "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const version = () => z.number({ message: msg('required') }).int().positive();
const isoDate = () => z.iso.date(msg('date'));

export const ZId = z.object({ id: z.uuid(msg('uuid')) });

export const ZCvrField = z.string().transform((value, ctx) => {
  const parsed = parseCvr(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: msg(parsed.reason === 'checksum' ? 'cvr_checksum' : 'cvr_format'), input: value });
    return z.NEVER;
  }
  return parsed.cvr;
});

const ZPNumberField = z.string().transform((value, ctx) => {
  const parsed = parsePNumber(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: msg('pnumber_format'), input: value });
    return z.NEVER;
  }
  return parsed.pNumber;
});

export const ZMunicipality = z.number({ message: msg('municipality') }).refine(isMunicipalityCode, msg('municipality'));
export const ZOccupation = z.string({ message: msg('occupation') }).refine(isOccupationCode, msg('occupation'));

export const ZPhone = z
  .string()
  .trim()
  .max(40, msg('phone'))
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v === null || normalisePhone(v) !== null, msg('phone'))
  .nullable()
  .optional();
export const ZEmail = z
  .string()
  .trim()
  .max(320)
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email(msg('email')).nullable())
  .nullable()
  .optional();

// ---------------------------------------------------------------------------------------------
// Employers

const employerFields = {
  cvr: ZCvrField.nullable().optional(),
  pNumbers: z.array(ZPNumberField).max(50).optional(),
  name: text(300),
  addressLine: optionalText(300),
  postalCode: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .refine((v) => v === null || /^\d{4}$/.test(v), msg('postal_code'))
    .nullable()
    .optional(),
  city: optionalText(200),
  municipalityCode: ZMunicipality.nullable().optional(),
  trade: optionalText(200),
  cooperationAgreement: z.boolean().optional(),
  cooperationNotes: optionalText(5000),
};

export const ZCreateEmployer = z
  .object(employerFields)
  .strict()
  .meta({
    examples: [
      { cvr: '13748136', pNumbers: ['1003388394'], name: 'Børnehuset Solsikken', addressLine: 'Skolevej 4', postalCode: '7000', city: 'Fredericia', municipalityCode: 607, trade: 'Dagtilbud', cooperationAgreement: true },
    ],
  });
export type TCreateEmployer = z.infer<typeof ZCreateEmployer>;

export const ZUpdateEmployer = z
  .object({ version: version(), ...employerFields, name: text(300).optional() })
  .strict()
  .meta({ examples: [{ version: 1, trade: 'Dagtilbud (0–6 år)', cooperationAgreement: true, cooperationNotes: 'Aftale om 2 praktikpladser om året' }] });
export type TUpdateEmployer = z.infer<typeof ZUpdateEmployer>;

export const ZEmployerListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  municipalityCode: z.coerce.number().int().optional(),
  cooperation: z.enum(['yes', 'no']).optional(),
  includeMerged: z.enum(['yes', 'no']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type TEmployerListQuery = z.infer<typeof ZEmployerListQuery>;

export const ZEmployerSummary = z.object({
  id: z.uuid(),
  cvr: z.string().nullable(),
  pNumbers: z.array(z.string()),
  name: z.string(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.number().nullable(),
  trade: z.string().nullable(),
  cooperationAgreement: z.boolean(),
  cooperationNotes: z.string().nullable(),
  source: z.enum(['staff', 'web_form']),
  mergedIntoId: z.uuid().nullable(),
  version: z.number().int(),
  lastContactAt: z.string().nullable(),
  openJobOrders: z.number().int(),
});

export const ZEmployerPage = z.object({ items: z.array(ZEmployerSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const CONTACT_KINDS = ['visit', 'call', 'meeting', 'event'] as const;

export const ZContactPerson = z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), active: z.boolean() });

export const ZCreateContactPerson = z
  .object({ name: text(200), jobTitle: optionalText(200), phone: ZPhone, email: ZEmail })
  .strict()
  .meta({ examples: [{ name: 'Mette Leder', jobTitle: 'Daglig leder', phone: '+4512345678', email: 'leder@solsikken.example' }] });
export type TCreateContactPerson = z.infer<typeof ZCreateContactPerson>;

export const ZEmployerContact = z.object({
  id: z.uuid(),
  kind: z.enum(CONTACT_KINDS),
  occurredAt: z.string(),
  staffId: z.uuid(),
  staffName: z.string(),
  contactPersonId: z.uuid().nullable(),
  contactPersonName: z.string().nullable(),
  outcome: z.string(),
  nextStep: z.string().nullable(),
  nextStepDue: z.string().nullable(),
  /** The record it was first logged on, when it came through a merge. */
  mergedFromEmployerId: z.uuid().nullable(),
});

export const ZCreateEmployerContact = z
  .object({
    kind: z.enum(CONTACT_KINDS),
    occurredAt: z.iso.datetime({ offset: true, message: msg('datetime') }),
    contactPersonId: z.uuid(msg('uuid')).nullable().optional(),
    outcome: text(5000),
    nextStep: optionalText(2000),
    nextStepDue: isoDate().nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ kind: 'visit', occurredAt: '2026-11-02T10:00:00+01:00', outcome: 'Mangler to pædagoger fra januar', nextStep: 'Send jobordre-formular', nextStepDue: '2026-11-05' }] });
export type TCreateEmployerContact = z.infer<typeof ZCreateEmployerContact>;

export const ZEmployerDetail = ZEmployerSummary.extend({
  contactPersons: z.array(ZContactPerson),
  contacts: z.array(ZEmployerContact),
  mergedFrom: z.array(z.object({ id: z.uuid(), name: z.string(), cvr: z.string().nullable(), mergedAt: z.string().nullable() })),
});

export const ZMergeEmployers = z
  .object({ fromEmployerId: z.uuid(msg('uuid')), version: version() })
  .strict()
  .meta({ examples: [{ fromEmployerId: '00000000-0000-4000-8000-000000000000', version: 1 }] });

export const ZContactCountsQuery = z.object({ from: isoDate(), to: isoDate() });
export const ZContactCounts = z.object({
  from: z.string(),
  to: z.string(),
  total: z.object({ contacts: z.number().int(), employers: z.number().int() }),
  byStaff: z.array(z.object({ staffId: z.uuid(), name: z.string(), unitId: z.uuid().nullable(), contacts: z.number().int(), employers: z.number().int() })),
  byUnit: z.array(z.object({ unitId: z.uuid().nullable(), name: z.string().nullable(), contacts: z.number().int(), employers: z.number().int() })),
});
