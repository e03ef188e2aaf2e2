// Kaplan–Meier estimation as R's survfit(Surv(time, status) ~ group) does it: one row per
// distinct time (event or censoring), events before censorings at a tied time (a spell
// censored on the day of an event is still at risk for it), Greenwood standard errors and
// log-scale 95 % limits.

import { toNullable, writeLogLimits, zForLevel } from './confidence.js';
import { findQuantileTimes, QUANTILE_TOLERANCE } from './quantile-rule.js';
import { encodeEvents, encodeGroups, tabulateSpells, type ExitTable, type GroupKey, type TabulateOptions } from './spell-table.js';

export interface SurvivalInput {
  /** Spell length in days (any unit works; whole days take the fast path). */
  time: ArrayLike<number>;
  /** 1 = the spell ended in the event (a job), 0 = censored. */
  event: ArrayLike<number | boolean>;
  /** Optional stratum per row; one curve per distinct key. */
  group?: ArrayLike<GroupKey>;
}

export interface EstimateOptions {
  /** Confidence level of the limits, 0.95 unless given. */
  confLevel?: number;
  /** Internal: how spells are tabulated (tests compare both). */
  tabulation?: TabulateOptions['method'];
}

/**
 * One Kaplan–Meier curve. Arrays run over distinct times; NaN stands where R prints NA/NaN
 * (limits when the survival is 0, the standard error when it is 0 with infinite log-se).
 */
