// Reading a unit's scores or a region's scoreboard costs the same at 10 thousand, 1 million and 10 million responses,
// because every score is read from the rollups. Each size is the demo world seeded with 10,000 responses, topped up
// with plain ratings by the bulk seeder. Prints the timings and the ratios to 10k (goals: p95 < 10 ms, ≤ 1.5×), and
// beside them the PEER BASELINE (bench/peer.ts): the same reads computed the way typical e-SKM apps compute them, by a
// GROUP BY over the raw responses on every request, with the ratio peer ÷ Rapor. At the largest size it prints the
// query plan of the national yearly scoreboard's read (docs/decisions/036).
//
// BENCH_MAX_RESPONSES caps the sizes (e.g. 1000000 to skip 10 M), BENCH_SCORES_SIZES picks some (e.g. 10k,10M);
// BENCH_ITERATIONS sets Rapor's requests per query; BENCH_PEER=off skips the peer; BENCH_SCORES_DIR keeps the seeded files in that directory and reuses them on the next run (reads never change them).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import { connect, migrateToLatest } from '../db/connect.ts';
import type { Database } from '../core/schema.ts';
import { seedDemo } from '../db/seed.ts';
import { createApp } from '../server/app.ts';
import { bulkAddResponses } from './bulk-seed.ts';
import { ms, tempFile, timeInterleaved, timeWithin, type Timing } from './lib.ts';
import { createPeerApp } from './peer.ts';

const WORLD = 10_000;
const SIZES = [
  { label: '10k', total: WORLD },
  { label: '1M', total: 1_000_000 },
  { label: '10M', total: 10_000_000 },
].filter((s) => s.total <= Number(process.env.BENCH_MAX_RESPONSES ?? Infinity))
  .filter((s) => !process.env.BENCH_SCORES_SIZES || process.env.BENCH_SCORES_SIZES.split(',').includes(s.label));
const QUERIES = [
  { label: 'unit scores, quarter', path: '/api/units/dukcapil-kota-palembang/scores?period=2026-Q3' },
  { label: 'unit scores, year', path: '/api/units/dukcapil-kota-palembang/scores?period=2026' },
  { label: 'scoreboard, Provinsi Gorontalo, quarter', path: '/api/scoreboard?region=75&period=2026-Q3' },
  { label: 'scoreboard, national, year', path: '/api/scoreboard?period=2026' },
];
const NATIONAL = QUERIES[3]!.path;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
/** The peer takes seconds per request at 10 M: at most this many requests, or this long, per query and size. */
const PEER_ITERATIONS = Math.min(ITERATIONS, 200);
const PEER_BUDGET_MS = 10_000;
const PEER = process.env.BENCH_PEER !== 'off';
const NOW = () => new Date('2026-11-23T03:00:00Z');

interface SizeResult {
  responses: number;
  rollupRows: number;
  monthlyRows: number;
  seedSeconds: number | null;
  timings: Timing[];
  peer: Timing[];
  sameAnswers: boolean;
  plan: string[];
}

async function seededFile(label: string, total: number): Promise<{ file: string; seedSeconds: number | null; temporary: boolean }> {
  const dir = process.env.BENCH_SCORES_DIR;
  const file = dir ? join(dir, `scores-${label}.db`) : tempFile('scores.db');
  if (dir && existsSync(file)) return { file, seedSeconds: null, temporary: false };
  if (dir) mkdirSync(dir, { recursive: true });
  const world = connect(file);
  await migrateToLatest(world.db);
  const started = Date.now();
  const summary = await seedDemo(world.db, { scale: WORLD / 52_530 });
  await world.close();
  if (total > summary.responses) bulkAddResponses(file, total - summary.responses);
  return { file, seedSeconds: (Date.now() - started) / 1000, temporary: !dir };
}

/** The SQL statements one request runs, with SQLite's plan for each (EXPLAIN QUERY PLAN). */
async function plansOf(file: string, path: string): Promise<string[]> {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  const seen: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => void (e.level === 'query' && seen.push(e.query)) });
  try {
    const res = await createApp({ db, now: NOW }).request(path);
    await res.arrayBuffer();
    return seen.flatMap((q) => [
      `${q.sql.replace(/\s+/g, ' ').replace(/(sum\(r\."\w+"\) as "\w+"(, )?)+/g, 'sum(…) ').slice(0, 160)}…`,
      ...(sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((p) => `    ${p.detail}`),
    ]);
  } finally {
    await db.destroy();
  }
}

interface OpenSize {
  label: string;
  total: number;
  file: string;
  temporary: boolean;
  seedSeconds: number | null;
  conn: ReturnType<typeof connect>;
  get(path: string): Promise<string>;
  peer(path: string): Promise<string>;
}

