import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chiSquareUpperTail,
  compareByLogRank,
  estimateCumulativeIncidence,
  estimateIncidenceQuantile,
  estimateKaplanMeier,
  estimateMedianSurvival,
  estimateSurvivalQuantiles,
  evaluateIncidenceAt,
  evaluateSurvivalAt,
  normalQuantile,
  SurvivalInputError,
} from './index.js';

// R's aml data set (survival package): weeks to relapse in acute myelogenous leukaemia.
const AML = {
  time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
  event: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
  group: [...Array<string>(11).fill('Maintained'), ...Array<string>(12).fill('Nonmaintained')],
};

// From R 4.2.2, survival 3.5-3: summary(survfit(Surv(time, status) ~ x, data = aml)).
const AML_SUMMARY = {
  Maintained: [
    [9, 11, 1, 0.909090909090909, 0.0866784172041448, 0.754133845081525, 1],
    [13, 10, 1, 0.818181818181818, 0.116291299830333, 0.619248987399364, 1],
    [18, 8, 1, 0.715909090909091, 0.139664970557228, 0.488426287422128, 1],
    [23, 7, 1, 0.613636363636364, 0.152632331027312, 0.37686705950168, 0.999157600228473],
    [31, 5, 1, 0.490909090909091, 0.164193267221136, 0.254859951199317, 0.945584955200429],
    [34, 4, 1, 0.368181818181818, 0.162668885827095, 0.154877117897191, 0.875260678143908],
    [48, 2, 1, 0.184090909090909, 0.153492745786294, 0.0359178984891853, 0.943525769474552],
  ],
  Nonmaintained: [
    [5, 12, 2, 0.833333333333333, 0.107582870727984, 0.647036987013362, 1],
    [8, 10, 2, 0.666666666666667, 0.136082763487954, 0.446846081150264, 0.994625360259092],
    [12, 8, 1, 0.583333333333333, 0.142318760638328, 0.361613705210385, 0.940998012173809],
    [23, 6, 1, 0.486111111111111, 0.148130062553483, 0.267518248858267, 0.883319225339558],
    [27, 5, 1, 0.388888888888889, 0.146986183948033, 0.185396526095557, 0.815735715691272],
    [30, 4, 1, 0.291666666666667, 0.138715169134987, 0.11483115015247, 0.740822018515804],
    [33, 3, 1, 0.194444444444444, 0.121874505380446, 0.0569215525716042, 0.664223659882563],
    [43, 2, 1, 0.0972222222222222, 0.0918663649675205, 0.0152565271708652, 0.619548629119056],
    [45, 1, 1, 0, Number.NaN, Number.NaN, Number.NaN],
  ],
} as const;

function expectNear(actual: number | null, expected: number, digits = 12): void {
  if (Number.isNaN(expected)) expect(actual === null || Number.isNaN(actual)).toBe(true);
  else expect(actual).toBeCloseTo(expected, digits);
}