export interface KaplanMeierCurve {
  group: string;
  n: number;
  events: number;
  confLevel: number;
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
  survival: Float64Array;
  /** Greenwood standard error of log S: R's fit$std.err. */
  stdErrLog: Float64Array;
  /** Standard error of S: R's summary(fit)$std.err, S × stdErrLog. */
  stdErr: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

export interface KaplanMeierFit {
  curves: KaplanMeierCurve[];
}

export function estimateKaplanMeier(input: SurvivalInput, options: EstimateOptions = {}): KaplanMeierFit {
  const n = input.time.length;
  const status = encodeEvents(input.event, n);
  const groups = encodeGroups(input.group, n);
  const tables = tabulateSpells(input.time, status, 2, groups.index, groups.keys, { method: options.tabulation ?? 'auto' });
  const confLevel = options.confLevel ?? 0.95;
  const z = zForLevel(confLevel);
  return { curves: tables.tables.map((table, g) => buildKaplanMeierCurve(tables.groups[g]!, table, z, confLevel)) };
}

/** Builds one curve from a tabulated group (exits[0] censored, exits[1] events). */
export function buildKaplanMeierCurve(group: string, table: ExitTable, z: number, confLevel: number): KaplanMeierCurve {
  const m = table.time.length;
  const censored = table.exits[0]!;
  const events = table.exits[1]!;
  const nRisk = new Float64Array(m);
  const survival = new Float64Array(m);
  const stdErrLog = new Float64Array(m);
  const stdErr = new Float64Array(m);
  let atRisk = table.n;
  let s = 1;
  let greenwood = 0;
  let totalEvents = 0;
  for (let k = 0; k < m; k++) {
    const d = events[k]!;
    nRisk[k] = atRisk;
    if (d > 0) {
      s *= (atRisk - d) / atRisk;
      greenwood += d / (atRisk * (atRisk - d));
      totalEvents += d;
    }
    survival[k] = s;
    const se = Math.sqrt(greenwood);
    stdErrLog[k] = se;
    stdErr[k] = s * se;
    atRisk -= d + censored[k]!;
  }
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  writeLogLimits(survival, stdErrLog, z, lower, upper);
  return {
    group,
    n: table.n,
    events: totalEvents,
    confLevel,
    time: table.time,
    nRisk,
    nEvent: events,
    nCensor: censored,
    survival,
    stdErrLog,
    stdErr,
    lower,
    upper,
  };
}

export interface SurvivalAtTime {
  t: number;
  survival: number;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
  /** Spells still at risk at t (exit time ≥ t). */
  nRisk: number;
  /** True when t lies after the last observed time: the last value is carried forward. */
  beyondLastTime: boolean;
}

/**
 * Survival at given times, as R's summary(fit, times, extend = TRUE): the step function is
 * right-continuous (an exit on day t counts at t), S = 1 before the first time, and after the
 * last observed time the last value is carried forward (flagged, because no spell was followed
 * that long; R drops such times unless extend = TRUE).
 */
export function evaluateSurvivalAt(curve: KaplanMeierCurve, times: readonly number[]): SurvivalAtTime[] {
  const m = curve.time.length;
  const last = m > 0 ? curve.time[m - 1]! : Number.NEGATIVE_INFINITY;
  return times.map((t) => {
    const k = lastIndexAtOrBefore(curve.time, t);
    const firstAtOrAfter = k >= 0 && curve.time[k] === t ? k : k + 1;
    const nRisk = firstAtOrAfter < m ? curve.nRisk[firstAtOrAfter]! : 0;
    if (k < 0) return { t, survival: 1, stdErr: 0, lower: 1, upper: 1, nRisk: curve.n, beyondLastTime: false };
    return {
      t,
      survival: curve.survival[k]!,
      stdErr: toNullable(curve.stdErr[k]!),
      lower: toNullable(curve.lower[k]!),
      upper: toNullable(curve.upper[k]!),
      nRisk,
      beyondLastTime: t > last,
    };
  });
}

/** Index of the last element ≤ t in an ascending array, −1 if none. */
export function lastIndexAtOrBefore(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export interface SurvivalQuantile {
  /** Cumulative probability of the event: 0.5 is the median, 0.25 the time by which 25 % left. */
  p: number;
  time: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Quantiles of the time to the event as R's quantile.survfit: the first time the curve reaches
 * 1 − p, the midpoint of the flat stretch when it sits exactly at 1 − p, null when never
 * reached; limits read off the lower and upper confidence curves the same way.
 */
export function estimateSurvivalQuantiles(curve: KaplanMeierCurve, probs: readonly number[] = [0.25, 0.5, 0.75]): SurvivalQuantile[] {
  for (const p of probs) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const m = curve.time.length;
  const x = new Float64Array(m + 1);
  x.set(curve.time, 1);
  const cumulative = (values: Float64Array) => {
    const y = new Float64Array(m + 1);
    for (let k = 0; k < m; k++) y[k + 1] = 1 - values[k]!;
    return y;
  };
  const point = findQuantileTimes(x, cumulative(curve.survival), probs);
  const fromLower = findQuantileTimes(x, cumulative(curve.lower), probs);
  const fromUpper = findQuantileTimes(x, cumulative(curve.upper), probs);
  return probs.map((p, i) => ({ p, time: point[i]!, lower: fromLower[i]!, upper: fromUpper[i]! }));
}

/**
 * Which of R's two median rules to follow. 'quantile' is quantile.survfit (the midpoint rule
 * also when the curve ends flat at exactly 0.5, and limits read off the sorted limit curves);
 * 'print' is what print.survfit shows (survival:::survmean): the first time the curve is below
 * 0.5, the midpoint only when an exact 0.5 stretch is followed by a lower value, and limits as
 * the first time each limit curve is at or below 0.5. They differ only in such edge cases.
 */
export type MedianRule = 'quantile' | 'print';

/** Median time to the event with its confidence limits. */
export function estimateMedianSurvival(curve: KaplanMeierCurve, rule: MedianRule = 'quantile'): SurvivalQuantile {
  if (rule === 'quantile') return estimateSurvivalQuantiles(curve, [0.5])[0]!;
  return {
    p: 0.5,
    time: firstTimeAtHalf(curve.time, curve.survival),
    lower: firstTimeAtHalf(curve.time, curve.lower),
    upper: firstTimeAtHalf(curve.time, curve.upper),
  };
}

// survival:::survmean's minmin(): R's print.survfit median rule.
function firstTimeAtHalf(time: Float64Array, y: Float64Array): number | null {
  const tol = QUANTILE_TOLERANCE;
  let first = -1;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!;
    if (Number.isNaN(v) || !(v < 0.5 + tol)) continue;
    if (first < 0) {
      first = k;
      if (!(Math.abs(v - 0.5) < tol)) return time[k]!;
    } else if (v < y[first]!) {
      return (time[first]! + time[k]!) / 2;
    }
  }
  return first < 0 ? null : time[first]!;
}
