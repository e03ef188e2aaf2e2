import { z } from 'zod';
import { zPage } from '../paging';
import { BOARD_CLOSE_REASONS, BOARD_POST_KINDS, BOARD_POST_STATUSES, isOccupationGroup } from '../../core/brokering/recruitment-board';
import { ZMunicipality, ZOccupation } from '../brokering/schemas';
import { ZPaging } from '../paging';
import { msg } from '../validation';

const version = () => z.number({ message: msg('required') }).int().positive();
const ZKind = z.enum(BOARD_POST_KINDS, { message: msg('board_kind') });

export const ZId = z.object({ id: z.uuid(msg('uuid')) });

const postFields = {
  kind: ZKind,
  title: z.string({ message: msg('required') }).trim().min(1, msg('required')).max(200),
  text: z.string().trim().max(5000).optional(),
  employerId: z.uuid(msg('uuid')).nullable().optional(),
  occupationCode: ZOccupation.nullable().optional(),
  municipalityCode: ZMunicipality,
  places: z.number({ message: msg('board_places') }).int(msg('board_places')).min(1, msg('board_places')).max(999, msg('board_places')),
  expiresOn: z.iso.date(msg('date')),
};

export const ZCreateBoardPost = z
  .object({ ...postFields, places: postFields.places.optional() })
  .strict()
  .meta({
    examples: [
      { kind: 'internship', title: 'Praktikplads som SSA på plejecenter', text: '13 ugers praktik, mulighed for ansættelse bagefter.', occupationCode: '5321', municipalityCode: 630, places: 2, expiresOn: '2099-12-31' },
    ],
  });
export type TCreateBoardPost = z.infer<typeof ZCreateBoardPost>;

export const ZUpdateBoardPost = z
  .object(postFields)
  .partial()
  .extend({ version: version() })
  .strict()
  .meta({ examples: [{ version: 1, places: 3, text: 'Nu tre pladser.' }] });
export type TUpdateBoardPost = z.infer<typeof ZUpdateBoardPost>;

export const ZCloseBoardPost = z
  .object({ version: version(), reason: z.enum(BOARD_CLOSE_REASONS, { message: msg('board_close_reason') }) })
  .strict()
  .meta({ examples: [{ version: 1, reason: 'filled' }] });
export type TCloseBoardPost = z.infer<typeof ZCloseBoardPost>;

export const ZReopenBoardPost = z
  .object({ version: version() })
  .strict()
  .meta({ examples: [{ version: 2 }] });

export const ZBoardSort = z.enum(['-created', 'created', 'expires', '-expires', 'title', '-title']);

export const ZBoardPostListQuery = ZPaging.extend({
  q: z.string().trim().max(200).optional(),
  kind: ZKind.optional(),
  status: z.enum([...BOARD_POST_STATUSES, 'all']).default('open'),
  municipalityCode: z.coerce.number().int().min(100).max(999).optional(),
  /** A DISCO-08 code (4 digits), or a minor group (3 digits) for every code in it. */
  occupation: z.string().trim().regex(/^\d{3,4}$/, msg('occupation')).optional(),
  sort: ZBoardSort.default('-created'),
});
export type TBoardPostListQuery = z.infer<typeof ZBoardPostListQuery>;

const ZLabel = z.object({ da: z.string(), en: z.string() });

export const ZBoardPost = z.object({
  id: z.uuid(),
  kind: z.enum(BOARD_POST_KINDS),
  title: z.string(),
  text: z.string(),
  employer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  occupationCode: z.string().nullable(),
  occupationTitle: ZLabel.nullable(),
  municipalityCode: z.number().int(),
  places: z.number().int(),
  expiresOn: z.string(),
  /** Open, but past its expiry date. */
  expired: z.boolean(),
  status: z.enum(BOARD_POST_STATUSES),
  closedReason: z.enum(BOARD_CLOSE_REASONS).nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  unitName: z.string().nullable(),
  /** Whether the caller may edit, close and reopen it (its author, or a manager). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export const ZBoardPostPage = zPage(ZBoardPost);

export const ZCreateBoardSubscription = z
  .object({
    kind: ZKind.nullable().optional(),
    occupationGroup: z.string({ message: msg('occupation_group') }).refine(isOccupationGroup, msg('occupation_group')).nullable().optional(),
    municipalityCode: ZMunicipality.nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ kind: 'internship', occupationGroup: '532', municipalityCode: 630 }] });
export type TCreateBoardSubscription = z.infer<typeof ZCreateBoardSubscription>;

export const ZBoardSubscription = z.object({
  id: z.uuid(),
  kind: z.enum(BOARD_POST_KINDS).nullable(),
  occupationGroup: z.string().nullable(),
  municipalityCode: z.number().int().nullable(),
  createdAt: z.string(),
});
export const ZBoardSubscriptionList = z.object({ items: z.array(ZBoardSubscription) });
