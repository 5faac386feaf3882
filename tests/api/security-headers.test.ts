// Security headers on every response, and a CSP that allows Astro's inline scripts by hash only: in this process
// (app.request) and over real HTTP against the server `npm start` runs, compressed or not (issue 24 F5: Node's
// response path dropped them from compressed pages while app.request saw them).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { DIST, SITE, pageHtml } from '../support/js-weight.ts';
import { migratedDb } from '../support/db.ts';
import type { Connection } from '../../db/connect.ts';
import { ON_POSTGRES } from '../support/db.ts';
import { startServer, type RunningServer } from '../support/browser.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  conn = await migratedDb();
  app = createApp({ db: conn.db, now: () => new Date(), distDir: DIST });
});
afterAll(async () => {
  await conn.close();
});

function expectSecurityHeaders(headers: Headers, what: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP`).toContain("object-src 'none'");
  expect(csp, `${what}: CSP`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('strict-transport-security'), what).toBeNull();
}

describe('security headers', () => {
  it.each(['/', '/nilai/x', '/api/health', '/api/units/tidak-ada', '/halaman-tidak-ada', '/favicon.svg'])('are on %s', async (path) => {
    expectSecurityHeaders((await app.request(path)).headers, path);
  });

  it.each(['gzip', 'deflate'])('are on compressed answers too (Accept-Encoding: %s)', async (encoding) => {
    const res = await app.request('/halaman-tidak-ada', { headers: { 'accept-encoding': encoding } });
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expectSecurityHeaders(res.headers, '/halaman-tidak-ada');
  });

  it('sends HSTS over HTTPS', async () => {
    const res = await app.request('https://localhost/api/health');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('allows exactly the inline scripts of the built pages, by their SHA-256', async () => {
    const csp = (await app.request('/nilai/x')).headers.get('content-security-policy')!;
    // The rating page as the server renders it (on demand, docs/decisions/054), and a prerendered page.
    for (const html of [await pageHtml(DIST, 'nilai'), readFileSync(join(SITE, 'metodologi', 'index.html'), 'utf8')]) {
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(inline.length).toBeGreaterThan(0);
      for (const script of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    }
  });
});

// Over real sockets against the server `npm start` runs (once for this file). The transport does not depend on the
// database engine: this part runs in the SQLite project only (the server is given a SQLite file with the demo world).
if (!ON_POSTGRES) describe('security headers over real HTTP (npm start\'s server)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const PAGES = ['/', '/peringkat', '/en/peringkat', '/waktu-izin', '/en/waktu-izin', '/unit/samsat-palembang-1', '/en/unit/samsat-palembang-1',
    '/nilai/samsat-palembang-1', '/izin/dpmptsp-kota-gorontalo', '/masuk', '/halaman-tidak-ada', '/unit/tidak-ada', '/en/tidak-ada',
    '/_astro/tidak-ada.js', '/favicon.svg', '/api/health', '/api/units', '/api/scoreboard', '/api/units/tidak-ada', '/api/tidak-ada'];
  it.each(['gzip', 'deflate', 'gzip, deflate, br, zstd', 'identity', ''])('are on every page, API answer and 404 with Accept-Encoding "%s"', async (encoding) => {
    for (const path of PAGES) {
      const res = await fetch(server.url + path, { headers: { 'accept-encoding': encoding } });
      await res.arrayBuffer();
      const what = `${path} (Accept-Encoding "${encoding}", ${res.status}, ${res.headers.get('content-encoding') ?? 'not encoded'})`;
      expectSecurityHeaders(res.headers, what);
      if (path.startsWith('/api/')) expect(res.headers.get('cache-control'), what).toBe('no-store');
      else expect(res.headers.get('content-type'), what).toBeTruthy();
    }
  });
});
