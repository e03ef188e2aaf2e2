// Cumulative incidence with competing risks (Aalen–Johansen), as R's
// survfit(Surv(time, factor(status)) ~ group) for a single initial state: a job is one exit,
// education, moving and sickness are other exits that end the spell without a job, so they
// are competing events, not censoring. Standard errors are R's infinitesimal-jackknife ones.
//
// Why the variance is cheap here: each spell's influence on a probability depends only on its
// exit time and exit status, and after its exit it is linear in the estimate itself
// (U_i(t) = a_i + C_i·F(t)), while every spell still at risk shares one influence value.
// So sum_i U_i(t)² is kept as running sums of a², a·C and C² over exited spells plus
// (number still at risk) × (shared value)², which is O(1) per time instead of O(n).

import { toNullable, writeLogLimits, zForLevel } from './confidence.js';
import { lastIndexAtOrBefore, type EstimateOptions } from './kaplan-meier.js';
import { findQuantileTimes } from './quantile-rule.js';
import { encodeGroups, tabulateSpells, SurvivalInputError, type ExitTable, type GroupKey } from './spell-table.js';

export interface CompetingRiskInput {
  time: ArrayLike<number>;
  /** The exit cause per spell (e.g. 'job', 'education'), or 0 for a censored spell. */
  cause: ArrayLike<string | number>;
  group?: ArrayLike<GroupKey>;
}

/** A probability over time with its standard error and log-scale limits (NaN = R's NA). */
export interface ProbabilityBand {
  estimate: Float64Array;
  stdErr: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

export interface CumulativeIncidenceCurve {
  group: string;
  n: number;
  confLevel: number;
  /** Causes in ascending label order; incidence[i] and nEvent[i] belong to causes[i]. */
  causes: string[];
  time: Float64Array;
  nRisk: Float64Array;
  nCensor: Float64Array;
  nEvent: Float64Array[];
  /** Probability of no exit yet (R's "(s0)" state). */
  eventFree: ProbabilityBand;
  incidence: ProbabilityBand[];
}

export interface CumulativeIncidenceFit {
  causes: string[];
  curves: CumulativeIncidenceCurve[];
}

export function encodeCauses(cause: ArrayLike<string | number>, n: number): { status: Uint8Array; causes: string[] } {
  if (cause.length !== n) throw new SurvivalInputError('cause', null, `cause has ${cause.length} values but time has ${n}`);
  const codeOf = new Map<string, number>();
  const raw = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = cause[i];
    if (c === 0) continue;
    if ((typeof c !== 'string' && typeof c !== 'number') || c === '' || (typeof c === 'number' && !Number.isFinite(c))) {
      throw new SurvivalInputError('cause', i, `cause in row ${i} must be a label or 0 for censored, got ${String(c)}`);
    }
    const label = String(c);
    let code = codeOf.get(label);
    if (code === undefined) {
      code = codeOf.size + 1;
      if (code > 250) throw new SurvivalInputError('cause', i, 'more than 250 different causes');
      codeOf.set(label, code);
    }
    raw[i] = code;
  }
  const causes = [...codeOf.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const remap = new Uint8Array(codeOf.size + 1);
  causes.forEach((label, i) => (remap[codeOf.get(label)!] = i + 1));
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) status[i] = remap[raw[i]!]!;
  return { status, causes };
}

export function estimateCumulativeIncidence(input: CompetingRiskInput, options: EstimateOptions = {}): CumulativeIncidenceFit {
  const n = input.time.length;
  const { status, causes } = encodeCauses(input.cause, n);
  const groups = encodeGroups(input.group, n);
  const tables = tabulateSpells(input.time, status, causes.length + 1, groups.index, groups.keys, { method: options.tabulation ?? 'auto' });
  const confLevel = options.confLevel ?? 0.95;
  const z = zForLevel(confLevel);
  return {
    causes,
    curves: tables.tables.map((table, g) => buildIncidenceCurve(tables.groups[g]!, table, causes, z, confLevel)),
  };
}

