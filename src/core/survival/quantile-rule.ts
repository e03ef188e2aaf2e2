// R's rule for reading a quantile off a step curve (survival:::findq, used by quantile.survfit
// and print.survfit), reproduced step by step so medians agree with R exactly — including the
// midpoint rule when the curve is flat at exactly the requested level.

/** sqrt(.Machine$double.eps), R's default tolerance in quantile.survfit. */
export const QUANTILE_TOLERANCE = Math.sqrt(2 ** -52);

/**
 * @param x times, starting with the origin (R's firstx, 0)
 * @param y cumulative probability at each x (0 first), NaN where R has NA
 * @returns the time for each p, or null where R gives NA
 */
export function findQuantileTimes(x: ArrayLike<number>, y: ArrayLike<number>, probs: readonly number[], tol = QUANTILE_TOLERANCE): (number | null)[] {
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]!) && y[i]! > maxY) maxY = y[i]!;
  if (!(maxY >= Math.min(...probs))) return probs.map(() => null);
  const xmax = x[x.length - 1]!;

  // duplicated(y): keep the first time each value appears (NaN counts as one value, like NA).
  const seen = new Set<number>();
  const keptX: number[] = [];
  const keptY: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (seen.has(v)) continue;
    seen.add(v);
    keptX.push(x[i]!);
    keptY.push(v);
  }
  const n = keptY.length;
  // approx(y ± tol, 1:n, p, "constant", f = 1) drops NA pairs and orders by the abscissa.
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(keptY[i]!)) order.push(i);
  order.sort((a, b) => keptY[a]! - keptY[b]!);
  const lookup = (shift: number, v: number): number => {
    const m = order.length;
    if (m === 0) return -1;
    const at = (j: number) => keptY[order[j]!]! + shift;
    if (v < at(0) || v > at(m - 1)) return -1;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(mid) >= v) hi = mid;
      else lo = mid + 1;
    }
    return order[lo]!;
  };

  const lastY = keptY[n - 1]!;
  return probs.map((p) => {
    const i1 = lookup(tol, p);
    const i2 = lookup(-tol, p);
    let q = i1 >= 0 && i2 >= 0 ? (keptX[i1]! + keptX[i2]!) / 2 : Number.NaN;
    if (p === 0) q = keptX[0]!;
    if (!Number.isNaN(lastY) && Math.abs(p - lastY) < tol) q = i1 >= 0 ? (keptX[i1]! + xmax) / 2 : Number.NaN;
    return Number.isNaN(q) ? null : q;
  });
}