describe('Kaplan–Meier on the AML data, as R reports it', () => {
  const fit = estimateKaplanMeier(AML);

  it('keeps one curve per group, in sorted order, with every distinct time including censorings', () => {
    expect(fit.curves.map((c) => [c.group, c.n, c.events])).toEqual([
      ['Maintained', 11, 7],
      ['Nonmaintained', 12, 11],
    ]);
    expect(Array.from(fit.curves[0]!.time)).toEqual([9, 13, 18, 23, 28, 31, 34, 45, 48, 161]);
    expect(Array.from(fit.curves[0]!.nCensor)).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 1]);
  });

  for (const curve of fit.curves) {
    it(`matches R's survival, standard error and 95 % limits for ${curve.group}`, () => {
      const rows = AML_SUMMARY[curve.group as keyof typeof AML_SUMMARY];
      for (const [t, nRisk, nEvent, s, se, lo, up] of rows) {
        const k = Array.from(curve.time).indexOf(t);
        expect(curve.nRisk[k]).toBe(nRisk);
        expect(curve.nEvent[k]).toBe(nEvent);
        expectNear(curve.survival[k]!, s);
        expectNear(curve.stdErr[k]!, se);
        expectNear(curve.lower[k]!, lo);
        expectNear(curve.upper[k]!, up);
      }
    });
  }

  it('gives no limits where survival reaches 0, as R gives NA', () => {
    const last = fit.curves[1]!;
    const k = last.time.length - 1;
    expect(last.survival[k]).toBe(0);
    expect(last.stdErrLog[k]).toBe(Number.POSITIVE_INFINITY);
    const at = evaluateSurvivalAt(last, [45, 50]);
    expect(at.map((a) => [a.survival, a.stdErr, a.lower, a.upper])).toEqual([
      [0, null, null, null],
      [0, null, null, null],
    ]);
  });

  it('reads the quartiles and their limits as quantile.survfit', () => {
    const toRow = (q: ReturnType<typeof estimateSurvivalQuantiles>) => q.map((x) => [x.time, x.lower, x.upper]);
    expect(toRow(estimateSurvivalQuantiles(fit.curves[0]!))).toEqual([
      [18, 13, null],
      [31, 18, null],
      [48, 34, null],
    ]);
    expect(toRow(estimateSurvivalQuantiles(fit.curves[1]!))).toEqual([
      [8, 5, 30],
      [23, 8, null],
      [33, 27, null],
    ]);
  });

  it('gives the pooled median 27 weeks: CI 18–48 by quantile.survfit, 18–45 as print(survfit) shows', () => {
    const pooled = estimateKaplanMeier({ time: AML.time, event: AML.event });
    expect(pooled.curves[0]!.group).toBe('all');
    expect(estimateMedianSurvival(pooled.curves[0]!)).toEqual({ p: 0.5, time: 27, lower: 18, upper: 48 });
    expect(estimateMedianSurvival(pooled.curves[0]!, 'print')).toEqual({ p: 0.5, time: 27, lower: 18, upper: 45 });
  });

  it('gives the log-rank test of survdiff: chi-square 3.40 on 1 df, p = 0.065', () => {
    const test = compareByLogRank(AML);
    expect(test.groups.map((g) => g.observed)).toEqual([7, 11]);
    expectNear(test.groups[0]!.expected, 10.6893359923007);
    expectNear(test.groups[1]!.expected, 7.31066400769928);
    expect(test.df).toBe(1);
    expectNear(test.chiSquare, 3.3963886989776);
    expectNear(test.pValue, 0.0653393220405051);
  });
});

describe('reading the curve at chosen days', () => {
  const curve = estimateKaplanMeier({ time: [2, 3, 3, 5, 7, 8], event: [1, 0, 1, 1, 0, 0] }).curves[0]!;

  it('is 1 before the first exit, steps on the day of an event and carries the last value forward', () => {
    const at = evaluateSurvivalAt(curve, [0, 2, 2.5, 3, 6, 9]);
    expect(at.map((a) => a.nRisk)).toEqual([6, 6, 5, 5, 2, 0]);
    expect(at.map((a) => a.beyondLastTime)).toEqual([false, false, false, false, false, true]);
    expectNear(at[0]!.survival, 1);
    expect([at[0]!.lower, at[0]!.upper, at[0]!.stdErr]).toEqual([1, 1, 0]);
    expectNear(at[1]!.survival, 5 / 6);
    expectNear(at[3]!.survival, 2 / 3);
    expectNear(at[5]!.survival, 4 / 9);
    expectNear(at[5]!.lower, 0.1668079, 6);
  });
});

