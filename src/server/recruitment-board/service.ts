import { randomUUID } from 'node:crypto';
import { asc, count, desc, eq, ilike, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DbExecutor } from '../../db/connect';
import { boardPosts, boardSubscriptions, employers, staff, units } from '../../db/schema';
import { isBoardPostExpired, subscribersToNotify, type BoardCloseReason, type BoardPostKind } from '../../core/brokering/recruitment-board';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { formatDanishDate } from '../../core/caseload/danish-date';
import { findOccupation } from '../../core/reference/occupations';
import { findMunicipality } from '../../core/reference/municipalities';
import type { TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { can } from '../policy';
import { inTenant } from '../tenancy';
import { queueNotification } from '../notifications/queue';
import { appLink } from '../surveys/links';
import type { TBoardPostListQuery, TCloseBoardPost, TCreateBoardPost, TCreateBoardSubscription, TUpdateBoardPost } from './schemas';

type PostRow = typeof boardPosts.$inferSelect;
type SubscriptionRow = typeof boardSubscriptions.$inferSelect;

const author = alias(staff, 'board_author');
const closer = alias(staff, 'board_closer');

/** Staff read their notices in Danish (queueNotification's rule), so the kind is named in Danish. */
const KIND_DA: Record<BoardPostKind, string> = { opening: 'Ledig stilling', labour_need: 'Rekrutteringsbehov', internship: 'Praktikplads' };

const SORTS: Record<TBoardPostListQuery['sort'], SQL[]> = {
  '-created': [desc(boardPosts.createdAt), desc(boardPosts.id)],
  created: [asc(boardPosts.createdAt), asc(boardPosts.id)],
  expires: [asc(boardPosts.expiresOn), asc(boardPosts.id)],
  '-expires': [desc(boardPosts.expiresOn), desc(boardPosts.id)],
  title: [sql`lower(${boardPosts.title})`, asc(boardPosts.id)],
  '-title': [sql`lower(${boardPosts.title}) desc`, desc(boardPosts.id)],
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function mayEdit(ctx: TenantContext, post: Pick<PostRow, 'authorId'>): boolean {
  return ctx.actor.kind === 'staff' && (ctx.actor.role === 'manager' || ctx.actor.id === post.authorId);
}

type Joined = { p: PostRow; employerName: string | null; authorName: string; closerName: string | null; unitName: string | null };

function present(ctx: TenantContext, r: Joined, today: string) {
  const p = r.p;
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    text: p.text,
    employer: p.employerId ? { id: p.employerId, name: r.employerName ?? '' } : null,
    occupationCode: p.occupationCode,
    occupationTitle: p.occupationCode ? (findOccupation(p.occupationCode)?.title ?? null) : null,
    municipalityCode: p.municipalityCode,
    places: p.places,
    expiresOn: p.expiresOn,
    expired: isBoardPostExpired(p, today),
    status: p.status,
    closedReason: p.closedReason,
    closedAt: p.closedAt?.toISOString() ?? null,
    closedByName: r.closerName,
    author: { id: p.authorId, name: r.authorName },
    unitName: r.unitName,
    canEdit: mayEdit(ctx, p),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
export type BoardPostView = ReturnType<typeof present>;

function presentSubscription(s: SubscriptionRow) {
  return { id: s.id, kind: s.kind, occupationGroup: s.occupationGroup, municipalityCode: s.municipalityCode, createdAt: s.createdAt.toISOString() };
}

function joinedPosts(tx: DbExecutor) {
  return tx
    .select({ p: boardPosts, employerName: employers.name, authorName: author.name, closerName: closer.name, unitName: units.name })
    .from(boardPosts)
    .innerJoin(author, eq(author.id, boardPosts.authorId))
    .leftJoin(employers, eq(employers.id, boardPosts.employerId))
    .leftJoin(closer, eq(closer.id, boardPosts.closedBy))
    .leftJoin(units, eq(units.id, boardPosts.unitId));
}

async function loadView(tx: DbExecutor, ctx: TenantContext, id: string) {
  const [row] = await joinedPosts(tx).where(inTenant(boardPosts, ctx, eq(boardPosts.id, id)));
  if (!row) throw new AppError('not_found');
  return present(ctx, row, toCopenhagenIsoDate(ctx.clock.now()));
}

/** The post, locked for a change by its author or a manager. Another organisation's post is not found. */
async function lockForChange(tx: DbExecutor, ctx: TenantContext, id: string, version: number): Promise<PostRow> {
  const [row] = await tx.select().from(boardPosts).where(inTenant(boardPosts, ctx, eq(boardPosts.id, id))).for('update');
  if (!row) throw new AppError('not_found');
  if (!mayEdit(ctx, row)) throw new AppError('forbidden');
  if (row.version !== version) throw new AppError('version_conflict');
  return row;
}

async function checkEmployer(tx: DbExecutor, ctx: TenantContext, employerId: string | null | undefined) {
  if (!employerId) return;
  const [e] = await tx.select({ mergedIntoId: employers.mergedIntoId }).from(employers).where(inTenant(employers, ctx, eq(employers.id, employerId)));
  if (!e) throw fieldError('employerId', 'Vælg en virksomhed fra listen.', 'Choose an employer from the list.');
  if (e.mergedIntoId) throw fieldError('employerId', 'Virksomheden er flettet ind i en anden. Vælg den.', 'The employer was merged into another. Choose that one.');
}

function checkExpiry(expiresOn: string | undefined, today: string) {
  if (expiresOn !== undefined && expiresOn < today) throw fieldError('expiresOn', 'Udløbsdatoen ligger i fortiden.', 'The expiry date is in the past.');
}

function staffActor(ctx: TenantContext) {
  if (ctx.actor.kind !== 'staff') throw new AppError('forbidden');
  return ctx.actor;
}

/** Tells every subscriber the new post concerns (not its author), one e-mail each, in the post's transaction. */
async function notifySubscribers(tx: DbExecutor, ctx: TenantContext, post: PostRow, authorName: string, employerName: string | null): Promise<number> {
  const subs = await tx
    .select({ staffId: boardSubscriptions.staffId, kind: boardSubscriptions.kind, occupationGroup: boardSubscriptions.occupationGroup, municipalityCode: boardSubscriptions.municipalityCode, name: staff.name, email: staff.email, role: staff.role })
    .from(boardSubscriptions)
    .innerJoin(staff, eq(staff.id, boardSubscriptions.staffId))
    .where(inTenant(boardSubscriptions, ctx, eq(staff.active, true), ne(staff.id, post.authorId)))
    .orderBy(asc(boardSubscriptions.createdAt), asc(boardSubscriptions.id));
  // A subscriber whose role has since lost the board hears nothing of it.
  const readers = subs.filter((s) => can(s.role, 'board.read'));
  const byId = new Map(readers.map((s) => [s.staffId, s]));
  const recipients = subscribersToNotify(readers, post, post.authorId);
  for (const staffId of recipients) {
    const person = byId.get(staffId)!;
    await queueNotification(tx, ctx, {
      template: 'board_post_new',
      channel: 'email',
      recipient: person.email,
      staffId,
      vars: {
        staffName: person.name,
        authorName,
        kind: KIND_DA[post.kind],
        title: post.title,
        employer: employerName ?? '–',
        municipality: findMunicipality(post.municipalityCode)?.name ?? String(post.municipalityCode),
        places: post.places,
        expiresOn: formatDanishDate(post.expiresOn),
        link: appLink('/recruitment-board'),
      },
      idempotencyKey: `board_post:${post.id}:${staffId}`,
    });
  }
  return recipients.length;
}

export function createRecruitmentBoardService({ db }: { db: Database }) {
  return {
    async list(ctx: TenantContext, query: TBoardPostListQuery) {
      const conditions: (SQL | undefined)[] = [
        query.status === 'all' ? undefined : eq(boardPosts.status, query.status),
        query.kind ? eq(boardPosts.kind, query.kind) : undefined,
        query.municipalityCode !== undefined ? eq(boardPosts.municipalityCode, query.municipalityCode) : undefined,
        query.occupation ? (query.occupation.length === 4 ? eq(boardPosts.occupationCode, query.occupation) : like(boardPosts.occupationCode, `${query.occupation}%`)) : undefined,
      ];
      // Every word must be in the title, the text or the employer's name: "ssa vejle" narrows.
      for (const word of (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
        const pattern = `%${escapeLike(word)}%`;
        conditions.push(or(ilike(boardPosts.title, pattern), ilike(boardPosts.text, pattern), ilike(employers.name, pattern)));
      }
      const where = inTenant(boardPosts, ctx, ...conditions);
      const today = toCopenhagenIsoDate(ctx.clock.now());
      return db.transaction(async (tx) => {
        const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(boardPosts).leftJoin(employers, eq(employers.id, boardPosts.employerId)).where(where);
        const rows = await joinedPosts(tx)
          .where(where)
          .orderBy(...SORTS[query.sort])
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        return { items: rows.map((r) => present(ctx, r, today)), total: Number(total), page: query.page, pageSize: query.pageSize };
      });
    },

    async get(ctx: TenantContext, id: string) {
      return db.transaction(async (tx) => loadView(tx, ctx, id));
    },

    async create(ctx: TenantContext, input: TCreateBoardPost) {
      const actor = staffActor(ctx);
      const now = ctx.clock.now();
      checkExpiry(input.expiresOn, toCopenhagenIsoDate(now));
      return db.transaction(async (tx) => {
        await checkEmployer(tx, ctx, input.employerId);
        const id = randomUUID();
        const [post] = await tx
          .insert(boardPosts)
          .values({
            id,
            organisationId: ctx.organisationId,
            kind: input.kind,
            title: input.title,
            text: input.text ?? '',
            employerId: input.employerId ?? null,
            occupationCode: input.occupationCode ?? null,
            municipalityCode: input.municipalityCode,
            places: input.places ?? 1,
            expiresOn: input.expiresOn,
            authorId: actor.id,
            unitId: actor.unitId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const view = await loadView(tx, ctx, id);
        const notified = await notifySubscribers(tx, ctx, post!, actor.name, view.employer?.name ?? null);
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'board_post', subjectId: id, details: { kind: input.kind, notified } });
        return view;
      });
    },

    async update(ctx: TenantContext, id: string, input: TUpdateBoardPost) {
      checkExpiry(input.expiresOn, toCopenhagenIsoDate(ctx.clock.now()));
      return db.transaction(async (tx) => {
        const row = await lockForChange(tx, ctx, id, input.version);
        await checkEmployer(tx, ctx, input.employerId);
        const { version: _v, ...fields } = input;
        const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        await tx
          .update(boardPosts)
          .set({ ...set, version: row.version + 1, updatedAt: ctx.clock.now() })
          .where(inTenant(boardPosts, ctx, eq(boardPosts.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'board_post', subjectId: id, details: { fields: Object.keys(set) } });
        return loadView(tx, ctx, id);
      });
    },

    async close(ctx: TenantContext, id: string, input: TCloseBoardPost) {
      const actor = staffActor(ctx);
      return db.transaction(async (tx) => {
        const row = await lockForChange(tx, ctx, id, input.version);
        if (row.status === 'closed') throw new AppError('unprocessable');
        const now = ctx.clock.now();
        await tx
          .update(boardPosts)
          .set({ status: 'closed', closedReason: input.reason, closedAt: now, closedBy: actor.id, version: row.version + 1, updatedAt: now })
          .where(inTenant(boardPosts, ctx, eq(boardPosts.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'board_post', subjectId: id, details: { change: 'close', reason: input.reason } });
        return loadView(tx, ctx, id);
      });
    },

    /** Undoes a close (typically one made by mistake); the reason it was closed for goes into the audit row. */
    async reopen(ctx: TenantContext, id: string, input: { version: number }) {
      return db.transaction(async (tx) => {
        const row = await lockForChange(tx, ctx, id, input.version);
        if (row.status === 'open') throw new AppError('unprocessable');
        await tx
          .update(boardPosts)
          .set({ status: 'open', closedReason: null, closedAt: null, closedBy: null, version: row.version + 1, updatedAt: ctx.clock.now() })
          .where(inTenant(boardPosts, ctx, eq(boardPosts.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'board_post', subjectId: id, details: { change: 'reopen', closedReason: row.closedReason as BoardCloseReason | null } });
        return loadView(tx, ctx, id);
      });
    },

    async mySubscriptions(ctx: TenantContext) {
      const actor = staffActor(ctx);
      const rows = await db
        .select()
        .from(boardSubscriptions)
        .where(inTenant(boardSubscriptions, ctx, eq(boardSubscriptions.staffId, actor.id)))
        .orderBy(asc(boardSubscriptions.createdAt), asc(boardSubscriptions.id));
      return { items: rows.map(presentSubscription) };
    },

    /** Subscribing to the same filters twice keeps the one subscription (and says which). */
    async subscribe(ctx: TenantContext, input: TCreateBoardSubscription) {
      const actor = staffActor(ctx);
      const values = { kind: input.kind ?? null, occupationGroup: input.occupationGroup ?? null, municipalityCode: input.municipalityCode ?? null };
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(boardSubscriptions)
          .values({ id: randomUUID(), organisationId: ctx.organisationId, staffId: actor.id, ...values, createdAt: ctx.clock.now() })
          .onConflictDoNothing()
          .returning();
        if (inserted[0]) {
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'board_subscription', subjectId: inserted[0].id, details: values });
          return presentSubscription(inserted[0]);
        }
        const [existing] = await tx
          .select()
          .from(boardSubscriptions)
          .where(
            inTenant(
              boardSubscriptions,
              ctx,
              eq(boardSubscriptions.staffId, actor.id),
              sql`${boardSubscriptions.kind} is not distinct from ${values.kind}`,
              sql`${boardSubscriptions.occupationGroup} is not distinct from ${values.occupationGroup}`,
              sql`${boardSubscriptions.municipalityCode} is not distinct from ${values.municipalityCode}::smallint`,
            ),
          );
        if (!existing) throw new AppError('version_conflict');
        return presentSubscription(existing);
      });
    },

    async unsubscribe(ctx: TenantContext, id: string) {
      const actor = staffActor(ctx);
      return db.transaction(async (tx) => {
        const removed = await tx
          .delete(boardSubscriptions)
          .where(inTenant(boardSubscriptions, ctx, eq(boardSubscriptions.id, id), eq(boardSubscriptions.staffId, actor.id)))
          .returning({ id: boardSubscriptions.id });
        if (removed.length === 0) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'delete', subjectType: 'board_subscription', subjectId: id });
      });
    },
  };
}
export type RecruitmentBoardService = ReturnType<typeof createRecruitmentBoardService>;
