// Production runs JavaScript, not a TypeScript loader (issue 26 item 5, docs/decisions/053): `npm start` bundles the
// server with esbuild (server/bundle.mjs) and runs the bundle under `node --enable-source-maps`. This builds the bundle
// into a folder of its own, starts it with the flags `npm start` uses on a free port and a fresh SQLite file, and reads
// it over a real socket: health, a built page, a page rendered on demand (and the site's stylesheet it links), an API
// answer; then a start that fails, whose stack trace must name the .ts files.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, ROOT, staleness } from '../../server/bundle.mjs';
import { freePort } from '../support/browser.ts';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
/** `npm start`: build when stale, then node with its flags on the bundle. */
const START = /^node server\/bundle\.mjs && node ((?:--[\w-]+(?:=\S+)? )+)build\/server\/main\.mjs$/;

let outDir: string;
let bundle: string;
const dataDir = mkdtempSync(join(tmpdir(), 'rapor-bundle-'));

function nodeFlags(): string[] {
  const m = START.exec(manifest.scripts.start ?? '');
  if (!m) throw new Error(`npm start does not build and run the bundle: "${manifest.scripts.start}"`);
  return m[1]!.trim().split(' ');
}

function run(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [...nodeFlags(), bundle], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', RAPOR_DEMO: 'off', NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  return { child, output: () => text };
}

beforeAll(async () => {
  // Inside the checkout (build/ is ignored by git), so the bundle finds node_modules as build/server/ does.
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, 'build', 'test-'));
  bundle = await buildServer({ outDir });
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server bundle that npm start runs (issue 26 item 5)', () => {
  it('npm start builds the bundle when stale and runs it with source maps, not through tsx', () => {
    const flags = nodeFlags();
    expect(flags).toContain('--enable-source-maps');
    expect(flags).toContain('--max-old-space-size=96');
    expect(manifest.scripts.start).not.toMatch(/tsx/);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('server/main.ts'))).toBe(true);
  });

  it('is fresh after a build and stale once a source it was built from changes', () => {
    expect(staleness({ outDir })).toBeNull();
    const stampFile = join(outDir, 'main.stamp.json');
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(stamp.inputs)).toEqual(expect.arrayContaining(['server/main.ts', 'db/connect.ts', 'package-lock.json']));
    // The recorded hash of one source no longer matches the file on disk: as after a pull that changed it.
    writeFileSync(stampFile, JSON.stringify({ ...stamp, inputs: { ...stamp.inputs, 'db/connect.ts': '0'.repeat(64) } }));
    try {
      expect(staleness({ outDir })).toBe('db/connect.ts changed');
    } finally {
      writeFileSync(stampFile, JSON.stringify(stamp));
    }
  });

  it('serves health, a built page, a server-made page with the site stylesheet and an API answer', async () => {
    const port = await freePort();
    const { child, output } = run({ PORT: String(port), DATABASE_URL: join(dataDir, 'fresh.db') });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the bundle did not start in 60 s:\n${output()}`)), 60_000);
        child.stdout!.on('data', () => {
          if (output().includes('running at')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`the bundle exited with ${code}:\n${output()}`));
        });
      });
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const home = await fetch(`${base}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/^<!DOCTYPE html>/i);
      // An Astro page rendered on demand (docs/decisions/054): the bundle loads the build's dist/server/entry.mjs, and
      // the page (here the site's 404 for an unknown lock) carries the site's stylesheet in its head (inlined by the
      // build, decision 068) and links the build's files, which the server serves.
      const evidence = await fetch(`${base}/bukti/tidak-ada`);
      expect(evidence.status).toBe(404);
      const page = await evidence.text();
      expect(/<style>[^<]*--brand: ?#0b5563/.test(page)).toBe(true);
      const icon = /<link rel="icon" href="([^"]+)"/.exec(page)?.[1];
      expect(icon).toBeDefined();
      expect((await fetch(`${base}${icon}`)).status).toBe(200);
      const regions = await fetch(`${base}/api/regions`);
      expect(regions.status).toBe(200);
      expect(regions.headers.get('content-type')).toMatch(/^application\/json/);
      expect(output()).not.toMatch(/Error/);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });

  it('names the .ts source files in the stack trace of an error', async () => {
    // A directory where the SQLite file should be: better-sqlite3 throws from db/connect.ts, called by server/main.ts.
    const { child, output } = run({ PORT: '0', DATABASE_URL: dataDir });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output()).toContain('failed to start');
    expect(output()).toMatch(/db\/connect\.ts:\d+:\d+/);
    expect(output()).toMatch(/server\/main\.ts:\d+:\d+/);
    expect(output()).not.toMatch(/main\.mjs:\d+/);
  });
});
