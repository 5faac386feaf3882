// Soak (not in CI): the real server (`npm start`'s process and memory setting, the demo world in a fresh SQLite file)
// under mixed load for a while: ratings at a steady rate spread over each second, a unit's scores or a scoreboard read
// twice a second, and an export of every response always running (one after another, as an admin downloads them).
// Prints the server's RSS each minute, its slope, and every error; at the end, with the server stopped, checks that
// nothing was lost: every acknowledged rating is in the database, and every daily and monthly rollup row equals a
// recount from the responses. Exits 1 if anything was lost or any request failed.
//
// `npm run soak -- [minutes=10] [ratingsPerSecond=50]`, e.g. `npm run soak -- 0.5` for a 30 s try. Targets only
// 127.0.0.1 and stops by itself.
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SUM_COLUMNS } from '../db/queries/rollups.ts';
import { ensureServer } from '../server/bundle.mjs';
import { freePort } from '../tests/support/browser.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const minutes = Number(args[0] ?? 10);
const rate = Number(args[1] ?? 50);
if (!(minutes > 0) || !(rate > 0)) {
  console.error('usage: npm run soak -- [minutes=10] [ratingsPerSecond=50]');
  process.exit(2);
}

const TARGETS = [
  { slug: 'dukcapil-kota-gorontalo', service: 'perekaman-ktp-el' },
  { slug: 'dukcapil-kota-gorontalo', service: undefined },
  { slug: 'dpmptsp-kota-gorontalo', service: 'penerbitan-pbg' },
  { slug: 'dukcapil-kota-palembang', service: undefined },
];
const READS = [
  '/api/units/dukcapil-kota-gorontalo/scores?period=2026',
  '/api/scoreboard?period=2026',
  '/api/scoreboard?region=75&period=2026-Q4',
  '/api/units/dpmptsp-kota-gorontalo/scores?period=2026-Q4',
];
const EXPORT = '/api/exports/responses.csv?from=2025-01-01&to=2026-12-31';

