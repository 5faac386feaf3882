// Issue 15, finding 3: a database seeded in demo mode, restarted with NODE_ENV=production. The live portal must refuse
// to start on it (its demo accounts have a published password) and say how to fix it; once the demo accounts are
// deleted with the command the message names, it starts and no demo account signs in. The real server process
// (server/main.ts, as `npm start` runs it) on a temporary SQLite file; a stub site directory spares the Astro build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed.ts';
import { signInResponse, startServer, type RunningServer } from '../support/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapor-demo-prod-'));
const dbFile = join(dir, 'portal.db');
const dist = join(dir, 'dist');
mkdirSync(join(dist, 'client'), { recursive: true });
writeFileSync(join(dist, 'client', 'index.html'), '<!doctype html><title>Rapor</title>');
const site = { RAPOR_DIST_DIR: dist };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signIn = async (server: RunningServer, email: string, password: string) => (await signInResponse(server, email, password)).status;

/** Starts the server in production on the file; if it starts, tries the demo administrator and stops it again. */
async function startInProduction(): Promise<{ started: true; demoAdminSignIn: number } | { started: false; output: string }> {
  try {
    const server = await startServer({ ...site, NODE_ENV: 'production' }, { dbFile });
    try {
      return { started: true, demoAdminSignIn: await signIn(server, 'admin@demo.rapor.id', DEMO_PASSWORD) };
    } finally {
      await server.stop();
    }
  } catch (error) {
    return { started: false, output: (error as Error).message };
  }
}

describe('a demo database restarted with NODE_ENV=production', () => {
  it('refuses to start, names the database and the fix; after demo:purge it starts and no demo account signs in', async () => {
    const demo = await startServer(site, { dbFile }); // NODE_ENV=test: demo mode seeds the demo world into the file
    expect(await signIn(demo, 'admin@demo.rapor.id', DEMO_PASSWORD)).toBe(200);
    await demo.stop();

    const refused = await startInProduction();
    expect(refused.started ? `started; admin@demo.rapor.id signed in with the published password: ${refused.demoAdminSignIn}` : 'refused').toBe('refused');
    const output = refused.started ? '' : refused.output;
    expect(output).toMatch(/server exited with [1-9]/);
    expect(output).toContain(dbFile);
    expect(output).toContain('@demo.rapor.id');
    expect(output).toContain('DATABASE_URL');
    expect(output).toContain('npm run demo:purge');

    const purge = (env: Record<string, string>) => spawnSync(join('node_modules', '.bin', 'tsx'), ['server/cli/demo-purge.ts'], {
      env: { ...process.env, DATABASE_URL: dbFile, ...env }, encoding: 'utf8',
    });
    const inDemoMode = purge({}); // NODE_ENV=test: demo mode, whose world keeps its accounts
    expect(inDemoMode.status).toBe(2);
    expect(inDemoMode.stderr).toContain('NODE_ENV=production npm run demo:purge');
    const live = purge({ NODE_ENV: 'production' });
    expect(live.status, live.stderr).toBe(0);
    expect(live.stdout).toMatch(/39 demo accounts deleted/);

    const server = await startServer({ ...site, NODE_ENV: 'production' }, { dbFile });
    try {
      expect(await signIn(server, 'admin@demo.rapor.id', DEMO_PASSWORD)).toBe(401);
      expect(await signIn(server, 'staff.dpmptsp-kota-gorontalo@demo.rapor.id', DEMO_PASSWORD)).toBe(401);
    } finally {
      await server.stop();
    }
  }, 240_000);
});