async function open(label: string, total: number): Promise<OpenSize> {
  const { file, seedSeconds, temporary } = await seededFile(label, total);
  const conn = connect(file);
  const app = createApp({ db: conn.db, now: NOW });
  const peer = createPeerApp(conn.db, NOW);
  const get = (target: { request: typeof app.request }) => async (path: string) => {
    const res = await target.request(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return res.text();
  };
  return { label, total, file, temporary, seedSeconds, conn, get: get(app), peer: get(peer) };
}

async function measureAll(): Promise<SizeResult[]> {
  // Every size is seeded first and then all are measured in turns, so no size is timed while the disk still writes
  // back a freshly seeded file, and a busy machine's slow moments fall on every size alike.
  const sizes: OpenSize[] = [];
  for (const size of SIZES) sizes.push(await open(size.label, size.total));
  const results: SizeResult[] = [];
  for (const s of sizes) {
    const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(s.conn.db)).rows[0]!.n);
    let sameAnswers = true;
    if (PEER) for (const q of QUERIES) if ((await s.get(q.path)) !== (await s.peer(q.path))) sameAnswers = false;
    results.push({
      responses: await count('responses'), rollupRows: await count('score_daily'), monthlyRows: await count('score_monthly'),
      seedSeconds: s.seedSeconds, timings: [], peer: [], sameAnswers, plan: [],
    });
  }
  for (const q of QUERIES) {
    const timings = await timeInterleaved(ITERATIONS, sizes.map((s) => () => s.get(q.path)));
    timings.forEach((t, k) => results[k]!.timings.push(t));
  }
  if (PEER) {
    for (const [k, s] of sizes.entries()) {
      for (const q of QUERIES) results[k]!.peer.push(await timeWithin(PEER_ITERATIONS, PEER_BUDGET_MS, () => s.peer(q.path), s.total >= 1_000_000 ? 0 : 5));
    }
  }
  for (const s of sizes) await s.conn.close();
  results.at(-1)!.plan = await plansOf(sizes.at(-1)!.file, NATIONAL);
  for (const s of sizes) if (s.temporary) rmSync(dirname(s.file), { recursive: true, force: true });
  return results;
}

export async function benchScores(): Promise<void> {
  console.log(`\n== Score reads from rollups at ${SIZES.map((s) => s.label).join(', ')} responses (${ITERATIONS} requests each, in-process, SQLite)${PEER ? ', beside the peer baseline' : ''}`);
  const results = await measureAll();
  for (const [i, size] of SIZES.entries()) {
    const r = results[i]!;
    const seeded = r.seedSeconds === null ? 'reused' : `seeded in ${r.seedSeconds.toFixed(1)} s`;
    console.log(`  ${size.label}: ${r.responses.toLocaleString('en')} responses, ${r.rollupRows.toLocaleString('en')} daily and ${r.monthlyRows.toLocaleString('en')} monthly rollup rows (${seeded})${PEER ? `; peer's answers ${r.sameAnswers ? 'equal' : 'DIFFER FROM'} Rapor's` : ''}`);
  }
  console.log('  Rapor (rollups), the sizes measured in turns:');
  for (const [i, q] of QUERIES.entries()) {
    const small = results[0]!.timings[i]!;
    const cells = results.map((r, k) => `${SIZES[k]!.label} p50 ${ms(r.timings[i]!.p50)} p95 ${ms(r.timings[i]!.p95)} cpu ${ms(r.timings[i]!.cpuMean!)}`);
    const ratios = results.slice(1).map((r, k) => `${SIZES[k + 1]!.label}/10k p95 ${(r.timings[i]!.p95 / small.p95).toFixed(2)}×, cpu ${(r.timings[i]!.cpuMean! / small.cpuMean!).toFixed(2)}×`);
    console.log(`    ${q.label}: ${cells.join(' | ')} | ${ratios.join(', ')} (goals: p95 < 10 ms, ≤ 1.5×)`);
  }
  const worst = Math.max(...results.flatMap((r) => r.timings.map((t) => t.p95)));
  const worstRatio = Math.max(...QUERIES.map((_, i) => results.at(-1)!.timings[i]!.p95 / results[0]!.timings[i]!.p95));
  const worstCpuRatio = Math.max(...QUERIES.map((_, i) => results.at(-1)!.timings[i]!.cpuMean! / results[0]!.timings[i]!.cpuMean!));
  console.log(`    slowest p95 at any size: ${ms(worst)}; largest ${SIZES.at(-1)!.label}/10k ratio: p95 ${worstRatio.toFixed(2)}×, CPU per request ${worstCpuRatio.toFixed(2)}× (cpu: this process's CPU time per request, which a busy machine does not stretch)`);
  if (PEER) console.log('  PEER BASELINE (bench/peer.ts: GROUP BY over the raw responses on each request, as typical e-SKM apps do), and peer ÷ Rapor at p50:');
  for (const [i, q] of PEER ? QUERIES.entries() : []) {
    const cells = results.map((r, k) => {
      const p = r.peer[i]!;
      return `${SIZES[k]!.label} p50 ${ms(p.p50)} p95 ${ms(p.p95)} (${p.count} req) = ${(p.p50 / r.timings[i]!.p50).toFixed(p.p50 / r.timings[i]!.p50 < 10 ? 1 : 0)}×`;
    });
    console.log(`    ${q.label}: ${cells.join(' | ')}`);
  }
  const plan = results.at(-1)!.plan;
  if (plan.length) {
    console.log(`  Query plan of the national yearly scoreboard at ${SIZES.at(-1)!.label} (EXPLAIN QUERY PLAN; sums elided):`);
    for (const line of plan) console.log(`    ${line}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScores();
