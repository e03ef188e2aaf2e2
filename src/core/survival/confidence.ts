import { normalQuantile } from './distributions.js';

/** z for a two-sided interval at `level`, as R's qnorm(1 - (1 - level) / 2). */
export function zForLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1, got ${level}`);
  return normalQuantile(1 - (1 - level) / 2);
}

/**
 * R's survfit_confint for conf.type = "log" with the upper limit clipped at 1: NaN (R's NA)
 * when the estimate is 0, because the log scale has no interval there.
 */
export function writeLogLimits(estimate: Float64Array, seLog: Float64Array, z: number, lower: Float64Array, upper: Float64Array): void {
  for (let k = 0; k < estimate.length; k++) {
    const p = estimate[k]!;
    if (p === 0 || Number.isNaN(p)) {
      lower[k] = Number.NaN;
      upper[k] = Number.NaN;
      continue;
    }
    const logP = Math.log(p);
    const half = z * seLog[k]!;
    lower[k] = Math.exp(logP - half);
    const u = Math.exp(logP + half);
    upper[k] = u < 1 ? u : Number.isNaN(u) ? Number.NaN : 1;
  }
}

/** A typed-array value as a JSON-friendly number, with NaN (R's NA or NaN) as null. */
export function toNullable(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
