import { z } from 'zod';
import { pagingFields, zPage } from '../paging';
import { msg } from '../validation';

const ZText = (max: number) => z.string(msg('required')).max(max);

export const ZAttachmentInput = z
  .object({
    fileName: z.string(msg('required')).min(1, msg('required')).max(200),
    contentType: z.string(msg('required')).min(1, msg('required')).max(120),
    /** The file, base64-encoded (5 MB in all per message). */
    contentBase64: z.string(msg('required')).max(7_000_000),
  })
  .strict();

export const ZNewThread = z
  .object({
    /** Staff only: whom to write to. A jobseeker always writes about themselves. */
    jobseekerId: z.uuid(msg('uuid')).optional(),
    subject: ZText(200),
    category: z.enum(['job', 'other']),
    body: ZText(10_000),
    attachments: z.array(ZAttachmentInput).max(10).optional(),
  })
  .strict()
  .meta({ examples: [{ subject: 'Spørgsmål om jobopslag', category: 'job', body: 'Må jeg søge et job i Vejle?' }] });
export type TNewThread = z.infer<typeof ZNewThread>;

export const ZReply = z
  .object({ body: ZText(10_000), attachments: z.array(ZAttachmentInput).max(10).optional() })
  .strict()
  .meta({ examples: [{ body: 'Ja, det må du gerne.' }] });

export const ZInboxQuery = z.object({
  box: z.enum(['mine', 'unit', 'all']).default('mine'),
  status: z.enum(['open', 'answered', 'handled']).optional(),
  awaiting: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  ...pagingFields(25, 100),
});

export const ZThreadSummary = z.object({
  id: z.uuid(),
  subject: z.string(),
  category: z.enum(['job', 'other']),
  status: z.enum(['open', 'answered', 'handled']),
  jobseeker: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  caseworker: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  unitId: z.uuid().nullable(),
  awaitingSince: z.string().nullable(),
  answerDueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  lastMessageAt: z.string(),
  unread: z.number().int(),
  messageCount: z.number().int(),
});

export const ZThreadPage = zPage(ZThreadSummary);

export const ZThread = z.object({
  id: z.uuid(),
  subject: z.string(),
  category: z.enum(['job', 'other']),
  status: z.enum(['open', 'answered', 'handled']),
  jobseekerId: z.uuid(),
  caseworker: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  unitId: z.uuid().nullable(),
  awaitingSince: z.string().nullable(),
  answerDueAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  messages: z.array(
    z.object({
      id: z.uuid(),
      authorKind: z.enum(['jobseeker', 'staff']),
      authorName: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
      answerDueAt: z.string().nullable(),
      answeredAt: z.string().nullable(),
      attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
    }),
  ),
});

export const ZAway = z.object({ away: z.boolean() }).strict().meta({ examples: [{ away: true }] });

export const ZPromiseKpiQuery = z.object({
  from: z.iso.date(msg('date')),
  to: z.iso.date(msg('date')),
});
export const ZPromiseKpi = z.object({
  from: z.string(),
  to: z.string(),
  inquiries: z.number().int(),
  answeredWithinPromise: z.number().int(),
  /** Share of inquiries (with a passed deadline or an answer) answered within the promise; null when there are none. */
  share: z.number().nullable(),
  medianAnswerWorkingMinutes: z.number().nullable(),
});
