import { z } from 'zod';
import { pagingFields, zPage } from '../paging';
import { JOBLOG_KINDS, JOBLOG_STATUSES } from '../../core/joblog/rules';
import { msg } from '../validation';

export const ZJoblogKind = z.enum(JOBLOG_KINDS);
export const ZJoblogStatus = z.enum(JOBLOG_STATUSES);

const entryFields = {
  date: z.iso.date(msg('date')),
  employer: z.string().trim().min(1, msg('required')).max(200),
  jobTitle: z.string().trim().min(1, msg('required')).max(200),
  kind: ZJoblogKind,
  source: z.string().trim().max(200).nullable().optional(),
  status: ZJoblogStatus.default('sent'),
  note: z.string().trim().max(2000).nullable().optional(),
};

export const ZJoblogEntryBody = z
  .object(entryFields)
  .strict()
  .meta({ examples: [{ date: '2026-11-02', employer: 'Vejle Kommune', jobTitle: 'Kontorassistent', kind: 'advertised', source: 'Jobnet', status: 'sent' }] });
export type TJoblogEntryBody = z.infer<typeof ZJoblogEntryBody>;

export const ZJoblogEntryPatch = z
  .object({
    version: z.number().int().min(1),
    date: entryFields.date.optional(),
    employer: entryFields.employer.optional(),
    jobTitle: entryFields.jobTitle.optional(),
    kind: ZJoblogKind.optional(),
    source: entryFields.source,
    status: ZJoblogStatus.optional(),
    note: entryFields.note,
  })
  .strict()
  .meta({ examples: [{ version: 1, status: 'interview' }] });
export type TJoblogEntryPatch = z.infer<typeof ZJoblogEntryPatch>;

export const ZJoblogDelete = z.object({ version: z.number().int().min(1) }).strict().meta({ examples: [{ version: 1 }] });

export const ZJoblogSort = z.enum(['date', '-date', 'employer', '-employer', 'status', '-status', 'kind', '-kind']);
export const ZJoblogListQuery = z.object({
  ...pagingFields(20, 100),
  sort: ZJoblogSort.default('-date'),
});
export type TJoblogListQuery = z.infer<typeof ZJoblogListQuery>;

export const ZAttachmentMeta = z.object({ fileName: z.string(), contentType: z.string(), size: z.number().int() });

export const ZJoblogEntry = z.object({
  id: z.uuid(),
  jobseekerId: z.uuid(),
  spellId: z.uuid().nullable(),
  date: z.string(),
  employer: z.string(),
  jobTitle: z.string(),
  kind: ZJoblogKind,
  source: z.string().nullable(),
  status: ZJoblogStatus,
  note: z.string().nullable(),
  version: z.number().int(),
  createdByKind: z.enum(['staff', 'jobseeker']),
  createdAt: z.string(),
  updatedAt: z.string(),
  attachment: ZAttachmentMeta.nullable(),
});
export type TJoblogEntry = z.infer<typeof ZJoblogEntry>;

export const ZJoblogPage = zPage(ZJoblogEntry);

/** Application files: what a caseworker can open safely, and not larger than an application needs. */
export const ATTACHMENT_TYPES = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/msword': '.doc',
  'application/vnd.oasis.opendocument.text': '.odt',
  'text/plain': '.txt',
} as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const ZAttachmentBody = z
  .object({
    fileName: z.string().trim().min(1, msg('required')).max(200),
    contentType: z.enum(Object.keys(ATTACHMENT_TYPES) as [keyof typeof ATTACHMENT_TYPES, ...(keyof typeof ATTACHMENT_TYPES)[]]),
    /** The file, base64. */
    contentBase64: z.base64().min(1, msg('required')).max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4),
  })
  .strict()
  .meta({ examples: [{ fileName: 'ansoegning.txt', contentType: 'text/plain', contentBase64: 'S+ZyZSBhcmJlamRzZ2l2ZXI=' }] });
export type TAttachmentBody = z.infer<typeof ZAttachmentBody>;

const ZMonth = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.number(),
  searches: z.number(),
  entries: z.number(),
  perWeek: z.number(),
  benchmark: z.enum(['green', 'light_green', 'red']),
  meetsRequirement: z.boolean().nullable(),
  provisional: z.boolean(),
  judged: z.boolean(),
});
export const ZJoblogOverview = z.object({
  spell: z.object({ id: z.uuid(), startDate: z.string(), status: z.enum(['active', 'ended']) }).nullable(),
  rules: z.object({ templateId: z.uuid().nullable(), version: z.number().int().nullable(), greenPerWeek: z.number(), inactivityDays: z.number(), noInterviewsMinApplications: z.number(), noInterviewsWindowDays: z.number() }),
  requirementPerWeek: z.number().nullable(),
  requirementSource: z.enum(['plan', 'organisation']).nullable(),
  months: z.array(ZMonth),
  weeks: z.array(z.object({ week: z.string(), from: z.string(), to: z.string(), searches: z.number() })),
  lastEntryDate: z.string().nullable(),
  hits: z.array(z.object({ rule: z.enum(['benchmark_red', 'below_requirement', 'no_activity', 'no_interviews']), title: z.string(), dueDate: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
});
export type TJoblogOverview = z.infer<typeof ZJoblogOverview>;