describe("R's quantile rule for flat stretches", () => {
  it('takes the midpoint of a stretch where survival is exactly one half', () => {
    const c = estimateKaplanMeier({ time: [10, 20, 30, 40], event: [1, 1, 0, 1] }).curves[0]!;
    expect(estimateMedianSurvival(c).time).toBe(30);
  });
  it('takes the midpoint to the last follow-up when the curve ends at one half (print shows the first day)', () => {
    const c = estimateKaplanMeier({ time: [10, 20, 50, 60], event: [1, 1, 0, 0] }).curves[0]!;
    expect(estimateMedianSurvival(c).time).toBe(40);
    expect(estimateMedianSurvival(c, 'print').time).toBe(20);
  });
  it('has no median when fewer than half found a job, though the lower limit may exist', () => {
    const c = estimateKaplanMeier({ time: [10, 20, 30], event: [1, 0, 0] }).curves[0]!;
    expect(estimateMedianSurvival(c)).toEqual({ p: 0.5, time: null, lower: 10, upper: null });
  });
});

describe('cumulative incidence with competing exits, as multi-state survfit', () => {
  // R: survfit(Surv(tt, st) ~ 1) with st = factor(c(0,1,2,1,0,2,1,2), 0:2, c("censor","job","education")).
  const input = { time: [1, 2, 3, 4, 5, 6, 7, 8], cause: [0, 'job', 'education', 'job', 0, 'education', 'job', 'education'] as (string | 0)[] };
  const curve = estimateCumulativeIncidence(input).curves[0]!;
  const job = curve.incidence[curve.causes.indexOf('job')]!;
  const education = curve.incidence[curve.causes.indexOf('education')]!;

  it('counts education as a competing exit, not as censoring', () => {
    const r = {
      job: [0, 0.142857142857143, 0.142857142857143, 0.285714285714286, 0.285714285714286, 0.285714285714286, 0.476190476190476, 0.476190476190476],
      jobSe: [0, 0.132260014253222, 0.132260014253222, 0.170746944190628, 0.170746944190628, 0.170746944190628, 0.204157204450746, 0.204157204450746],
      edu: [0, 0, 0.142857142857143, 0.142857142857143, 0.142857142857143, 0.333333333333333, 0.333333333333333, 0.523809523809524],
      eduSe: [0, 0, 0.132260014253222, 0.132260014253222, 0.132260014253222, 0.194403947839935, 0.194403947839935, 0.204157204450746],
    };
    r.job.forEach((v, k) => expectNear(job.estimate[k]!, v));
    r.jobSe.forEach((v, k) => expectNear(job.stdErr[k]!, v));
    r.edu.forEach((v, k) => expectNear(education.estimate[k]!, v));
    r.eduSe.forEach((v, k) => expectNear(education.stdErr[k]!, v));
    // A naive 1 − KM that censored education would claim far more jobs.
    const naive = estimateKaplanMeier({ time: input.time, event: input.cause.map((c) => (c === 'job' ? 1 : 0)) }).curves[0]!;
    expect(1 - naive.survival[7]!).toBeGreaterThan(job.estimate[7]! + 0.15);
  });

  it('has no interval where the incidence is still 0, and reads values at chosen days', () => {
    expect(Number.isNaN(education.lower[1]!)).toBe(true);
    const at = evaluateIncidenceAt(curve, 'job', [0.5, 2, 100]);
    expect(at.map((a) => [a.incidence, a.lower, a.beyondLastTime])).toEqual([
      [0, null, false],
      [job.estimate[1], job.lower[1], false],
      [job.estimate[7], job.lower[7], true],
    ]);
    expect(estimateIncidenceQuantile(curve, 'education', 0.5).time).toBe(8);
    expect(() => evaluateIncidenceAt(curve, 'moving', [1])).toThrow(SurvivalInputError);
  });
});

describe('numerical helpers agree with R', () => {
  it('normal quantiles as qnorm', () => {
    expect(normalQuantile(0.975)).toBe(1.9599639845400536);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035488999, 15);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.3613409024040557, 14);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.52440051270804067, 15);
  });
  it('chi-square tail probabilities as pchisq(lower.tail = FALSE), small ones with relative precision', () => {
    const cases: [number, number, number][] = [
      [0.5, 1, 0.479500122186953],
      [3.84, 1, 0.0500435212487052],
      [30, 3, 1.38005703129325e-6],
      [200, 49, 3.8447471714016e-20],
    ];
    for (const [x, df, p] of cases) expect(Math.abs(chiSquareUpperTail(x, df) - p) / p).toBeLessThan(1e-12);
    expect(chiSquareUpperTail(1500, 2)).toBeLessThan(1e-300);
  });
});

