// Where a rating's time goes: the real server (demo world seeded first, so the seeding is not profiled) under the
// ingest load (autocannon, 16 connections, 10 s) with node --cpu-prof; prints the profile's self time by module and the
// top functions. Usage: tsx bench/profile-ingest.ts [RAPOR_WRITE_BATCH] [DATABASE_URL]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startServer } from '../tests/support/browser.ts';

const batch = process.argv[2] ?? '64';
const dir = mkdtempSync(join(tmpdir(), 'rapor-profile-'));
const databaseUrl = process.argv[3] ?? join(dir, 'rapor.db');
const env = { DATABASE_URL: databaseUrl, RAPOR_TRUST_PROXY: '1', RAPOR_DEMO: 'on', RAPOR_WRITE_BATCH: batch };
await (await startServer(env)).stop(); // migrates and seeds

const port = await freePort();
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--max-old-space-size=96', '--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('running at') && resolve()));
let n = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}`, connections: 16, duration: 10,
  requests: [{
    method: 'POST', path: '/api/units/dukcapil-kota-gorontalo/ratings',
    setupRequest: (req) => {
      n++;
      return {
        ...req,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
        body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: 'perekaman-ktp-el', answers: { U1: 1 + (n % 4), U2: 3, U3: 2, U4: 4, U5: 3, U6: 4, U7: 3, U8: 4, U9: 2 } }),
      };
    },
  }],
});
console.log(`RAPOR_WRITE_BATCH=${batch}: ${result['2xx']} ratings in 10 s (${result['2xx'] / 10}/s), ${result.non2xx} other statuses, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const module = ({ callFrame: { functionName: f, url: u } }: Node) => {
  if (f === '(idle)' || f === '(garbage collector)' || f === '(program)') return f;
  if (u.includes('/node_modules/')) return u.split('/node_modules/')[1]!.split('/')[0]!;
  if (u.startsWith('node:')) return `node:${u.slice(5).split('/')[0]}`;
  if (!u) return `(native) ${f}`;
  return u.replace(/^.*?\/(server|db|tests|bench)\//, '$1/');
};
const sum = (key: (node: Node) => string) => {
  const totals = new Map<string, number>();
  for (const [id, t] of self) totals.set(key(byId.get(id)!), (totals.get(key(byId.get(id)!)) ?? 0) + t);
  return totals;
};
const modules = sum(module);
const busy = [...modules].filter(([k]) => k !== '(idle)').reduce((a, [, t]) => a + t, 0);
const top = (totals: Map<string, number>, count: number) => [...totals].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, count)
  .map(([k, t]) => `  ${((100 * t) / busy).toFixed(1).padStart(5)} %  ${k}`).join('\n');
console.log(`busy ${(busy / 1e6).toFixed(1)} s of the server's main thread; self time by module:\n${top(modules, 15)}`);
console.log(`top functions:\n${top(sum((node) => `${node.callFrame.functionName || '(anonymous)'} ${module(node)}:${node.callFrame.lineNumber + 1}`), 15)}`);
rmSync(dir, { recursive: true, force: true });