function buildIncidenceCurve(group: string, table: ExitTable, causes: string[], z: number, confLevel: number): CumulativeIncidenceCurve {
  const m = table.time.length;
  const j = causes.length;
  const nRisk = new Float64Array(m);
  const free = new Float64Array(m);
  const freeVar = new Float64Array(m);
  const inc = causes.map(() => new Float64Array(m));
  const incVar = causes.map(() => new Float64Array(m));

  let atRisk = table.n;
  let s = 1; // S(t−): probability of no exit just before the current time
  let g = 0; // Greenwood sum up to the previous time: sum d / (n (n − d))
  const f = new Float64Array(j); // F_c at the previous time
  const shared = new Float64Array(j); // influence of a spell still at risk on F_c
  const sumA2 = new Float64Array(j);
  const sumAC = new Float64Array(j);
  let sumC2 = 0;
  const dByCause = new Float64Array(j);

  for (let k = 0; k < m; k++) {
    const n = atRisk;
    nRisk[k] = n;
    let d = 0;
    for (let c = 0; c < j; c++) {
      dByCause[c] = table.exits[c + 1]![k]!;
      d += dByCause[c]!;
    }
    const censored = table.exits[0]![k]!;
    const sBefore = s;
    const gBefore = g;
    for (let c = 0; c < j; c++) {
      const h = dByCause[c]! / n;
      if (h > 0) {
        shared[c]! += sBefore * h * (gBefore - 1 / n);
        f[c]! += sBefore * h;
      }
    }
    if (d > 0) {
      s = (sBefore * (n - d)) / n;
      if (n > d) g += d / (n * (n - d));
    }
    // Spells ending now: a censored spell's influence slope is the Greenwood sum including
    // this time; a spell exiting by a cause has slope G(t−) − 1/n and an extra jump on its
    // own cause's incidence.
    if (censored > 0) {
      const slope = g;
      sumC2 += censored * slope * slope;
      for (let c = 0; c < j; c++) {
        const a = shared[c]! - slope * f[c]!;
        sumA2[c]! += censored * a * a;
        sumAC[c]! += censored * a * slope;
      }
    }
    if (d > 0) {
      const slope = gBefore - 1 / n;
      sumC2 += d * slope * slope;
      for (let c = 0; c < j; c++) {
        const base = shared[c]! - slope * f[c]!;
        for (let e = 0; e < j; e++) {
          const count = dByCause[e]!;
          if (count === 0) continue;
          const a = e === c ? base + sBefore / n : base;
          sumA2[c]! += count * a * a;
          sumAC[c]! += count * a * slope;
        }
      }
    }
    atRisk = n - d - censored;
    const stillAtRisk = atRisk;
    free[k] = s;
    const sharedFree = stillAtRisk > 0 ? stillAtRisk * g * g : 0;
    freeVar[k] = s * s * (sharedFree + sumC2);
    for (let c = 0; c < j; c++) {
      const fc = f[c]!;
      inc[c]![k] = fc;
      const v = stillAtRisk * shared[c]! * shared[c]! + sumA2[c]! + 2 * fc * sumAC[c]! + fc * fc * sumC2;
      incVar[c]![k] = v > 0 ? v : 0;
    }
  }

  const band = (estimate: Float64Array, variance: Float64Array): ProbabilityBand => {
    const stdErr = new Float64Array(m);
    const seLog = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const se = Math.sqrt(variance[k]!);
      stdErr[k] = se;
      seLog[k] = se === 0 ? 0 : se / estimate[k]!;
    }
    const lower = new Float64Array(m);
    const upper = new Float64Array(m);
    writeLogLimits(estimate, seLog, z, lower, upper);
    return { estimate, stdErr, lower, upper };
  };

  return {
    group,
    n: table.n,
    confLevel,
    causes,
    time: table.time,
    nRisk,
    nCensor: table.exits[0]!,
    nEvent: causes.map((_, c) => table.exits[c + 1]!),
    eventFree: band(free, freeVar),
    incidence: inc.map((estimate, c) => band(estimate, incVar[c]!)),
  };
}

export interface IncidenceAtTime {
  t: number;
  incidence: number;
  stdErr: number;
  lower: number | null;
  upper: number | null;
  nRisk: number;
  beyondLastTime: boolean;
}

/**
 * Cumulative incidence of one cause at given times, as R's summary(fit, times, extend = TRUE)
 * reads pstate: right-continuous, last value carried forward. Before the first time the
 * incidence is 0 with no interval (null limits, the same rule as for a 0 estimate on the
 * curve; R's summary prints 0 for both limits there).
 */
export function evaluateIncidenceAt(curve: CumulativeIncidenceCurve, cause: string, times: readonly number[]): IncidenceAtTime[] {
  const c = causeIndex(curve, cause);
  const m = curve.time.length;
  const last = m > 0 ? curve.time[m - 1]! : Number.NEGATIVE_INFINITY;
  const b = curve.incidence[c]!;
  return times.map((t) => {
    const k = lastIndexAtOrBefore(curve.time, t);
    const firstAtOrAfter = k >= 0 && curve.time[k] === t ? k : k + 1;
    const nRisk = firstAtOrAfter < m ? curve.nRisk[firstAtOrAfter]! : 0;
    if (k < 0) return { t, incidence: 0, stdErr: 0, lower: null, upper: null, nRisk: curve.n, beyondLastTime: false };
    return {
      t,
      incidence: b.estimate[k]!,
      stdErr: b.stdErr[k]!,
      lower: toNullable(b.lower[k]!),
      upper: toNullable(b.upper[k]!),
      nRisk,
      beyondLastTime: t > last,
    };
  });
}

/**
 * Time by which the incidence of a cause reaches p (e.g. 0.5: half the spells ended in that
 * cause), with R's quantile rule; null when never reached. R itself refuses quantiles for
 * multi-state curves, so this is our extension: limits come from the upper curve (earliest
 * time) and the lower curve (latest time).
 */
export function estimateIncidenceQuantile(curve: CumulativeIncidenceCurve, cause: string, p: number): { p: number; time: number | null; lower: number | null; upper: number | null } {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const b = curve.incidence[causeIndex(curve, cause)]!;
  const m = curve.time.length;
  const x = new Float64Array(m + 1);
  x.set(curve.time, 1);
  const withOrigin = (values: Float64Array) => {
    const y = new Float64Array(m + 1);
    y.set(values, 1);
    return y;
  };
  const [time] = findQuantileTimes(x, withOrigin(b.estimate), [p]);
  const [lower] = findQuantileTimes(x, withOrigin(b.upper), [p]);
  const [upper] = findQuantileTimes(x, withOrigin(b.lower), [p]);
  return { p, time: time!, lower: lower!, upper: upper! };
}

function causeIndex(curve: CumulativeIncidenceCurve, cause: string): number {
  const c = curve.causes.indexOf(cause);
  if (c < 0) throw new SurvivalInputError('cause', null, `unknown cause "${cause}"; known: ${curve.causes.join(', ')}`);
  return c;
}
