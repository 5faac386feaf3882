// Soak test (not in CI): the real server at a steady rate for a while, reporting errors and memory growth.
// `npm run soak -- [minutes=10] [ratePerSecond=50]` — pick the rate as about half the capacity `npm run bench` measured.
// Targets only 127.0.0.1 and stops by itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const minutes = Number(process.argv[2] ?? 10);
const rate = Number(process.argv[3] ?? 50);
const port = 4500 + Math.floor(Math.random() * 400);
const dir = mkdtempSync(join(tmpdir(), 'rapor-soak-'));
const child = spawn(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: join(dir, 'rapor.db'), RAPOR_TRUST_PROXY: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => child.stdout!.on('data', (b: Buffer) => b.toString().includes('running at') && resolve()));
const base = `http://127.0.0.1:${port}`;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const counts = { ok: 0, throttled: 0, errors: 0, reads: 0 };
const startRss = rss();
let maxRss = startRss;
const end = Date.now() + minutes * 60_000;
let n = 0;
console.log(`soak: ${minutes} min at ${rate} ratings/s plus a score read each second, server RSS ${startRss.toFixed(0)} MB`);
while (Date.now() < end) {
  const tick = Date.now();
  await Promise.all(Array.from({ length: rate }, async () => {
    const i = ++n;
    try {
      const res = await fetch(`${base}/api/units/dukcapil-kota-gorontalo/ratings`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), answers: { U1: 1 + (i % 4), U2: 3, U3: 3, U4: 4, U5: 3, U6: 3, U7: 4, U8: 2 + (i % 3), U9: 3 } }),
      });
      if (res.status === 201) counts.ok++;
      else if (res.status === 429) counts.throttled++;
      else counts.errors++;
    } catch {
      counts.errors++;
    }
  }));
  const read = await fetch(`${base}/api/scoreboard?period=2026`).catch(() => null);
  if (read?.ok) counts.reads++;
  else counts.errors++;
  maxRss = Math.max(maxRss, rss());
  if (n % (rate * 60) < rate) console.log(`  ${new Date().toISOString()} ok ${counts.ok}, throttled ${counts.throttled}, errors ${counts.errors}, RSS ${rss().toFixed(0)} MB`);
  await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - tick))));
}
const endRss = rss();
console.log(`soak done: ${counts.ok} ratings stored, ${counts.throttled} throttled, ${counts.errors} errors, ${counts.reads} reads; RSS ${startRss.toFixed(0)} → ${endRss.toFixed(0)} MB (max ${maxRss.toFixed(0)} MB)`);
child.kill('SIGTERM');
