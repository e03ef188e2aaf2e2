// Ranks candidates for job orders on a national-scale synthetic data set and compares Jobspor's
// matcher (the real candidatesForJobOrder, as the API calls it) with a plain PostgreSQL
// full-text-search ranking of the same CVs. Loads into a fresh PostgreSQL database (created and
// dropped) and into in-memory PGlite. Not part of CI: it takes minutes.
//
//   npm run bench:matching -- [--jobseekers 200000] [--orders 100] [--only pg|pglite] [--seed 1] [--shortlist 300] [--json]
//
// Besides the latencies it prints how much of each top 50 the shortlist keeps: the share of the
// people a ranking of every pre-filtered candidate puts in the top 50 who are in the matcher's.
//
// --keep leaves the PostgreSQL database in place and --reuse measures on it again without loading
// (for work on the matcher; a schema change needs a fresh load).
// JOBSPOR_BENCH_PG_URL: an admin URL on the server to use (default postgres://postgres@127.0.0.1:5432/test).
import { parseArgs } from 'node:util';
import { and, asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { connectDatabase, type Connection } from '../src/db/connect';
import { upsertReferenceData } from '../src/db/seed/reference';
import { findOrCreateOrganisation, writeSyntheticData } from '../src/db/seed/synthetic';
import { jobOrders, staff } from '../src/db/schema';
import { createCprCipher } from '../src/server/crypto/cpr-cipher';
import { fixedClock } from '../src/server/clock';
import { createMatchingService, SHORTLIST_SIZE } from '../src/server/brokering/matching';
import type { TenantContext } from '../src/server/context';

const { values: args } = parseArgs({
  options: {
    jobseekers: { type: 'string', default: '200000' },
    orders: { type: 'string', default: '100' },
    only: { type: 'string' },
    seed: { type: 'string', default: '1' },
    shortlist: { type: 'string', default: String(SHORTLIST_SIZE) },
    json: { type: 'boolean', default: false },
    // For working on the matcher: keep the loaded PostgreSQL database, and measure on it again.
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const JOBSEEKERS = Number(args.jobseekers);
const ORDERS = Number(args.orders);
const SEED = Number(args.seed);
const SHORTLIST = Number(args.shortlist);
const TODAY = '2026-11-02';
const WARM_UP = 10;
const TOP = 50;
if (![JOBSEEKERS, ORDERS, SEED, SHORTLIST].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--jobseekers, --orders, --seed and --shortlist must be positive whole numbers');
if (args.only !== undefined && args.only !== 'pg' && args.only !== 'pglite') throw new Error('--only must be pg or pglite');
const ADMIN_URL = process.env.JOBSPOR_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_DB = 'jobspor_bench_matching';
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);

type Latency = { p50Ms: number; p95Ms: number; meanMs: number; maxMs: number };
type DatabaseFigures = {
  loadSeconds: number;
  baselineIndexSeconds: number;
  rows: { jobseekers: number; employers: number; jobOrders: number };
  matcher: Latency & { avgConsidered: number; avgShortlisted: number; avgReturned: number; top50KeptPct: number; top50KeptMinPct: number };
  baseline: Latency & { avgReturned: number };
};

function latency(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  // Nearest rank: p95 of 100 samples is the 95th smallest.
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50Ms: round(rank(0.5)), p95Ms: round(rank(0.95)), meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length), maxMs: round(sorted[sorted.length - 1]!) };
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function openDatabase(kind: 'pg' | 'pglite'): Promise<{ conn: Connection; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const conn = await connectDatabase({ kind: 'pglite' });
    return { conn, drop: () => conn.close() };
  }
  if (!args.reuse) {
    await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${BENCH_DB}`);
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  const conn = await connectDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
  return {
    conn,
    async drop() {
      await conn.close();
      if (!args.keep) await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    },
  };
}

/**
 * The baseline: PostgreSQL's own Danish full-text search over the CV's words (skills, education,
 * summary) as a stored tsvector with a GIN index, any word of the job order's title and description
 * (plainto_tsquery's AND of every word finds almost nobody), ranked by ts_rank.
 */
async function createBaselineIndex(conn: Connection): Promise<number> {
  const t0 = performance.now();
  await conn.db.execute(
    sql.raw(`create function bench_cv_document(skills text[], education text[], summary text) returns tsvector language sql immutable parallel safe
      as $$ select to_tsvector('danish'::regconfig, array_to_string(skills, ' ') || ' ' || array_to_string(education, ' ') || ' ' || summary) $$`),
  );
  // Stored, so ts_rank reads the vector instead of parsing every matching CV again per query; in
  // a table of its own, so the matcher's CV rows stay as they are.
  await conn.db.execute(
    sql.raw(`create table bench_cv_documents as select jobseeker_id, organisation_id, bench_cv_document(skills, education, summary) as document from jobseeker_cvs`),
  );
  await conn.db.execute(sql.raw(`create index bench_cv_documents_fts on bench_cv_documents using gin (document)`));
  await conn.db.execute(sql`analyze bench_cv_documents`);
  return (performance.now() - t0) / 1000;
}

async function baselineRanking(conn: Connection, organisationId: string, text: string): Promise<number> {
  const result = await conn.db.execute(sql`
    select c.jobseeker_id, ts_rank(c.document, q) as rank
    from bench_cv_documents c, to_tsquery('danish', replace(plainto_tsquery('danish', ${text})::text, ' & ', ' | ')) q
    where c.organisation_id = ${organisationId} and c.document @@ q
    order by rank desc, c.jobseeker_id
    limit ${TOP}`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

async function runOn(kind: 'pg' | 'pglite'): Promise<DatabaseFigures> {
  const label = kind === 'pg' ? 'PostgreSQL' : 'PGlite';
  const { conn, drop } = await openDatabase(kind);
  try {
    const reuse = kind === 'pg' && args.reuse;
    await conn.migrate();
    await upsertReferenceData(conn.db);
    const db = conn.db;
    const org = await findOrCreateOrganisation(db, 'Benchmark A-kasse', SEED);
    const brokerId = '00000000-0000-4000-8000-00000000b0c0';
    if (!reuse) await db.insert(staff).values({ id: brokerId, organisationId: org.id, email: 'formidler@bench.invalid', name: 'Bente Benchmark', role: 'broker', passwordHash: '!disabled' });
    const employers = Math.max(20, Math.round(JOBSEEKERS / 100));
    const orders = Math.max(ORDERS + WARM_UP, Math.round(JOBSEEKERS / 200));
    if (!reuse) log(`${label}: loading ${JOBSEEKERS.toLocaleString('en')} jobseekers, ${employers} employers, ${orders} job orders …`);
    const t0 = performance.now();
    if (!reuse) {
      await writeSyntheticData(db, createCprCipher(Buffer.alloc(32, 7).toString('base64')), org, {
        seed: SEED,
        today: TODAY,
        jobseekers: JOBSEEKERS,
        employers,
        jobOrders: orders,
        onProgress: (done, total) => {
          if (done % 50_000 === 0 || done === total) log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
        },
      });
    }
    // As autovacuum would soon after a load: statistics, and the visibility map index-only scans need.
    await db.execute(sql`vacuum analyze`);
    const loadSeconds = (performance.now() - t0) / 1000;
    if (!reuse) log(`  loaded in ${loadSeconds.toFixed(1)} s`);
    const baselineIndexSeconds = reuse ? 0 : await createBaselineIndex(conn);

    const picked = await db
      .select({ id: jobOrders.id, title: jobOrders.title, description: jobOrders.description })
      .from(jobOrders)
      .where(and(eq(jobOrders.organisationId, org.id), eq(jobOrders.status, 'open')))
      .orderBy(asc(jobOrders.id))
      .limit(ORDERS + WARM_UP);
    if (picked.length < ORDERS + WARM_UP) throw new Error(`Only ${picked.length} open job orders; need ${ORDERS + WARM_UP}`);
    const warmUp = picked.slice(0, WARM_UP);
    const measured = picked.slice(WARM_UP);
    const ctx: TenantContext = {
      organisationId: org.id,
      actor: { kind: 'staff', id: brokerId, role: 'broker', unitId: null, name: 'Bente Benchmark' },
      purpose: 'benchmark',
      lang: 'da',
      clock: fixedClock(`${TODAY}T09:00:00Z`),
    };
    const matching = createMatchingService({ db, shortlistSize: SHORTLIST });
    const everyone = createMatchingService({ db, shortlistSize: Number.MAX_SAFE_INTEGER });
    for (const o of warmUp) {
      await matching.candidatesForJobOrder(ctx, o.id, { limit: TOP });
      await baselineRanking(conn, org.id, `${o.title} ${o.description}`);
    }
    const matcherMs: number[] = [];
    let considered = 0;
    let shortlisted = 0;
    let returned = 0;
    const kept: number[] = [];
    for (const o of measured) {
      const s = performance.now();
      const result = await matching.candidatesForJobOrder(ctx, o.id, { limit: TOP });
      matcherMs.push(performance.now() - s);
      considered += result.considered;
      shortlisted += result.shortlisted;
      returned += result.items.length;
    }
    // Not timed: the same orders ranked without a shortlist, for how much of the top 50 it keeps.
    for (const o of measured) {
      const shown = new Set((await matching.candidatesForJobOrder(ctx, o.id, { limit: TOP })).items.map((i) => i.jobseekerId));
      const all = (await everyone.candidatesForJobOrder(ctx, o.id, { limit: TOP })).items;
      kept.push(all.length === 0 ? 1 : all.filter((i) => shown.has(i.jobseekerId)).length / all.length);
    }
    const baselineMs: number[] = [];
    let baselineReturned = 0;
    for (const o of measured) {
      const s = performance.now();
      baselineReturned += await baselineRanking(conn, org.id, `${o.title} ${o.description}`);
      baselineMs.push(performance.now() - s);
    }
    return {
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      baselineIndexSeconds: Math.round(baselineIndexSeconds * 10) / 10,
      rows: { jobseekers: JOBSEEKERS, employers, jobOrders: orders },
      matcher: {
        ...latency(matcherMs),
        avgConsidered: Math.round(considered / measured.length),
        avgShortlisted: Math.round(shortlisted / measured.length),
        avgReturned: Math.round(returned / measured.length),
        top50KeptPct: Math.round((1000 * kept.reduce((a, b) => a + b, 0)) / kept.length) / 10,
        top50KeptMinPct: Math.round(1000 * Math.min(...kept)) / 10,
      },
      baseline: { ...latency(baselineMs), avgReturned: Math.round(baselineReturned / measured.length) },
    };
  } finally {
    await drop();
  }
}

const kinds: ('pg' | 'pglite')[] = args.only ? [args.only as 'pg' | 'pglite'] : ['pg', 'pglite'];
const figures: Record<string, DatabaseFigures> = {};
for (const kind of kinds) figures[kind === 'pg' ? 'postgres' : 'pglite'] = await runOn(kind);

if (args.json) {
  console.log(JSON.stringify({ jobseekers: JOBSEEKERS, orders: ORDERS, top: TOP, seed: SEED, databases: figures }));
} else {
  const rows = Object.entries(figures).map(([name, f]) => [
    name === 'postgres' ? 'PostgreSQL' : 'PGlite',
    `${f.loadSeconds} s`,
    `${f.matcher.p50Ms} / ${f.matcher.p95Ms} ms`,
    `${f.baseline.p50Ms} / ${f.baseline.p95Ms} ms`,
    `${f.matcher.avgConsidered} / ${f.matcher.avgShortlisted}`,
    `${f.matcher.top50KeptPct} % (min ${f.matcher.top50KeptMinPct} %)`,
    `${f.matcher.avgReturned} / ${f.baseline.avgReturned}`,
  ]);
  const header = ['database', 'load', 'matcher p50 / p95', 'FTS baseline p50 / p95', 'considered / shortlisted', 'top 50 kept', 'returned (matcher / FTS)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\nTop-${TOP} candidates for ${ORDERS} job orders, ${JOBSEEKERS.toLocaleString('en')} jobseekers (seed ${SEED}, shortlist ${SHORTLIST}, after ${WARM_UP} warm-up orders)\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(`\nGoal: matcher p95 under 50 ms on PostgreSQL, and no slower than the FTS baseline.`);
  console.log(`Top 50 kept: the share of a ranking of every pre-filtered candidate's top 50 that the shortlist keeps.`);
}
