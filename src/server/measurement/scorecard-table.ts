import {
  computeIndicator,
  defaultNearTolerance,
  filterSpells,
  judgeAgainstTarget,
  listMonths,
  monthEnd,
  monthOf,
  targetInForce,
  type IndicatorSpell,
  type IndicatorValue,
  type TIndicatorFilters,
  type TrafficLight,
} from '../../core/indicators';
import { addMonthsClamped, minIsoDate } from '../../core/calendar/iso-date';
import { scopeFeeds, type IndicatorFeeds } from './feeds';
import type { ScorecardFilters, SnapshotCell } from '../../db/schema';
import type { LibraryIndicator, ScorecardIndicatorRow, ScorecardRow, SnapshotRow } from './queries';

/** How many months a scorecard shows at most (the newest ones). */
export const MAX_MONTHS = 24;

export type CellSource = 'snapshot' | 'live' | 'provisional';

export type ScorecardCell = {
  month: string;
  status: IndicatorValue['status'];
  value: number | null;
  n: number;
  lower: number | null;
  upper: number | null;
  target: number | null;
  light: TrafficLight;
};

export type ScorecardTable = {
  id: string;
  name: string;
  scope: ScorecardRow['scope'];
  unitId: string | null;
  initiativeId: string | null;
  filters: ScorecardFilters;
  firstMonth: string;
  version: number;
  measuredOn: string;
  months: { month: string; measuredOn: string; source: CellSource; revision: number | null; revisions: number; computedAt: string | null; reason: string | null }[];
  milestones: string[];
  rows: {
    indicatorCode: string;
    name: { da: string; en: string };
    description: { da: string; en: string };
    unit: string;
    direction: string;
    indicatorStatus: 'available' | 'awaiting_data' | 'unknown';
    awaitingFeature: string | null;
    baseline: { value: number | null; date: string | null; note: string | null; computed: boolean; status: IndicatorValue['status'] | 'none'; n: number };
    targets: { date: string; value: number; light: TrafficLight; due: boolean }[];
    cells: ScorecardCell[];
  }[];
};

/** The spells a scorecard looks at: its scope (unit, initiative's markers) and its filters. */
export function scopeFilters(card: Pick<ScorecardRow, 'scope' | 'unitId' | 'filters'>, initiativeMarkerIds: string[]): TIndicatorFilters | null {
  const filters = { ...(card.filters as TIndicatorFilters) };
  if (card.scope === 'unit' && card.unitId) filters.unitIds = [card.unitId];
  if (card.scope === 'initiative') {
    // An initiative without markers has no spells yet.
    if (initiativeMarkerIds.length === 0) return null;
    filters.markerIds = initiativeMarkerIds;
  }
  return filters;
}

/** The figures of every row for one measurement day. */
export function computeCells(
  rows: readonly ScorecardIndicatorRow[],
  library: ReadonlyMap<string, LibraryIndicator>,
  spells: readonly IndicatorSpell[],
  filters: TIndicatorFilters | null,
  asOf: string,
  feeds: IndicatorFeeds,
): SnapshotCell[] {
  const chosen = filters === null ? [] : filterSpells(spells, filters, asOf);
  const scoped = scopeFeeds(feeds, filters, chosen);
  return rows.map((row) => {
    const indicator = library.get(row.indicatorCode);
    if (!indicator) return { indicatorCode: row.indicatorCode, status: 'no_data', unit: 'count', value: null, numerator: null, denominator: null, n: 0, lower: null, upper: null, indicatorVersion: null };
    const v = computeIndicator(indicator.definition, chosen, { asOf, history: spells, baselineDate: row.baselineDate, ...scoped });
    return { indicatorCode: v.code, status: v.status, unit: v.unit, value: v.value, numerator: v.numerator, denominator: v.denominator, n: v.n, lower: v.lower, upper: v.upper, indicatorVersion: indicator.version };
  });
}

/**
 * The scorecard as a table: stored snapshots where a month has one (newest revision), live
 * figures for finished months not yet stored, and today's provisional figures for this month.
 */
