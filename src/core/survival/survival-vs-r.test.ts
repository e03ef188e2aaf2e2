// Compares the survival engine with R's survival package on generated spells with ties,
// strata, time-0 exits, competing exits and hand-made edge groups. Runs only where Rscript is
// installed; elsewhere the suite is skipped and says why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareByLogRank,
  estimateCumulativeIncidence,
  estimateKaplanMeier,
  estimateMedianSurvival,
  estimateSurvivalQuantiles,
  evaluateSurvivalAt,
} from './index.js';

const hasR = spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0;
const skipReason = 'Rscript is not on PATH: install r-base-core and r-cran-survival to compare with R';
if (!hasR) console.warn(`survival-vs-r: skipped — ${skipReason}`);

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'r', 'survival-reference.R');
const TIMES = [0, 30, 91, 182, 183.5, 365, 10_000];
const PROBS = [0.1, 0.25, 0.5, 0.75];
const CAUSES = ['education', 'job', 'moving', 'sickness'];

interface Spell {
  time: number;
  event: number;
  cause: string | 0;
  group: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateSpells(seed: number, halfDays: boolean): Spell[] {
  const random = mulberry32(seed);
  const spells: Spell[] = [];
  const groups = ['afd-nord', 'afd-syd', 'afd-vest', 'afd-øst'];
  groups.forEach((group, g) => {
    const size = 250 + 150 * g;
    for (let i = 0; i < size; i++) {
      const raw = -Math.log(1 - random()) * (120 + 40 * g);
      const time = halfDays ? Math.round(raw * 2) / 2 : Math.floor(raw);
      const u = random();
      const cause: string | 0 = u < 0.25 ? 0 : u < 0.75 ? 'job' : u < 0.85 ? 'education' : u < 0.93 ? 'moving' : 'sickness';
      spells.push({ time: Math.min(time, 700), event: cause === 'job' ? 1 : 0, cause, group });
    }
  });
  // A curve sitting at exactly 0.5 until its last time (median = midpoint to the end), one flat
  // at 0.5 in the middle, and one that drops to 0 (no limits there, as in R).
  const add = (group: string, rows: [number, string | 0][]) =>
    rows.forEach(([time, cause]) => spells.push({ time, event: cause === 'job' ? 1 : 0, cause, group }));
  add('flat-end', [[10, 'job'], [20, 'job'], [50, 0], [60, 0]]);
  add('flat-mid', [[10, 'job'], [20, 'job'], [30, 0], [40, 'job']]);
  add('to-zero', [[0, 'job'], [5, 'moving'], [5, 'job'], [8, 0], [9, 'job'], [9, 'job']]);
  return spells;
}

function writeCsv(path: string, spells: Spell[]): void {
  const lines = ['time,event,cause,group', ...spells.map((s) => `${s.time},${s.event},${s.cause},${s.group}`)];
  writeFileSync(path, lines.join('\n') + '\n', 'utf8');
}

type RValue = number | null | 'NaN' | 'Inf' | '-Inf';
type RRecord = Record<string, RValue[]>;
interface RReference {
  groups: string[];
  states: string[];
  km: Record<string, RRecord>;
  survdiff: RRecord;
  cif: Record<string, RRecord>;
}

function fromR(v: RValue): number {
  if (v === null || v === 'NaN') return Number.NaN;
  if (v === 'Inf') return Number.POSITIVE_INFINITY;
  if (v === '-Inf') return Number.NEGATIVE_INFINITY;
  return v;
}

/** Asserts two columns agree: NaN/NA on the same rows, infinities equal, others within tol. */
function expectClose(actual: ArrayLike<number | null>, expected: RValue[], tol: number, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = fromR(expected[i]!);
    const a = actual[i] === null ? Number.NaN : (actual[i] as number);
    if (Number.isNaN(e) || Number.isNaN(a) || !Number.isFinite(e)) {
      expect(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)), `${what}[${i}]: ${a} vs R ${e}`).toBe(true);
      continue;
    }
    worst = Math.max(worst, Math.abs(a - e));
    if (Math.abs(a - e) > tol) expect(a, `${what}[${i}]`).toBeCloseTo(e, 20);
  }
  expect(worst).toBeLessThanOrEqual(tol);
}

const ESTIMATE_TOL = 1e-9;
const LIMIT_TOL = 1e-6;

