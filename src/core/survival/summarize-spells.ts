// The per-group summary behind `jobspor survival` and reports: spells, events, median time to a
// job and the share still without a job (or, for one exit cause, the share that left by it) at
// chosen days.

import { estimateIncidenceQuantile, estimateCumulativeIncidence, evaluateIncidenceAt } from './cumulative-incidence.js';
import { estimateKaplanMeier, estimateMedianSurvival, evaluateSurvivalAt } from './kaplan-meier.js';
import type { GroupKey } from './spell-table.js';

export interface SurvivalPoint {
  t: number;
  survival: number;
  lower: number | null;
  upper: number | null;
}

export interface IncidencePoint {
  t: number;
  incidence: number;
  lower: number | null;
  upper: number | null;
}

export interface GroupSummary<P> {
  group: string;
  n: number;
  events: number;
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  at: P[];
}

export interface SpellSummary {
  /** Present when the summary is for one exit cause among competing ones. */
  cause?: string;
  groups: GroupSummary<SurvivalPoint | IncidencePoint>[];
}

/**
 * Kaplan–Meier summary per group: `median` is the day by which half found a job (R's
 * quantile.survfit rule), `at` the share still without a job at each day.
 */
export function summarizeSurvival(input: { time: ArrayLike<number>; event: ArrayLike<number>; group?: ArrayLike<GroupKey> }, at: readonly number[]): SpellSummary {
  const fit = estimateKaplanMeier(input);
  return {
    groups: fit.curves.map((curve) => {
      const median = estimateMedianSurvival(curve);
      return {
        group: curve.group,
        n: curve.n,
        events: curve.events,
        median: median.time,
        medianLower: median.lower,
        medianUpper: median.upper,
        at: evaluateSurvivalAt(curve, at).map(({ t, survival, lower, upper }) => ({ t, survival, lower, upper })),
      };
    }),
  };
}

/**
 * Competing-risk summary for one cause: `events` counts exits by that cause, `median` is the day
 * by which half of the spells had ended by that cause (null when it never gets there), `at` the
 * cumulative incidence of the cause.
 */
export function summarizeIncidence(
  input: { time: ArrayLike<number>; cause: ArrayLike<string | number>; group?: ArrayLike<GroupKey> },
  cause: string,
  at: readonly number[],
): SpellSummary {
  const fit = estimateCumulativeIncidence(input);
  return {
    cause,
    groups: fit.curves.map((curve) => {
      const c = fit.causes.indexOf(cause);
      let events = 0;
      if (c >= 0) for (const d of curve.nEvent[c]!) events += d;
      const median = c >= 0 ? estimateIncidenceQuantile(curve, cause, 0.5) : { time: null, lower: null, upper: null };
      return {
        group: curve.group,
        n: curve.n,
        events,
        median: median.time,
        medianLower: median.lower,
        medianUpper: median.upper,
        at:
          c >= 0
            ? evaluateIncidenceAt(curve, cause, at).map(({ t, incidence, lower, upper }) => ({ t, incidence, lower, upper }))
            : at.map((t) => ({ t, incidence: 0, lower: null, upper: null })),
      };
    }),
  };
}
