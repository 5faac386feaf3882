// Reading a unit's scores or a region's scoreboard costs the same at 10 thousand, 1 million and 10 million responses,
// because every score is read from the rollups. Each size is the demo world seeded with 10,000 responses, topped up
// with plain ratings by the bulk seeder. Prints the timings and the ratios to 10k (goals: p95 < 10 ms, ≤ 1.5×).
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { connect, migrateToLatest } from '../db/connect.ts';
import { seedDemo } from '../db/seed.ts';
import { createApp } from '../server/app.ts';
import { bulkAddResponses } from './bulk-seed.ts';
import { ms, tempFile, timeIt, type Timing } from './lib.ts';

const WORLD = 10_000;
const SIZES = [
  { label: '10k', total: WORLD },
  { label: '1M', total: 1_000_000 },
  { label: '10M', total: 10_000_000 },
].filter((s) => s.total <= Number(process.env.BENCH_MAX_RESPONSES ?? Infinity));
const QUERIES = [
  { label: 'unit scores, quarter', path: '/api/units/dukcapil-kota-palembang/scores?period=2026-Q3' },
  { label: 'unit scores, year', path: '/api/units/dukcapil-kota-palembang/scores?period=2026' },
  { label: 'scoreboard, Provinsi Gorontalo, quarter', path: '/api/scoreboard?region=75&period=2026-Q3' },
  { label: 'scoreboard, national, year', path: '/api/scoreboard?period=2026' },
];
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);

async function measure(total: number) {
  const file = tempFile('scores.db');
  const world = connect(file);
  await migrateToLatest(world.db);
  const started = Date.now();
  const summary = await seedDemo(world.db, { scale: WORLD / 52_530 });
  await world.close();
  if (total > summary.responses) bulkAddResponses(file, total - summary.responses);
  const seedSeconds = (Date.now() - started) / 1000;
  const conn = connect(file);
  const responses = Number((await sql<{ n: number }>`select count(*) as n from responses`.execute(conn.db)).rows[0]!.n);
  const rollups = await sql<{ n: number }>`select count(*) as n from score_daily`.execute(conn.db);
  const monthly = await sql<{ n: number }>`select count(*) as n from score_monthly`.execute(conn.db);
  const app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') });
  const timings: Timing[] = [];
  for (const q of QUERIES) {
    timings.push(
      await timeIt(ITERATIONS, async () => {
        const res = await app.request(q.path);
        if (res.status !== 200) throw new Error(`${q.path}: ${res.status}`);
        await res.arrayBuffer();
      }),
    );
  }
  await conn.close();
  rmSync(dirname(file), { recursive: true, force: true });
  return { responses, rollupRows: Number(rollups.rows[0]!.n), monthlyRows: Number(monthly.rows[0]!.n), seedSeconds, timings };
}

export async function benchScores(): Promise<void> {
  console.log(`\n== Score reads from rollups at ${SIZES.map((s) => s.label).join(', ')} responses (${ITERATIONS} requests each, in-process, SQLite)`);
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  for (const size of SIZES) {
    const r = await measure(size.total);
    console.log(`  ${size.label}: ${r.responses.toLocaleString('en')} responses, ${r.rollupRows.toLocaleString('en')} daily and ${r.monthlyRows.toLocaleString('en')} monthly rollup rows (seeded in ${r.seedSeconds.toFixed(1)} s)`);
    results.push(r);
  }
  for (const [i, q] of QUERIES.entries()) {
    const small = results[0]!.timings[i]!;
    const cells = results.map((r, k) => `${SIZES[k]!.label} p50 ${ms(r.timings[i]!.p50)} p95 ${ms(r.timings[i]!.p95)}`);
    const ratios = results.slice(1).map((r, k) => `${SIZES[k + 1]!.label}/10k p95 ${(r.timings[i]!.p95 / small.p95).toFixed(2)}×`);
    console.log(`  ${q.label}: ${cells.join(' | ')} | ${ratios.join(', ')} (goals: p95 < 10 ms, ≤ 1.5×)`);
  }
  const worst = Math.max(...results.flatMap((r) => r.timings.map((t) => t.p95)));
  const worstRatio = Math.max(...QUERIES.map((_, i) => results.at(-1)!.timings[i]!.p95 / results[0]!.timings[i]!.p95));
  console.log(`  slowest p95 at any size: ${ms(worst)}; largest ${SIZES.at(-1)!.label}/10k p95 ratio: ${worstRatio.toFixed(2)}×`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScores();