for (const variant of [
  { name: 'whole days (counting path)', seed: 20240601, halfDays: false },
  { name: 'half days (sorting path)', seed: 77, halfDays: true },
]) {
  describe.skipIf(!hasR)(`survival engine agrees with R's survival package — ${variant.name}`, () => {
    let dir = '';
    let spells: Spell[] = [];
    let ref: RReference;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'jobspor-survival-'));
      spells = generateSpells(variant.seed, variant.halfDays);
      writeCsv(join(dir, 'spells.csv'), spells);
      const run = spawnSync('Rscript', [SCRIPT, join(dir, 'spells.csv'), join(dir, 'out.json'), TIMES.join(','), PROBS.join(',')], {
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`Rscript failed: ${run.stderr}`);
      ref = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as RReference;
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const input = () => ({
      time: spells.map((s) => s.time),
      event: spells.map((s) => s.event),
      cause: spells.map((s) => s.cause),
      group: spells.map((s) => s.group),
    });

    it('gives the same Kaplan–Meier table, standard errors and limits per department', () => {
      const fit = estimateKaplanMeier(input());
      expect(fit.curves.map((c) => c.group)).toEqual(ref.groups);
      for (const curve of fit.curves) {
        const r = ref.km[curve.group]!;
        expect(curve.n).toBe(r.n![0]);
        expectClose(curve.time, r.time!, 0, `${curve.group} time`);
        expectClose(curve.nRisk, r.n_risk!, 0, `${curve.group} n.risk`);
        expectClose(curve.nEvent, r.n_event!, 0, `${curve.group} n.event`);
        expectClose(curve.nCensor, r.n_censor!, 0, `${curve.group} n.censor`);
        expectClose(curve.survival, r.surv!, ESTIMATE_TOL, `${curve.group} surv`);
        expectClose(curve.stdErrLog, r.std_err_log!, ESTIMATE_TOL, `${curve.group} std.err`);
        expectClose(curve.lower, r.lower!, LIMIT_TOL, `${curve.group} lower`);
        expectClose(curve.upper, r.upper!, LIMIT_TOL, `${curve.group} upper`);
      }
    });

    it('reads the same quantiles and medians as quantile() and print() in R, including flat stretches at 0.5', () => {
      const fit = estimateKaplanMeier(input());
      for (const curve of fit.curves) {
        const r = ref.km[curve.group]!;
        const q = estimateSurvivalQuantiles(curve, PROBS);
        expectClose(q.map((x) => x.time), r.q_time!, 0, `${curve.group} quantile`);
        expectClose(q.map((x) => x.lower), r.q_lower!, 0, `${curve.group} quantile lower`);
        expectClose(q.map((x) => x.upper), r.q_upper!, 0, `${curve.group} quantile upper`);
        const printed = estimateMedianSurvival(curve, 'print');
        expectClose([printed.time, printed.lower, printed.upper], r.print_median!, 0, `${curve.group} printed median`);
      }
      expect(estimateSurvivalQuantiles(fit.curves.find((c) => c.group === 'flat-end')!, [0.5])[0]!.time).toBe(40);
      expect(estimateSurvivalQuantiles(fit.curves.find((c) => c.group === 'flat-mid')!, [0.5])[0]!.time).toBe(30);
    });

    it('gives the same survival at 3 and 6 months as summary(fit, times, extend = TRUE)', () => {
      const fit = estimateKaplanMeier(input());
      for (const curve of fit.curves) {
        const r = ref.km[curve.group]!;
        const at = evaluateSurvivalAt(curve, TIMES);
        expectClose(at.map((x) => x.t), r.at_time!, 0, `${curve.group} at time`);
        expectClose(at.map((x) => x.survival), r.at_surv!, ESTIMATE_TOL, `${curve.group} at surv`);
        expectClose(at.map((x) => x.stdErr), r.at_std_err!, ESTIMATE_TOL, `${curve.group} at std.err`);
        expectClose(at.map((x) => x.lower), r.at_lower!, LIMIT_TOL, `${curve.group} at lower`);
        expectClose(at.map((x) => x.upper), r.at_upper!, LIMIT_TOL, `${curve.group} at upper`);
        expectClose(at.map((x) => x.nRisk), r.at_n_risk!, 0, `${curve.group} at n.risk`);
      }
    });

    it('gives the same log-rank test as survdiff', () => {
      const test = compareByLogRank(input());
      const r = ref.survdiff;
      expectClose(test.groups.map((g) => g.observed), r.obs!, 0, 'observed');
      expectClose(test.groups.map((g) => g.expected), r.exp!, ESTIMATE_TOL, 'expected');
      expectClose(test.variance, r.var!, ESTIMATE_TOL, 'variance');
      expect(Math.abs(test.chiSquare - fromR(r.chisq![0]!))).toBeLessThan(ESTIMATE_TOL * Math.max(1, test.chiSquare));
      const p = fromR(r.pvalue![0]!);
      expect(Math.abs(test.pValue - p)).toBeLessThanOrEqual(1e-9 * Math.max(p, 1e-300) + 1e-300);
    });

    it('gives the same competing-risk incidence, standard errors and limits as multi-state survfit', () => {
      const fit = estimateCumulativeIncidence(input());
      expect(['(s0)', ...fit.causes]).toEqual(ref.states);
      expect(fit.causes).toEqual(CAUSES);
      for (const curve of fit.curves) {
        const r = ref.cif[curve.group]!;
        expectClose(curve.time, r.time!, 0, `${curve.group} time`);
        expectClose(curve.nRisk, r.n_risk!, 0, `${curve.group} n.risk`);
        const bands = [['s0', curve.eventFree] as const, ...curve.causes.map((c, i) => [c, curve.incidence[i]!] as const)];
        for (const [state, band] of bands) {
          expectClose(band.estimate, r[`${state}_p`]!, ESTIMATE_TOL, `${curve.group} ${state} pstate`);
          expectClose(band.stdErr, r[`${state}_se`]!, ESTIMATE_TOL, `${curve.group} ${state} std.err`);
          expectClose(band.lower, r[`${state}_lower`]!, LIMIT_TOL, `${curve.group} ${state} lower`);
          expectClose(band.upper, r[`${state}_upper`]!, LIMIT_TOL, `${curve.group} ${state} upper`);
        }
      }
    });
  });
}

describe('survival comparison with R', () => {
  it.skipIf(hasR)(`is skipped: ${skipReason}`, () => {
    expect(hasR).toBe(false);
  });
});
