// Issue "public scores": reading a unit's scores or a region's scoreboard costs the same at 10,000 and at 1,000,000
// responses, because every score is read from the daily rollups. Prints both timings and their ratio (goal ≤ 1.5×).
import { sql } from 'kysely';
import { connect, migrateToLatest } from '../db/connect.ts';
import { seedDemo } from '../db/seed.ts';
import { createApp } from '../server/app.ts';
import { ms, tempFile, timeIt, type Timing } from './lib.ts';

const SIZES = [
  { label: '10k', scale: 10_000 / 52_530 },
  { label: '1M', scale: 1_000_000 / 52_530 },
];
const QUERIES = [
  { label: 'unit scores, quarter', path: '/api/units/dukcapil-kota-palembang/scores?period=2026-Q3' },
  { label: 'unit scores, year', path: '/api/units/dukcapil-kota-palembang/scores?period=2026' },
  { label: 'scoreboard, Provinsi Gorontalo, quarter', path: '/api/scoreboard?region=75&period=2026-Q3' },
  { label: 'scoreboard, national, year', path: '/api/scoreboard?period=2026' },
];
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);

async function measure(scale: number) {
  const conn = connect(tempFile('scores.db'));
  await migrateToLatest(conn.db);
  const started = Date.now();
  const summary = await seedDemo(conn.db, { scale });
  const seedSeconds = (Date.now() - started) / 1000;
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
  return { responses: summary.responses, rollupRows: Number(rollups.rows[0]!.n), monthlyRows: Number(monthly.rows[0]!.n), seedSeconds, timings };
}

export async function benchScores(): Promise<void> {
  console.log(`\n== Score reads from rollups: 10k vs 1M responses (${ITERATIONS} requests each, in-process)`);
  const results = [];
  for (const size of SIZES) {
    const r = await measure(size.scale);
    console.log(`  ${size.label}: ${r.responses.toLocaleString('en')} responses, ${r.rollupRows.toLocaleString('en')} daily and ${r.monthlyRows.toLocaleString('en')} monthly rollup rows (seeded in ${r.seedSeconds.toFixed(1)} s)`);
    results.push(r);
  }
  for (const [i, q] of QUERIES.entries()) {
    const small = results[0]!.timings[i]!;
    const large = results[1]!.timings[i]!;
    console.log(
      `  ${q.label}: 10k p50 ${ms(small.p50)} p95 ${ms(small.p95)} | 1M p50 ${ms(large.p50)} p95 ${ms(large.p95)} | ratio p50 ${(large.p50 / small.p50).toFixed(2)}× p95 ${(large.p95 / small.p95).toFixed(2)}× (goal ≤ 1.5×)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchScores();
