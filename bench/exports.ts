// Issue "exports": an export of 1,000,000 responses streams with flat memory (goal: peak RSS under 200 MB).
// Each export runs in its own process as `npm start` runs the server: bundled JavaScript (server/bundle.mjs builds
// bench/export-child.ts as it builds server/main.ts, docs/decisions/053) under node with source maps and an old
// generation of 96 MB (docs/decisions/015), so the figure is the export's own peak. Also shown: the process's baseline, a 2-month export,
// and the 1M export under Node's default heap, where V8 lets garbage pile up before collecting it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connect, migrateToLatest } from '../db/connect.ts';
import { seedDemo } from '../db/seed.ts';
import { ensureServer, ROOT } from '../server/bundle.mjs';
import { tempFile } from './lib.ts';

interface Run { rows: number; bytes: number; seconds: number; maxRssMb: number }

function run(child: string, file: string, dataset: string, format: string, range: string, nodeOptions = ''): Run | string {
  const r = spawnSync(process.execPath, ['--enable-source-maps', child, file, dataset, format, range], {
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
  const child = await ensureServer({ entry: 'bench/export-child.ts', outDir: join(ROOT, 'build', 'bench') });
  const all = 'from=2025-01-01&to=2026-12-31';
  const server = '--max-old-space-size=96';
  console.log(line('baseline (scores.csv, 36 rows)', run(child, file, 'scores', 'csv', 'period=2026', server)));
  console.log(line('responses.csv, 2 months', run(child, file, 'responses', 'csv', 'from=2026-03-01&to=2026-04-30', server)));
  for (const format of ['csv', 'ndjson', 'xlsx']) console.log(line(`responses.${format}, all 1M`, run(child, file, 'responses', format, all, server)));
  console.log(line('responses.csv, all 1M, Node default heap (for comparison)', run(child, file, 'responses', 'csv', all)));
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExports();