// --- the server, started as `npm start` starts it ---------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'rapor-soak-'));
const dbFile = join(dir, 'rapor.db');
const port = await freePort();
// The bundle with npm start's flags (docs/decisions/053), built first if stale.
const child = spawn(process.execPath, ['--enable-source-maps', '--max-old-space-size=96', await ensureServer()], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbFile, RAPOR_TRUST_PROXY: '1', RAPOR_DEMO: 'on' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  child.stdout!.on('data', (b: Buffer) => b.toString().includes('running at') && resolve());
  child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

// --- load ----------------------------------------------------------------------------------------------------------
/**
 * Requests over node:http with a fresh connection each: fetch's pooled keep-alive connections race the server's idle
 * timeout (5 s) and then fail a POST with ECONNRESET, a client artefact that would read as a server error here.
 */
const agent = new Agent({ keepAlive: false, maxSockets: 256 });
interface Reply { status: number; body: string; headers: Record<string, string | string[] | undefined> }
function http(method: string, path: string, headers: Record<string, string>, body?: string, onData?: (chunk: Buffer) => void): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { method, headers, agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => (onData ? onData(chunk) : parts.push(chunk)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
const describe = (e: unknown) => `${String(e)}${(e as Error).cause ? ` (${String((e as Error).cause)})` : ''}`;
const counts = { ratings: 0, throttled: 0, reads: 0, exports: 0, exportRows: 0 };
const errors: string[] = [];
const error = (what: string) => {
  if (errors.length < 20) console.log(`  error: ${what}`);
  errors.push(what);
};
const acked = new Map<string, string>(); // response id → receipt
let sent = 0;

async function rate1(): Promise<void> {
  const i = ++sent;
  const target = TARGETS[i % TARGETS.length]!;
  const answers = { U1: 1 + (i % 4), U2: 3, U3: 1 + ((i >> 2) % 4), U4: 4, U5: 3, U6: 1 + ((i >> 4) % 4), U7: 3, U8: 2 + (i % 3), U9: 3 };
  try {
    const res = await http('POST', `/api/units/${target.slug}/ratings`,
      { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      JSON.stringify({ idempotencyKey: crypto.randomUUID(), ...(target.service ? { service: target.service } : {}), answers }));
    const body = res.body;
    if (res.status === 201) {
      const ack = JSON.parse(body) as { id: string; receipt: string };
      acked.set(ack.id, ack.receipt);
      counts.ratings++;
    } else if (res.status === 429) counts.throttled++;
    else error(`rating: ${res.status} ${body.slice(0, 120)}`);
  } catch (e) {
    error(`rating: ${describe(e)}`);
  }
}

async function read(i: number): Promise<void> {
  const path = READS[i % READS.length]!;
  try {
    const res = await http('GET', path, {});
    if (res.status === 200) counts.reads++;
    else error(`read ${path}: ${res.status}`);
  } catch (e) {
    error(`read ${path}: ${describe(e)}`);
  }
}

async function signIn(): Promise<string> {
  const res = await http('POST', '/api/auth/login', { 'content-type': 'application/json', origin: base },
    JSON.stringify({ email: 'admin@demo.rapor.id', password: 'rapor-demo-2026' }));
  const cookie = [res.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
  return cookie;
}

/** Exports every response, one export after another, until `until`; counts the CSV's rows. */
async function exportLoop(cookie: string, until: number): Promise<void> {
  while (Date.now() < until) {
    try {
      let newlines = 0;
      const res = await http('GET', EXPORT, { cookie }, undefined, (chunk) => {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) newlines++;
      });
      if (res.status !== 200) {
        error(`export: ${res.status}`);
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      counts.exports++;
      counts.exportRows += newlines - 1;
    } catch (e) {
      error(`export: ${describe(e)}`);
    }
  }
}

const samples: { minute: number; mb: number }[] = [];
const startRss = rss();
const started = Date.now();
const end = started + minutes * 60_000;
console.log(`soak: ${minutes} min at ${rate} ratings/s, 2 score reads/s and exports of every response back to back; server RSS ${startRss.toFixed(0)} MB at start`);
const exporting = exportLoop(await signIn(), end);
const inFlight = new Set<Promise<void>>();
const track = (p: Promise<void>) => {
  inFlight.add(p);
  void p.finally(() => inFlight.delete(p));
};
let nextMinute = 1;
let lastSample = 0;
for (let second = 0; Date.now() < end; second++) {
  // Each second's ratings at even intervals, each sent without waiting for the one before (residents do not queue).
  const tick = started + second * 1000;
  for (let k = 0; k < rate; k++) {
    const at = tick + (k * 1000) / rate;
    const wait = at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    track(rate1());
    if (k === 0 || k === Math.floor(rate / 2)) track(read(second * 2 + (k ? 1 : 0)));
  }
  const now = Date.now();
  if (now - lastSample >= 5000) {
    samples.push({ minute: (now - started) / 60_000, mb: rss() });
    lastSample = now;
  }
  if (now - started >= nextMinute * 60_000) {
    console.log(`  minute ${nextMinute}: RSS ${rss().toFixed(0)} MB; ${counts.ratings} ratings acknowledged, ${counts.throttled} throttled, ${counts.reads} reads, ${counts.exports} exports done, ${inFlight.size} requests in flight, ${errors.length} errors`);
    nextMinute++;
  }
}
await Promise.all([...inFlight]);
await exporting;
const endRss = rss();
const seconds = (Date.now() - started) / 1000;

/** Least-squares slope of RSS over time (MB per minute), over the given samples. */
function slope(points: { minute: number; mb: number }[]): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((a, p) => a + p.minute, 0) / points.length;
  const my = points.reduce((a, p) => a + p.mb, 0) / points.length;
  const sxy = points.reduce((a, p) => a + (p.minute - mx) * (p.mb - my), 0);
  const sxx = points.reduce((a, p) => a + (p.minute - mx) ** 2, 0);
  return sxx ? sxy / sxx : NaN;
}
const maxRss = Math.max(startRss, ...samples.map((s) => s.mb), endRss);
console.log(`load done in ${seconds.toFixed(0)} s: ${sent} ratings sent (${(sent / seconds).toFixed(1)}/s), ${counts.ratings} acknowledged, ${counts.throttled} throttled; ${counts.reads} reads; ${counts.exports} exports (${counts.exportRows.toLocaleString('en')} rows in all); ${errors.length} errors`);
console.log(`RSS ${startRss.toFixed(0)} → ${endRss.toFixed(0)} MB (max ${maxRss.toFixed(0)} MB); slope ${slope(samples).toFixed(2)} MB/min over the run, ${slope(samples.filter((s) => s.minute >= minutes / 2)).toFixed(2)} MB/min over its second half`);

// --- nothing lost -----------------------------------------------------------------------------------------------
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});
const db = new Database(dbFile, { readonly: true });
let lost = 0;
try {
  const stored = new Map((db.prepare('select id, receipt from responses').all() as { id: string; receipt: string }[]).map((r) => [r.id, r.receipt]));
  const missing = [...acked].filter(([id, receipt]) => stored.get(id) !== receipt);
  lost += missing.length;
  console.log(`acknowledged ratings present with their receipts: ${acked.size - missing.length} of ${acked.size}${missing.length ? ` (MISSING: ${missing.slice(0, 5).map(([id]) => id).join(', ')}…)` : ''}`);
  const total = '(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9)';
  const kept = (e: string) => `coalesce(sum(case when exclusion_reason is null then ${e} end), 0)`;
  const recountColumns = [
    'sum(case when exclusion_reason is null then 1 else 0 end)', 'sum(case when exclusion_reason is null and verified = 1 then 1 else 0 end)',
    'sum(case when exclusion_reason is null then 0 else 1 end)',
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => kept(`u${i}`)),
    kept(total), kept(`${total} * ${total}`), kept(`case when verified = 1 then ${total} else 0 end`), kept(`case when verified = 1 then ${total} * ${total} else 0 end`),
  ];
  for (const [table, key, recountKey] of [['score_daily', 'local_date', 'local_date'], ['score_monthly', 'month', 'substr(local_date, 1, 7)']] as const) {
    const recount = db.prepare(`select unit_id || '|' || coalesce(service_id, '') || '|' || ${recountKey} as k, ${recountColumns.join(', ')}
      from responses group by unit_id, coalesce(service_id, ''), ${recountKey}`).raw().all() as unknown[][];
    const rollup = db.prepare(`select unit_id || '|' || service_id || '|' || ${key} as k, ${SUM_COLUMNS.join(', ')} from ${table}`).raw().all() as unknown[][];
    const rows = new Map(rollup.map((r) => [String(r[0]), r.slice(1).join(',')]));
    // A rollup row may stay with all zeros after its responses were excluded and reinstated; absent equals zeros.
    const zeros = SUM_COLUMNS.map(() => 0).join(',');
    const keys = new Set([...rows.keys(), ...recount.map((r) => String(r[0]))]);
    const byKey = new Map(recount.map((r) => [String(r[0]), r.slice(1).join(',')]));
    const differ = [...keys].filter((k) => (rows.get(k) ?? zeros) !== (byKey.get(k) ?? zeros));
    lost += differ.length;
    console.log(`${table}: ${rows.size.toLocaleString('en')} rows, ${differ.length ? `${differ.length} DIFFER from the recount (${differ.slice(0, 3).join('; ')})` : 'every one equal to a recount from responses'}`);
  }
  console.log(`integrity_check: ${String(db.pragma('integrity_check', { simple: true }))}`);
} finally {
  db.close();
}
const ok = lost === 0 && errors.length === 0;
console.log(ok ? 'soak: nothing lost, no errors' : `soak: FAILED (${lost} lost or wrong, ${errors.length} errors)`);
if (ok) rmSync(dir, { recursive: true, force: true });
else console.log(`database kept for inspection: ${dbFile}`);
process.exit(ok ? 0 : 1);
