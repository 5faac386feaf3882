// Crash safety: load the real server with ratings, kill -9 it mid-load, restart it on the same database, and check that
// every acknowledged rating (every 201 receipt) is there, the rollups agree, and SQLite's integrity check is ok.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, reportSkip, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('crash test (uses the same server helper as the browser tests)');

const ROUNDS = 3;
const WORKERS = 8;
let seq = 0;

async function load(server: RunningServer, acked: Map<string, string>, stopAfterMs: number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const until = Date.now() + stopAfterMs + 5000;
  const worker = async (w: number) => {
    while (Date.now() < until) {
      const n = ++seq;
      const key = crypto.randomUUID();
      try {
        const res = await fetch(`${server.url}/api/units/dukcapil-kota-gorontalo/ratings`, {
          method: 'POST',
          // A different client each time, so throttling does not stand in the way of the load.
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${w}.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify({ idempotencyKey: key, service: 'perekaman-ktp-el', answers: { U1: 1 + (n % 4), U2: 3, U3: 2 + (n % 3), U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 1 + ((n >> 2) % 4) } }),
        });
        sent++;
        if (res.status === 201 || res.status === 200) acked.set(((await res.json()) as { id: string }).id, key);
        else failed++;
      } catch {
        return; // the server is gone
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return { sent, failed };
}

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe.skipIf(!hasChromium)('kill -9 under load', () => {
  it(`keeps every acknowledged rating over ${ROUNDS} rounds, with a consistent database`, async () => {
    let server = await startServer({ RAPOR_TRUST_PROXY: '1' }, { keepFiles: true });
    servers.push(server);
    const dbFile = server.dbFile;
    const acked = new Map<string, string>();
    for (let round = 1; round <= ROUNDS; round++) {
      const loading = load(server, acked, 1500);
      await new Promise((r) => setTimeout(r, 1500));
      await server.kill('SIGKILL');
      const { sent } = await loading;
      server = await startServer({ RAPOR_TRUST_PROXY: '1' }, { dbFile, keepFiles: true });
      servers.push(server);
      const db = new Database(dbFile, { readonly: true });
      try {
        const present = new Set((db.prepare('select id from responses where unit_id = (select id from units where slug = ?)').all('dukcapil-kota-gorontalo') as { id: string }[]).map((r) => r.id));
        const missing = [...acked.keys()].filter((id) => !present.has(id));
        expect(missing).toEqual([]);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const recount = db.prepare('select count(*) as n, sum(u1+u2+u3+u4+u5+u6+u7+u8+u9) as total from responses where exclusion_reason is null').get();
        const rollup = db.prepare('select sum(n) as n, sum(sum_total) as total from score_daily').get();
        const monthly = db.prepare('select sum(n) as n, sum(sum_total) as total from score_monthly').get();
        expect(rollup).toEqual(recount);
        expect(monthly).toEqual(recount);
        console.log(`[crash] round ${round}: ${sent} ratings sent before kill -9, ${acked.size} acknowledged so far, all present; integrity ok; rollups = recount`);
      } finally {
        db.close();
      }
      expect(acked.size).toBeGreaterThan(round * 20);
    }
  }, 120_000);
});