describe('bad input is refused with the row named', () => {
  it.each([
    ['a negative time', { time: [1, -2], event: [1, 0] }, 'time', 1],
    ['a missing time', { time: [1, Number.NaN], event: [1, 0] }, 'time', 1],
    ['an event code other than 0/1', { time: [1, 2], event: [1, 2] }, 'event', 1],
  ])('refuses %s', (_name, input, field, row) => {
    try {
      estimateKaplanMeier(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SurvivalInputError);
      expect((error as SurvivalInputError).field).toBe(field);
      expect((error as SurvivalInputError).row).toBe(row);
    }
  });
  it('refuses columns of different length', () => {
    expect(() => estimateKaplanMeier({ time: [1, 2], event: [1] })).toThrow(SurvivalInputError);
  });
});

describe('properties over random spells', () => {
  const spellArb = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 60 }), cause: fc.constantFrom<string | 0>(0, 'job', 'job', 'education', 'moving'), group: fc.constantFrom('a', 'b', 'c') }),
    { minLength: 1, maxLength: 80 },
  );
  const columns = (rows: { time: number; cause: string | 0; group: string }[]) => ({
    time: rows.map((r) => r.time),
    event: rows.map((r) => (r.cause === 'job' ? 1 : 0)),
    cause: rows.map((r) => r.cause),
    group: rows.map((r) => r.group),
  });

  it('counting and sorting tabulation give identical curves', () => {
    fc.assert(
      fc.property(spellArb, (rows) => {
        const a = estimateKaplanMeier(columns(rows), { tabulation: 'count' });
        const b = estimateKaplanMeier(columns(rows), { tabulation: 'sort' });
        expect(b).toEqual(a);
        const c = estimateCumulativeIncidence(columns(rows), { tabulation: 'count' });
        const d = estimateCumulativeIncidence(columns(rows), { tabulation: 'sort' });
        expect(d).toEqual(c);
      }),
    );
  });

  it('survival never rises and its limits enclose it', () => {
    fc.assert(
      fc.property(spellArb, (rows) => {
        for (const c of estimateKaplanMeier(columns(rows)).curves) {
          for (let k = 0; k < c.time.length; k++) {
            if (k > 0) expect(c.survival[k]!).toBeLessThanOrEqual(c.survival[k - 1]!);
            if (c.survival[k]! > 0) {
              expect(c.lower[k]!).toBeLessThanOrEqual(c.survival[k]! + 1e-15);
              expect(c.upper[k]!).toBeGreaterThanOrEqual(c.survival[k]! - 1e-15);
              expect(c.upper[k]!).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
    );
  });

  it('event-free probability and the incidences add up to 1, and one cause alone gives 1 − KM', () => {
    fc.assert(
      fc.property(spellArb, (rows) => {
        for (const c of estimateCumulativeIncidence(columns(rows)).curves) {
          for (let k = 0; k < c.time.length; k++) {
            const total = c.eventFree.estimate[k]! + c.incidence.reduce((s, b) => s + b.estimate[k]!, 0);
            expect(total).toBeCloseTo(1, 12);
          }
        }
        const onlyJobs = rows.map((r) => ({ ...r, cause: r.cause === 'job' ? 'job' : (0 as const) }));
        if (!onlyJobs.some((r) => r.cause === 'job')) return;
        const km = estimateKaplanMeier(columns(onlyJobs)).curves;
        const ci = estimateCumulativeIncidence(columns(onlyJobs)).curves;
        km.forEach((curve, g) => {
          const job = ci[g]!.incidence[0]!;
          for (let k = 0; k < curve.time.length; k++) expect(job.estimate[k]!).toBeCloseTo(1 - curve.survival[k]!, 12);
        });
      }),
    );
  });
});