export function buildScorecardTable(input: {
  card: ScorecardRow;
  rows: readonly ScorecardIndicatorRow[];
  library: ReadonlyMap<string, LibraryIndicator>;
  spells: readonly IndicatorSpell[];
  /** Survey answers, inquiries and employer contacts of the whole organisation (loadIndicatorFeeds). */
  feeds: IndicatorFeeds;
  initiativeMarkerIds: string[];
  snapshots: readonly SnapshotRow[];
  today: string;
}): ScorecardTable {
  const { card, rows, library, spells, feeds, snapshots, today } = input;
  const filters = scopeFilters(card, input.initiativeMarkerIds);
  const currentMonth = monthOf(today);
  const earliest = addMonthsClamped(`${currentMonth}-01`, -(MAX_MONTHS - 1)).slice(0, 7);
  const first = card.firstMonth > earliest ? card.firstMonth : earliest;
  const months = first <= currentMonth ? listMonths(first, currentMonth) : [];

  const newest = new Map<string, SnapshotRow>();
  const counts = new Map<string, number>();
  for (const s of snapshots) {
    counts.set(s.month, (counts.get(s.month) ?? 0) + 1);
    const have = newest.get(s.month);
    if (!have || s.revision > have.revision) newest.set(s.month, s);
  }

  const columns = months.map((month) => {
    const stored = newest.get(month);
    if (stored) return { month, measuredOn: stored.measuredOn, source: 'snapshot' as const, revision: stored.revision, revisions: counts.get(month) ?? 1, computedAt: stored.computedAt.toISOString(), reason: stored.reason, cells: stored.cells };
    const measuredOn = minIsoDate(monthEnd(month), today);
    const source: CellSource = month === currentMonth ? 'provisional' : 'live';
    return { month, measuredOn, source, revision: null, revisions: 0, computedAt: null, reason: null, cells: computeCells(rows, library, spells, filters, measuredOn, feeds) };
  });

  const milestones = [...new Set(rows.flatMap((r) => r.targets.map((t) => t.date)))].sort();

  return {
    id: card.id,
    name: card.name,
    scope: card.scope,
    unitId: card.unitId,
    initiativeId: card.initiativeId,
    filters: card.filters,
    firstMonth: card.firstMonth,
    version: card.version,
    measuredOn: today,
    months: columns.map(({ cells: _cells, ...c }) => c),
    milestones,
    rows: rows.map((row, i) => {
      const indicator = library.get(row.indicatorCode);
      const def = indicator?.definition;
      const unit = def?.unit ?? 'count';
      const direction = def?.direction ?? 'higher_is_better';
      const tolerance = (target: number) => row.nearTolerance ?? def?.nearTolerance ?? defaultNearTolerance(unit, target);
      let baseline: ScorecardTable['rows'][number]['baseline'];
      if (row.baselineValue !== null) baseline = { value: row.baselineValue, date: row.baselineDate, note: row.baselineNote, computed: false, status: 'ok', n: 0 };
      else if (row.baselineDate && row.baselineDate <= today) {
        const [cell] = computeCells([row], library, spells, filters, row.baselineDate, feeds);
        baseline = { value: cell!.value, date: row.baselineDate, note: row.baselineNote, computed: true, status: cell!.status as IndicatorValue['status'], n: cell!.n };
      } else baseline = { value: null, date: row.baselineDate, note: row.baselineNote, computed: false, status: 'none', n: 0 };

      const cells: ScorecardCell[] = columns.map((col) => {
        const cell = col.cells[i] && col.cells[i]!.indicatorCode === row.indicatorCode ? col.cells[i]! : col.cells.find((c) => c.indicatorCode === row.indicatorCode);
        const target = targetInForce(row.targets, col.month)?.value ?? null;
        const value = cell?.status === 'ok' ? cell.value : null;
        return {
          month: col.month,
          status: (cell?.status ?? 'no_data') as IndicatorValue['status'],
          value,
          n: cell?.n ?? 0,
          lower: cell?.lower ?? null,
          upper: cell?.upper ?? null,
          target,
          light: target === null ? 'none' : judgeAgainstTarget(value, target, direction, tolerance(target)),
        };
      });
      const targets = [...row.targets]
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map((t) => {
          const due = t.date <= today;
          const month = cells.find((c) => c.month === monthOf(t.date));
          return { date: t.date, value: t.value, due, light: due && month ? judgeAgainstTarget(month.value, t.value, direction, tolerance(t.value)) : ('none' as TrafficLight) };
        });
      return {
        indicatorCode: row.indicatorCode,
        name: def?.name ?? { da: row.indicatorCode, en: row.indicatorCode },
        description: def?.description ?? { da: '', en: '' },
        unit,
        direction,
        indicatorStatus: def ? def.status : 'unknown',
        awaitingFeature: def?.awaitingFeature ?? null,
        baseline,
        targets,
        cells,
      };
    }),
  };
}
