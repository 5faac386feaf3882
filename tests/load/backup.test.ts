// `npm run db:backup` while the server takes ratings: the copy passes SQLite's integrity check, its rollups equal a
// recount of its own responses, and the server reopens the copy as a working portal (a restore).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, reportSkip, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('online backup test (uses the same server helper as the browser tests)');

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe.skipIf(!hasChromium)('online backup', () => {
  it('copies a consistent database while ratings are being written, and the copy restores', async () => {
    const server = await startServer({ RAPOR_TRUST_PROXY: '1' });
    servers.push(server);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const res = await fetch(`${server.url}/api/units/puskesmas-plaju/ratings`, {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), answers: { U1: 1 + (n % 4), U2: 3, U3: 3, U4: 4, U5: 3, U6: 3, U7: 4, U8: 2, U9: 3 } }),
        });
        if (res.status === 201) written++;
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const backup = join(mkdtempSync(join(tmpdir(), 'rapor-backup-')), 'copy.db');
    const run = spawnSync(join('node_modules', '.bin', 'tsx'), ['server/cli/backup.ts', backup], { env: { ...process.env, DATABASE_URL: server.dbFile }, encoding: 'utf8' });
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await writer;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('integrity ok');
    expect(written).toBeGreaterThan(10);

    const copy = new Database(backup, { readonly: true });
    const live = new Database(server.dbFile, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const recount = copy.prepare('select count(*) as n, sum(u1+u2+u3+u4+u5+u6+u7+u8+u9) as total from responses where exclusion_reason is null').get();
      expect(copy.prepare('select sum(n) as n, sum(sum_total) as total from score_daily').get()).toEqual(recount);
      expect(copy.prepare('select sum(n) as n, sum(sum_total) as total from score_monthly').get()).toEqual(recount);
      const inCopy = (copy.prepare('select count(*) as n from responses').get() as { n: number }).n;
      const inLive = (live.prepare('select count(*) as n from responses').get() as { n: number }).n;
      expect(inCopy).toBeLessThanOrEqual(inLive);
      expect(inCopy).toBeGreaterThan(50_000);
      console.log(`[backup] copy holds ${inCopy} ratings (live ${inLive}, ${written} written during the test); integrity ok; rollups = recount`);
    } finally {
      copy.close();
      live.close();
    }

    const restored = await startServer({}, { dbFile: backup });
    servers.push(restored);
    const health = (await (await fetch(`${restored.url}/api/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const scores = (await (await fetch(`${restored.url}/api/units/puskesmas-plaju/scores?period=2026`)).json()) as { n: number };
    expect(scores.n).toBeGreaterThan(0);
  }, 120_000);
});
