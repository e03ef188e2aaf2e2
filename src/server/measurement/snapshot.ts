import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { organisations, scorecardSnapshots } from '../../db/schema';
import { monthEnd, monthOf, previousMonth } from '../../core/indicators';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { writeAudit } from '../audit/write-audit';
import { latestRevision, listMarkers, listScorecardRows, listScorecards, loadIndicatorLibrary, loadIndicatorSpells } from './queries';
import { computeCells, scopeFilters } from './scorecard-table';
import { loadIndicatorFeeds } from './feeds';

export type SnapshotResult = { month: string; stored: { scorecardId: string; revision: number }[]; unchanged: string[] };

/**
 * Stores a finished month for every scorecard of the organisation, measured on the month's last
 * day. A month already stored is left alone, unless `recompute` asks for a new revision; the
 * earlier revisions stay, so a changed figure is visible, never silent.
 */
export async function storeMonthlySnapshots(tx: DbExecutor, ctx: TenantContext, input: { month: string; recompute?: boolean; reason?: string }): Promise<SnapshotResult> {
  const measuredOn = monthEnd(input.month);
  const cards = await listScorecards(tx, ctx);
  const result: SnapshotResult = { month: input.month, stored: [], unchanged: [] };
  if (cards.length === 0) return result;
  const library = await loadIndicatorLibrary(tx, ctx);
  const spells = await loadIndicatorSpells(tx, ctx);
  const feeds = await loadIndicatorFeeds(tx, ctx);
  const allMarkers = await listMarkers(tx, ctx);
  for (const card of cards) {
    const revision = await latestRevision(tx, ctx, card.id, input.month);
    if (revision > 0 && !input.recompute) {
      result.unchanged.push(card.id);
      continue;
    }
    // Cards that started after the month have nothing to say about it.
    if (card.firstMonth > input.month) continue;
    const rows = await listScorecardRows(tx, ctx, card.id);
    const filters = scopeFilters(card, allMarkers.filter((m) => m.initiativeId === card.initiativeId && card.initiativeId !== null).map((m) => m.id));
    const cells = computeCells(rows, library, spells, filters, measuredOn, feeds);
    const inserted = await tx
      .insert(scorecardSnapshots)
      .values({
        id: randomUUID(),
        organisationId: ctx.organisationId,
        scorecardId: card.id,
        month: input.month,
        revision: revision + 1,
        measuredOn,
        computedAt: ctx.clock.now(),
        computedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
        reason: input.reason ?? (revision > 0 ? 'recomputed' : null),
        cells,
      })
      // Two workers on the same month: the second finds the revision taken and leaves it.
      .onConflictDoNothing()
      .returning({ id: scorecardSnapshots.id });
    if (inserted.length === 0) {
      result.unchanged.push(card.id);
      continue;
    }
    result.stored.push({ scorecardId: card.id, revision: revision + 1 });
    await writeAudit(tx, ctx, { action: 'create', subjectType: 'scorecard_snapshot', subjectId: inserted[0]!.id, details: { scorecardId: card.id, month: input.month, revision: revision + 1 } });
  }
  return result;
}

/**
 * The background worker's entry point: on the 1st of a month, store the month before for one
 * organisation (or the given month). Safe to run any number of times.
 */
export async function createMonthlySnapshot(db: Database, clock: Clock, options: { organisationId: string; month?: string; recompute?: boolean; reason?: string }): Promise<SnapshotResult> {
  const today = toCopenhagenIsoDate(clock.now());
  const month = options.month ?? previousMonth(today);
  if (month >= monthOf(today)) throw new RangeError(`The month ${month} is not over yet (today is ${today}).`);
  const ctx: TenantContext = { organisationId: options.organisationId, actor: { kind: 'system', id: null }, purpose: 'månedlig opgørelse', lang: 'da', clock };
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, options.organisationId));
    if (!org) throw new RangeError(`No organisation ${options.organisationId}`);
    return storeMonthlySnapshots(tx, ctx, { month, recompute: options.recompute, reason: options.reason });
  });
}
