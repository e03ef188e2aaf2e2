// Benchmark of the survival engine against R's survfit.
//   npx tsx bench/survival.ts [--json] [--n 1000000] [--strata 50] [--fractional] [--repeats 5]
// Times estimation only (data already in memory): Kaplan–Meier curves with Greenwood errors and
// limits for every stratum (the figure compared with R, whose survfit computes the same), and
// separately with the median of each added. Where Rscript exists, times R's
// survfit(Surv(time, status) ~ group) on the same spells (the call alone, via system.time).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareByLogRank, estimateCumulativeIncidence, estimateKaplanMeier, estimateMedianSurvival } from '../src/core/survival/index.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const asJson = process.argv.includes('--json');
const fractional = process.argv.includes('--fractional');
const n = option('n', 1_000_000);
const strata = option('strata', 50);
const repeats = option('repeats', 5);

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

// Spells: exponential durations with a scale per stratum, capped at two years (the end of
// follow-up), 70 % ending in a job, the rest censored or leaving for other reasons.
const random = mulberry32(20240601);
const time = new Float64Array(n);
const event = new Uint8Array(n);
const cause: (string | 0)[] = new Array(n);
const group: string[] = new Array(n);
const labels = Array.from({ length: strata }, (_, g) => `afd-${String(g + 1).padStart(2, '0')}`);
for (let i = 0; i < n; i++) {
  const g = Math.floor(random() * strata);
  const raw = -Math.log(1 - random()) * (90 + 3 * g);
  const t = Math.min(fractional ? Math.round(raw * 1000) / 1000 : Math.floor(raw), 730);
  const u = random();
  time[i] = t;
  event[i] = t < 730 && u < 0.7 ? 1 : 0;
  cause[i] = t >= 730 || u >= 0.9 ? 0 : u < 0.7 ? 'job' : u < 0.8 ? 'education' : 'moving';
  group[i] = labels[g]!;
}

function timeIt(fn: () => void): { best: number; median: number } {
  fn(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  runs.sort((a, b) => a - b);
  return { best: runs[0]!, median: runs[Math.floor(runs.length / 2)]! };
}

const km = timeIt(() => estimateKaplanMeier({ time, event, group }));
const kmWithMedians = timeIt(() => {
  const fit = estimateKaplanMeier({ time, event, group });
  for (const curve of fit.curves) estimateMedianSurvival(curve);
});
const logRank = timeIt(() => compareByLogRank({ time, event, group }));
const incidence = timeIt(() => estimateCumulativeIncidence({ time, cause, group }));

let rSeconds: number[] | null = null;
let rNote = 'Rscript not found';
if (spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'jobspor-bench-'));
  try {
    const csv = join(dir, 'spells.csv');
    const lines = ['time,status,group'];
    for (let i = 0; i < n; i++) lines.push(`${time[i]},${event[i]},${group[i]}`);
    writeFileSync(csv, lines.join('\n') + '\n');
    const script = join(dirname(fileURLToPath(import.meta.url)), 'survival-survfit.R');
    const run = spawnSync('Rscript', [script, csv, String(repeats)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status === 0) {
      rSeconds = run.stdout.trim().split('\n').map(Number);
      rNote = 'survfit(Surv(time, status) ~ group), system.time elapsed';
    } else rNote = `Rscript failed: ${run.stderr.slice(0, 500)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const rBestMs = rSeconds ? Math.min(...rSeconds) * 1000 : null;
const rMedianMs = rSeconds ? [...rSeconds].sort((a, b) => a - b)[Math.floor(rSeconds.length / 2)]! * 1000 : null;

const result = {
  n,
  strata,
  times: fractional ? 'fractional days (sorting path)' : 'whole days (counting path)',
  repeats,
  jobsporKaplanMeierMs: km,
  jobsporKaplanMeierWithMediansMs: kmWithMedians,
  jobsporLogRankMs: logRank,
  jobsporCumulativeIncidenceMs: incidence,
  rSurvfitMs: rBestMs === null ? null : { best: rBestMs, median: rMedianMs },
  speedupBest: rBestMs === null ? null : rBestMs / km.best,
  speedupMedian: rMedianMs === null ? null : rMedianMs / km.median,
  note: rNote,
};

if (asJson) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const f = (x: number) => x.toFixed(1);
  console.log(`${n} spells in ${strata} strata, ${result.times}; best/median of ${repeats} runs`);
  console.log(`Jobspor Kaplan–Meier:           ${f(km.best)} / ${f(km.median)} ms`);
  console.log(`Jobspor Kaplan–Meier + medians: ${f(kmWithMedians.best)} / ${f(kmWithMedians.median)} ms`);
  console.log(`Jobspor log-rank:               ${f(logRank.best)} / ${f(logRank.median)} ms`);
  console.log(`Jobspor cumulative incidence:   ${f(incidence.best)} / ${f(incidence.median)} ms`);
  if (rBestMs !== null) {
    console.log(`R survfit:                      ${f(rBestMs)} / ${f(rMedianMs!)} ms`);
    console.log(`Ratio R / Jobspor:              ${result.speedupBest!.toFixed(1)}× (best), ${result.speedupMedian!.toFixed(1)}× (median)`);
  } else console.log(`R: ${rNote}`);
}
