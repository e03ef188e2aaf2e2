// The log-rank test between groups as R's survdiff(Surv(time, status) ~ group) with rho = 0.

import { chiSquareUpperTail } from './distributions.js';
import { encodeEvents, encodeGroups, tabulateSpells, SurvivalInputError } from './spell-table.js';
import type { SurvivalInput } from './kaplan-meier.js';

export interface LogRankGroup {
  group: string;
  n: number;
  observed: number;
  expected: number;
}

export interface LogRankTest {
  groups: LogRankGroup[];
  /** Variance–covariance matrix of observed − expected, row-major, groups × groups. */
  variance: Float64Array;
  chiSquare: number;
  df: number;
  pValue: number;
}

/**
 * Log-rank test. Cost is O(n) to tabulate plus O(D × G²) over D distinct event times and G
 * groups, which is small for times in days; with millions of distinct continuous times and many
 * groups, round the times first.
 */
export function compareByLogRank(input: SurvivalInput & { group: NonNullable<SurvivalInput['group']> }): LogRankTest {
  const n = input.time.length;
  const status = encodeEvents(input.event, n);
  const encoded = encodeGroups(input.group, n);
  const { tables, groups } = tabulateSpells(input.time, status, 2, encoded.index, encoded.keys);
  const k = groups.length;
  if (k < 2) throw new SurvivalInputError('group', null, 'the log-rank test needs at least two groups');

  let eventTimeCount = 0;
  for (const table of tables) for (const d of table.exits[1]!) if (d > 0) eventTimeCount++;
  const pooled = new Float64Array(eventTimeCount);
  let fill = 0;
  for (const table of tables) {
    const events = table.exits[1]!;
    for (let j = 0; j < events.length; j++) if (events[j]! > 0) pooled[fill++] = table.time[j]!;
  }
  pooled.sort();

  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const pointer = new Int32Array(k);
  const atRisk = new Float64Array(k);
  const deaths = new Float64Array(k);
  const active = new Int32Array(k);
  tables.forEach((table, g) => (atRisk[g] = table.n));

  for (let m = 0; m < pooled.length; m++) {
    const t = pooled[m]!;
    if (m > 0 && pooled[m - 1] === t) continue;
    let nTotal = 0;
    let dTotal = 0;
    let activeCount = 0;
    for (let g = 0; g < k; g++) {
      const table = tables[g]!;
      let p = pointer[g]!;
      // Spells of this group that ended before t leave the risk set.
      while (p < table.time.length && table.time[p]! < t) {
        atRisk[g]! -= table.exits[0]![p]! + table.exits[1]![p]!;
        p++;
      }
      pointer[g] = p;
      const d = p < table.time.length && table.time[p] === t ? table.exits[1]![p]! : 0;
      deaths[g] = d;
      observed[g]! += d;
      nTotal += atRisk[g]!;
      dTotal += d;
      if (atRisk[g]! > 0) active[activeCount++] = g;
    }
    if (nTotal <= 0) continue;
    for (let a = 0; a < activeCount; a++) {
      const g = active[a]!;
      expected[g]! += (dTotal * atRisk[g]!) / nTotal;
    }
    if (nTotal > 1) {
      const c = (dTotal * (nTotal - dTotal)) / (nTotal - 1) / (nTotal * nTotal);
      for (let a = 0; a < activeCount; a++) {
        const g = active[a]!;
        const ng = atRisk[g]!;
        variance[g * k + g]! += c * ng * (nTotal - ng);
        for (let b = a + 1; b < activeCount; b++) {
          const h = active[b]!;
          const cov = c * ng * atRisk[h]!;
          variance[g * k + h]! -= cov;
          variance[h * k + g]! -= cov;
        }
      }
    }
  }

  const kept: number[] = [];
  for (let g = 0; g < k; g++) if (expected[g]! > 0) kept.push(g);
  let chiSquare = 0;
  if (kept.length >= 2) {
    const idx = kept.slice(1);
    const a = idx.map((r) => idx.map((c) => variance[r * k + c]!));
    const diff = idx.map((g) => observed[g]! - expected[g]!);
    const solution = solveLinearSystem(a, diff);
    chiSquare = solution.reduce((sum, v, i) => sum + v * diff[i]!, 0);
  }
  const df = kept.length - 1;
  return {
    groups: groups.map((group, g) => ({ group, n: tables[g]!.n, observed: observed[g]!, expected: expected[g]! })),
    variance,
    chiSquare,
    df,
    pValue: chiSquareUpperTail(chiSquare, df),
  };
}

/** Gaussian elimination with partial pivoting (the systems here have at most a few dozen rows). */
function solveLinearSystem(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (a[pivot]![col] === 0) throw new Error('log-rank variance matrix is singular');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const pivotRow = a[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = a[r]!;
      const f = row[col]! / pivotRow[col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c]! -= f * pivotRow[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = a[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= a[r]![c]! * x[c]!;
    x[r] = sum / a[r]![r]!;
  }
  return x;
}
