// Issue "exports": an export of 1,000,000 responses streams with flat memory (goal: peak RSS under 200 MB).
// Each export runs in its own process, so the figure is the export's own peak. Runs: a tiny export (the process's
// baseline), 100k rows and 1M rows with Node's default heap, and 1M rows with the old generation capped at 64 MB
// (showing that what grows under the default heap is uncollected garbage, not rows held in memory).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connect, migrateToLatest } from '../db/connect.ts';
import { seedDemo } from '../db/seed.ts';
import { tempFile } from './lib.ts';

interface Run { rows: number; bytes: number; seconds: number; maxRssMb: number }

function run(file: string, dataset: string, format: string, range: string, nodeOptions = ''): Run | string {
  const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['bench/export-child.ts', file, dataset, format, range], {
    encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  if (r.status !== 0) return r.stderr.slice(-300);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
}

function line(label: string, r: Run | string): string {
  if (typeof r === 'string') return `  ${label}: failed: ${r}`;
  return `  ${label}: ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.seconds.toFixed(1)} s = ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s; peak RSS ${r.maxRssMb.toFixed(0)} MB`;
}

export async function benchExports(): Promise<void> {
  console.log('\n== Export of 1M responses (streamed from a cursor; peak RSS of the exporting process; goal < 200 MB)');
  const file = tempFile('exports.db');
  const conn = connect(file);
  await migrateToLatest(conn.db);
  const started = Date.now();
  await seedDemo(conn.db, { scale: 1_000_000 / 52_530 });
  const total = Number((await sql<{ n: number }>`select count(*) as n from responses where exclusion_reason is null`.execute(conn.db)).rows[0]!.n);
  await conn.close();
  console.log(`  seeded ${total.toLocaleString('en')} responses in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const all = 'from=2025-01-01&to=2026-12-31';
  console.log(line('baseline (scores.csv, 36 rows)', run(file, 'scores', 'csv', 'period=2026')));
  console.log(line('responses.csv, 2 months, default heap', run(file, 'responses', 'csv', 'from=2026-03-01&to=2026-04-30')));
  console.log(line('responses.csv, all, default heap', run(file, 'responses', 'csv', all)));
  for (const format of ['csv', 'ndjson', 'xlsx']) {
    console.log(line(`responses.${format}, all, old generation capped at 64 MB`, run(file, 'responses', format, all, '--max-old-space-size=64')));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExports();
