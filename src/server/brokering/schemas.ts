import { z } from 'zod';
import { pagingFields, zPage } from '../paging';
import { parseCvr, parsePNumber } from '../../core/identity/cvr';
import { normalisePhone } from '../../core/identity/phone';
import { isMunicipalityCode } from '../../core/reference/municipalities';
import { isOccupationCode } from '../../core/reference/occupations';
import { isLanguageCode } from '../../core/reference/languages';
import { EDUCATION_LEVEL_CODES } from '../../core/reference/education-levels';
import { JOB_ORDER_KINDS, JOB_ORDER_STATUSES } from '../../core/brokering/job-orders';
import { NOT_HIRED_REASONS, PROPOSAL_STEPS } from '../../core/brokering/proposals';
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
  ...pagingFields(25, 200),
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

export const ZEmployerPage = zPage(ZEmployerSummary);

export const CONTACT_KINDS = ['visit', 'call', 'meeting', 'event'] as const;

export const ZContactPerson = z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), active: z.boolean() });

export const ZCreateContactPerson = z
  .object({ name: text(200), jobTitle: optionalText(200), phone: ZPhone, email: ZEmail })
  .strict()
  .meta({ examples: [{ name: 'Mette Leder', jobTitle: 'Daglig leder', phone: '+4522345678', email: 'leder@solsikken.example' }] });
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

// ---------------------------------------------------------------------------------------------
// Job orders

const jobOrderFields = {
  title: text(300),
  occupationCode: ZOccupation,
  description: z.string().trim().max(10_000).optional(),
  requirements: z.string().trim().max(10_000).optional(),
  skills: z.array(text(100)).max(30).optional(),
  educationLevel: z.enum(EDUCATION_LEVEL_CODES, { message: msg('education_level') }).nullable().optional(),
  drivingLicence: optionalText(20),
  municipalityCode: ZMunicipality,
  workplaceAddress: optionalText(300),
  hoursPerWeek: z.number({ message: msg('required') }).int().min(1).max(60),
  kind: z.enum(JOB_ORDER_KINDS),
  wantedStart: isoDate().nullable().optional(),
  deadline: isoDate().nullable().optional(),
  positions: z.number().int().min(1).max(100).optional(),
  responseHours: z.number().int().min(1).max(24 * 30).optional(),
};

export const ZCreateJobOrder = z
  .object({
    employerId: z.uuid(msg('uuid')),
    ...jobOrderFields,
    brokerId: z.uuid(msg('uuid')).nullable().optional(),
    contactName: optionalText(200),
    contactEmail: ZEmail,
    contactPhone: ZPhone,
  })
  .strict()
  .meta({
    examples: [
      {
        employerId: '00000000-0000-4000-8000-000000000000',
        title: 'Pædagog til vuggestue',
        occupationCode: '2342',
        description: '30 timer om ugen i vuggestuegruppen',
        skills: ['vuggestue', 'sprogvurdering'],
        municipalityCode: 607,
        hoursPerWeek: 30,
        kind: 'permanent',
        wantedStart: '2027-01-01',
        responseHours: 24,
      },
    ],
  });
export type TCreateJobOrder = z.infer<typeof ZCreateJobOrder>;

export const ZUpdateJobOrder = z
  .object(jobOrderFields)
  .partial()
  .extend({ version: version(), status: z.enum(JOB_ORDER_STATUSES).optional(), brokerId: z.uuid(msg('uuid')).nullable().optional() })
  .strict()
  .meta({ examples: [{ version: 1, status: 'closed' }] });
export type TUpdateJobOrder = z.infer<typeof ZUpdateJobOrder>;

export const ZAnswerJobOrder = z
  .object({ note: optionalText(2000) })
  .strict()
  .meta({ examples: [{ note: 'Ringet op, aftalt kandidater fredag' }] });

export const ZJobOrderListQuery = z.object({
  status: z.enum(JOB_ORDER_STATUSES).optional(),
  employerId: z.uuid(msg('uuid')).optional(),
  response: z.enum(['waiting', 'overdue', 'answered_on_time', 'answered_late']).optional(),
  ...pagingFields(25, 200),
});
export type TJobOrderListQuery = z.infer<typeof ZJobOrderListQuery>;

export const ZJobOrder = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  source: z.enum(['staff', 'web_form']),
  title: z.string(),
  occupationCode: z.string(),
  occupationTitle: z.object({ da: z.string(), en: z.string() }).nullable(),
  description: z.string(),
  requirements: z.string(),
  skills: z.array(z.string()),
  educationLevel: z.string().nullable(),
  drivingLicence: z.string().nullable(),
  municipalityCode: z.number(),
  workplaceAddress: z.string().nullable(),
  hoursPerWeek: z.number().int(),
  kind: z.enum(JOB_ORDER_KINDS),
  wantedStart: z.string().nullable(),
  deadline: z.string().nullable(),
  positions: z.number().int(),
  responseHours: z.number().int(),
  responseDueAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  responseState: z.enum(['waiting', 'overdue', 'answered_on_time', 'answered_late']),
  status: z.enum(JOB_ORDER_STATUSES),
  brokerId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const ZJobOrderPage = zPage(ZJobOrder);

