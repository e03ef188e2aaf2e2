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
  // approx(y ± tol, 1:n, p, "constant", f = 1) then drops NA pairs and orders by the abscissa.
  // A survival curve and its lower limit are monotone, so both steps are one linear scan there;
  // only an upper limit that rises somewhere needs the general path.
  let monotone = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < y.length && monotone; i++) {
    const v = y[i]!;
    if (Number.isNaN(v)) continue;
    if (v < previous) monotone = false;
    previous = v;
  }
  const keptX: number[] = [];
  const keptY: number[] = [];
  const order: number[] = [];
  if (monotone) {
    let last = Number.NaN;
    let sawNaN = false;
    for (let i = 0; i < y.length; i++) {
      const v = y[i]!;
      if (Number.isNaN(v)) {
        if (sawNaN) continue;
        sawNaN = true;
      } else {
        if (v === last) continue;
        last = v;
        order.push(keptY.length);
      }
      keptX.push(x[i]!);
      keptY.push(v);
    }
  } else {
    const seen = new Set<number>();
    for (let i = 0; i < y.length; i++) {
      const v = y[i]!;
      if (seen.has(v)) continue;
      seen.add(v);
      keptX.push(x[i]!);
      keptY.push(v);
    }
    for (let i = 0; i < keptY.length; i++) if (!Number.isNaN(keptY[i]!)) order.push(i);
    order.sort((a, b) => keptY[a]! - keptY[b]!);
  }
  const n = keptY.length;
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
