// Ratings ingested per second over HTTP: autocannon against the real server (`npm start`'s process and memory
// setting, SQLite with durable commits: synchronous=FULL, docs/decisions/004), divided by the requests per second of a
// bare Hono POST route on the same machine in the same run. Every request is a new rating from a new address, so the
// throttle never answers in its place. Goal: at least 0.5 of the bare ceiling. Then the same load on a real PostgreSQL
// server (Debian's, started here in a temporary directory by .ci/postgres) with 1, 2 and 4 server processes sharing
// it, each rating with its own durable commit or batched (docs/decisions/035).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startServer } from '../tests/support/browser.ts';
import { ms } from './lib.ts';

const DURATION_S = Number(process.env.BENCH_INGEST_SECONDS ?? 15);
const CONNECTIONS = 16;
const UNIT = 'dukcapil-kota-gorontalo';

interface Load { rps: number; ok: number; other: number; errors: number; p50: number; p99: number }

async function load(base: string, seconds: number, connections = CONNECTIONS, first = 0): Promise<Load> {
  let n = first;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: `/api/units/${UNIT}/ratings`,
      setupRequest: (req) => {
        n++;
        const answers = { U1: 1 + (n % 4), U2: 3, U3: 1 + ((n >> 2) % 4), U4: 4, U5: 3, U6: 1 + ((n >> 4) % 4), U7: 3, U8: 4, U9: 2 };
        return {
          ...req,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: 'perekaman-ktp-el', answers }),
        };
      },
    }],
  });
  const ok = result['2xx'];
  return { rps: ok / seconds, ok, other: result.non2xx, errors: result.errors + result.timeouts, p50: result.latency.p50, p99: result.latency.p99 };
}

/** The same load spread over several servers (the connections shared out), added up; latency: the worst of them. */
async function loadAll(bases: string[], seconds: number): Promise<Load> {
  const parts = await Promise.all(bases.map((b, i) => load(b, seconds, Math.max(1, Math.round(CONNECTIONS / bases.length)), (i + 1) << 20)));
  return parts.reduce((a, b) => ({
    rps: a.rps + b.rps, ok: a.ok + b.ok, other: a.other + b.other, errors: a.errors + b.errors, p50: Math.max(a.p50, b.p50), p99: Math.max(a.p99, b.p99),
  }));
}

async function bare(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'bench/bare-server.ts', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('running at') && resolve());
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const line = (label: string, r: Load) =>
  `  ${label}: ${Math.round(r.rps).toLocaleString('en')} req/s answered 2xx (${r.ok.toLocaleString('en')} in ${DURATION_S} s; ${r.other} other statuses, ${r.errors} errors); latency p50 ${ms(r.p50)} p99 ${ms(r.p99)}`;

export async function benchIngest(): Promise<void> {
  console.log(`\n== Ratings ingested over HTTP (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, after a 3 s warm-up)`);
  const ceiling = await bare();
  await load(ceiling.url, 3);
  const bareResult = await load(ceiling.url, DURATION_S);
  ceiling.stop();
  console.log(line('bare Hono POST route (ceiling)', bareResult));

  const ratio = (r: Load) => `${(r.rps / bareResult.rps).toFixed(2)} of the bare ceiling`;
  for (const batch of ['1', '64']) {
    const server = await startServer({ RAPOR_TRUST_PROXY: '1', RAPOR_DEMO: 'on', RAPOR_WRITE_BATCH: batch });
    try {
      await load(server.url, 3);
      const real = await load(server.url, DURATION_S);
      const label = batch === '1' ? 'each rating its own commit' : `group commit, up to ${batch} ratings a commit`;
      console.log(line(`Rapor POST /api/units/{slug}/ratings (SQLite, durable, ${label})`, real));
      console.log(`  ratio: ${ratio(real)}${batch === '1' ? '' : ' (goal ≥ 0.5)'}`);
    } finally {
      await server.stop();
    }
  }
  await benchIngestPostgres(ratio);
}

const PG_PROCESSES = [1, 2, 4];

/** The same load on a real PostgreSQL server (skipped, saying so, where Debian's postgresql package is missing). */
async function benchIngestPostgres(ratio: (r: Load) => string): Promise<void> {
  const bin = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  if (bin.length === 0) {
    console.log('  PostgreSQL: skipped (no server binaries in /usr/lib/postgresql: apt-get install postgresql)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapor-bench-pg-'));
  const started = spawnSync('.ci/postgres', ['start', dir], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  const url = started.stdout.trim().split('\n').pop()!;
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    console.log(`  PostgreSQL ${bin.sort().pop()} (fsync and synchronous_commit on), each server process with a pool of 10 connections:`);
    const env = { DATABASE_URL: url, RAPOR_TRUST_PROXY: '1', RAPOR_DEMO: 'on' };
    // The first migrates and seeds the demo world; the others find it ready.
    {
      const single = await startServer({ ...env, RAPOR_WRITE_BATCH: '1' });
      try {
        await load(single.url, 3);
        const r = await load(single.url, DURATION_S);
        console.log(line('PostgreSQL, 1 process, each rating its own commit', r));
        console.log(`  ratio: ${ratio(r)}`);
      } finally {
        await single.stop();
      }
    }
    for (const n of PG_PROCESSES) {
      while (servers.length < n) servers.push(await startServer(env));
      const urls = servers.map((s) => s.url);
      await loadAll(urls, 3);
      const r = await loadAll(urls, DURATION_S);
      console.log(line(`PostgreSQL, ${n} process${n > 1 ? 'es' : ''}, group commit`, r));
      console.log(`  ratio: ${ratio(r)}`);
    }
  } finally {
    for (const s of servers) await s.stop();
    spawnSync('.ci/postgres', ['stop', dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchIngest();