/** The public form: the employer identifies itself; no login. */
export const ZPublicJobOrder = z
  .object({
    organisationId: z.uuid(msg('uuid')),
    language: z.enum(['da', 'en']).default('da'),
    employer: z
      .object({
        cvr: ZCvrField,
        name: text(300),
        addressLine: optionalText(300),
        postalCode: employerFields.postalCode,
        city: optionalText(200),
      })
      .strict(),
    contactName: text(200),
    contactEmail: z.string().trim().max(320).pipe(z.email(msg('email'))),
    contactPhone: ZPhone,
    ...jobOrderFields,
  })
  .strict()
  .meta({
    examples: [
      {
        organisationId: '00000000-0000-4000-8000-000000000000',
        employer: { cvr: '13748136', name: 'Børnehuset Solsikken' },
        contactName: 'Mette Leder',
        contactEmail: 'leder@solsikken.example',
        title: 'Pædagog',
        occupationCode: '2342',
        municipalityCode: 607,
        hoursPerWeek: 32,
        kind: 'permanent',
      },
    ],
  });
export type TPublicJobOrder = z.infer<typeof ZPublicJobOrder>;

export const ZPublicJobOrderReceipt = z.object({ reference: z.string(), responseDueAt: z.string() });
export const ZPublicJobOrderForm = z.object({ organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['akasse', 'jobcenter']) }) });
export const ZOrganisationParam = z.object({ organisationId: z.uuid(msg('uuid')) });

// ---------------------------------------------------------------------------------------------
// Jobseeker CV data

export const DRIVING_LICENCES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE'] as const;

const cvFields = {
  occupationsWanted: z.array(ZOccupation).max(10),
  occupationsHeld: z.array(ZOccupation).max(20),
  skills: z.array(text(100)).max(50),
  education: z.array(text(200)).max(20),
  languages: z.array(z.string().refine(isLanguageCode, msg('language'))).max(20),
  drivingLicences: z.array(z.enum(DRIVING_LICENCES)).max(14),
  hoursWanted: z.number().int().min(1).max(60).nullable(),
  maxTravelKm: z.number().int().min(0).max(500).nullable(),
  availableFrom: isoDate().nullable(),
  summary: z.string().trim().max(5000),
};

export const ZPutCv = z
  .object({ version: z.number({ message: msg('required') }).int().min(0), ...cvFields })
  .strict()
  .meta({
    examples: [
      {
        version: 0,
        occupationsWanted: ['5321'],
        occupationsHeld: ['5322', '5321'],
        skills: ['medicinhåndtering', 'demens', 'akutmodtagelse'],
        education: ['Social- og sundhedsassistentuddannelsen'],
        languages: ['da', 'en'],
        drivingLicences: ['B'],
        hoursWanted: 32,
        maxTravelKm: 30,
        availableFrom: '2026-11-15',
        summary: 'Erfaren SSA fra hjemmeplejen',
      },
    ],
  });
export type TPutCv = z.infer<typeof ZPutCv>;

const ZOccupationRef = z.object({ code: z.string(), title: z.object({ da: z.string(), en: z.string() }) });
export const ZCv = z.object({
  jobseekerId: z.uuid(),
  version: z.number().int(),
  occupationsWanted: z.array(ZOccupationRef),
  occupationsHeld: z.array(ZOccupationRef),
  skills: z.array(z.string()),
  education: z.array(z.string()),
  languages: z.array(z.string()),
  drivingLicences: z.array(z.string()),
  hoursWanted: z.number().int().nullable(),
  maxTravelKm: z.number().int().nullable(),
  availableFrom: z.string().nullable(),
  summary: z.string(),
  updatedAt: z.string().nullable(),
});

export const ZOccupationSearchQuery = z.object({ q: z.string().trim().min(1, msg('required')).max(100) });
export const ZOccupationSearch = z.array(z.object({ code: z.string(), title: z.object({ da: z.string(), en: z.string() }), matched: z.string(), exact: z.boolean() }));

// ---------------------------------------------------------------------------------------------
// Matching

const ZLabel = z.object({ da: z.string(), en: z.string() });
const ZWeights = z.record(z.string(), z.number());
const ZMatchExplanation = {
  score: z.number(),
  summary: ZLabel,
  parts: z.array(z.object({ part: z.string(), weight: z.number(), value: z.number().nullable(), points: z.number(), reason: ZLabel })),
  distanceKm: z.number().nullable(),
  withinTravelLimit: z.boolean().nullable(),
};

