// Ratings ingested per second over HTTP: autocannon against the real server (`npm start`'s process and memory
// setting, SQLite with durable commits: synchronous=FULL, docs/decisions/004), divided by the requests per second of a
// bare Hono POST route on the same machine in the same run. Every request is a new rating from a new address, so the
// throttle never answers in its place. Goal: at least 0.5 of the bare ceiling.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { freePort, startServer } from '../tests/support/browser.ts';
import { ms } from './lib.ts';

const DURATION_S = Number(process.env.BENCH_INGEST_SECONDS ?? 15);
const CONNECTIONS = 16;
const UNIT = 'dukcapil-kota-gorontalo';

interface Load { rps: number; ok: number; other: number; errors: number; p50: number; p99: number }

async function load(base: string, seconds: number): Promise<Load> {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
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

  const server = await startServer({ RAPOR_TRUST_PROXY: '1', RAPOR_DEMO: 'on' });
  try {
    await load(server.url, 3);
    const real = await load(server.url, DURATION_S);
    console.log(line('Rapor POST /api/units/{slug}/ratings (SQLite, durable)', real));
    console.log(`  ratio: ${(real.rps / bareResult.rps).toFixed(2)} of the bare ceiling (goal ≥ 0.5)`);
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchIngest();
