import type { IsoDate } from '../calendar/iso-date';
import { estimateKaplanMeier, evaluateSurvivalAt } from '../survival';
import { MIN_CELL_SIZE, survivalRows } from './compute-indicator';
import type { TPopulation } from './indicator-schema';
import type { IndicatorSpell } from './spell-data';

export type CurvePoint = { day: number; share: number; lower: number | null; upper: number | null; atRisk: number };
export type ShareInJobCurve = { group: string; n: number; events: number; suppressed: boolean; points: CurvePoint[] };

/**
 * Share in ordinary job by day since the spell's start (1 − Kaplan–Meier), with its 95 % band,
 * per group, read off every `stepDays` up to `maxDay`. Ongoing spells are censored on the
 * measurement day; other exits are censored where they ended. A group of fewer than 5 spells
 * gets no points.
 */
export function computeShareInJobCurves(
  spells: readonly IndicatorSpell[],
  options: { asOf: IsoDate; population: TPopulation; groupOf?: (spell: IndicatorSpell) => string; maxDay?: number; stepDays?: number },
): ShareInJobCurve[] {
  const rows = survivalRows({ population: options.population, eventReasons: ['ordinary_job'], competingReasons: [] }, spells, options.asOf);
  const groupOf = options.groupOf ?? (() => 'all');
  const byGroup = new Map<string, typeof rows>();
  for (const r of rows) {
    const g = groupOf(r.spell);
    byGroup.set(g, [...(byGroup.get(g) ?? []), r]);
  }
  const maxDay = options.maxDay ?? 182;
  const step = options.stepDays ?? 7;
  const days: number[] = [];
  for (let d = 0; d <= maxDay; d += step) days.push(d);
  if (days.at(-1) !== maxDay) days.push(maxDay);
  const pct = (x: number) => Math.round(1000 * x) / 10;
  return [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => {
      const events = list.filter((r) => r.cause === 'event').length;
      if (list.length < MIN_CELL_SIZE) return { group, n: list.length, events: 0, suppressed: true, points: [] };
      const fit = estimateKaplanMeier({ time: list.map((r) => r.time), event: list.map((r) => (r.cause === 'event' ? 1 : 0)) });
      const points = evaluateSurvivalAt(fit.curves[0]!, days).map((p) => ({
        day: p.t,
        share: pct(1 - p.survival),
        lower: p.upper === null ? null : pct(1 - p.upper),
        upper: p.lower === null ? null : pct(1 - p.lower),
        atRisk: p.nRisk,
      }));
      return { group, n: list.length, events, suppressed: false, points };
    });
}