export const ZCandidateQuery = z.object({
  segment: z.string().trim().max(50).optional(),
  risk: z.enum(['low', 'medium', 'high']).optional(),
  radiusKm: z.coerce.number().int().min(0).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});
export const ZCandidates = z.object({
  jobOrderId: z.uuid(),
  weights: ZWeights,
  considered: z.number().int().describe('People with an active spell in the occupation group within the radius (and filters)'),
  shortlisted: z.number().int().describe('Of those, how many were ranked in full: the best on occupation, distance, education, availability and hours'),
  radiusKm: z.number(),
  items: z.array(
    z.object({
      jobseekerId: z.uuid(),
      name: z.string(),
      municipalityCode: z.number().nullable(),
      spellId: z.uuid(),
      spellKind: z.string(),
      segment: z.string().nullable(),
      riskBand: z.string().nullable(),
      ...ZMatchExplanation,
    }),
  ),
});

export const ZJobMatchQuery = z.object({ radiusKm: z.coerce.number().int().min(0).max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(25) });
/** The portal's "Job til dig": the radius and, optionally, words every job shown must hold. */
export const ZPortalJobMatchQuery = ZJobMatchQuery.extend({
  /** At most what a saved search allows, so the search shown can always be saved. */
  radiusKm: z.coerce.number({ message: msg('radius_km') }).int(msg('radius_km')).min(0, msg('radius_km')).max(300, msg('radius_km')).optional(),
  freeText: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
});
export const ZJobMatches = z.object({
  jobseekerId: z.uuid(),
  weights: ZWeights,
  considered: z.number().int(),
  radiusKm: z.number(),
  hasCv: z.boolean(),
  search: z
    .object({ occupationCodes: z.array(z.string()), municipalityCode: z.number().int().nullable(), radiusKm: z.number().int(), freeText: z.string().nullable() })
    .describe('The search the list answers (the CV’s occupations, home municipality, radius, words), in the shape of a saved search'),
  items: z.array(
    z.object({
      source: z.enum(['job_order', 'vacancy']).describe('job_order: one of the organisation’s job orders; vacancy: an imported vacancy (see `url`)'),
      id: z.uuid(),
      jobOrderId: z.uuid().nullable(),
      vacancyId: z.uuid().nullable(),
      title: z.string(),
      occupationCode: z.string(),
      occupationTitle: ZLabel.nullable(),
      employerName: z.string(),
      municipalityCode: z.number(),
      kind: z.string().nullable().describe('The job order’s kind; null for a vacancy'),
      deadline: z.string().nullable().describe('Application deadline (ISO date)'),
      url: z.string().nullable().describe('The vacancy’s own page, where one applies; null for a job order'),
      ...ZMatchExplanation,
    }),
  ),
});

// ---------------------------------------------------------------- proposals and placements

export const ZCreateProposal = z
  .object({
    jobseekerId: z.uuid(msg('uuid')),
    /** The candidate's match score when proposed from the ranked list (0–100); none when chosen by hand. */
    matchScore: z.number().int().min(0).max(100).nullable().optional(),
    note: optionalText(2000),
  })
  .strict()
  .meta({ examples: [{ jobseekerId: '00000000-0000-4000-8000-000000000001', matchScore: 82, note: 'Erfaring fra akutmodtagelse' }] });
export type TCreateProposal = z.infer<typeof ZCreateProposal>;

export const ZMoveProposal = z
  .object({
    step: z.enum(PROPOSAL_STEPS),
    version: version(),
    /** Required when the step goes back (or from one outcome to the other). */
    correctionReason: optionalText(500),
    notHiredReason: z.enum(NOT_HIRED_REASONS).nullable().optional(),
    notHiredNote: optionalText(2000),
    /** The first working day; the spell ends as ordinary_job on it. */
    hiredStartDate: isoDate().nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ step: 'candidate_contacted', version: 1 }] });
export type TMoveProposal = z.infer<typeof ZMoveProposal>;

export const ZProposal = z.object({
  id: z.uuid(),
  jobOrderId: z.uuid(),
  jobseekerId: z.uuid(),
  jobseekerName: z.string(),
  spellId: z.uuid(),
  step: z.enum(PROPOSAL_STEPS),
  nextSteps: z.array(z.enum(PROPOSAL_STEPS)),
  matchScore: z.number().nullable(),
  note: z.string().nullable(),
  notHiredReason: z.enum(NOT_HIRED_REASONS).nullable(),
  notHiredNote: z.string().nullable(),
  hiredStartDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const ZProposalList = z.object({ items: z.array(ZProposal) });
