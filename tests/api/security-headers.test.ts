// Security headers on every response, and a CSP that allows Astro's inline scripts by hash only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { DIST } from '../support/js-weight.ts';
import { migratedDb } from '../support/db.ts';
import type { Connection } from '../../db/connect.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  conn = await migratedDb();
  app = createApp({ db: conn.db, now: () => new Date(), distDir: DIST });
});
afterAll(async () => {
  await conn.close();
});

describe('security headers', () => {
  it.each(['/', '/nilai/x', '/api/health', '/api/units/tidak-ada', '/halaman-tidak-ada', '/favicon.svg'])('are on %s', async (path) => {
    const res = await app.request(path);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS over HTTPS', async () => {
    const res = await app.request('https://localhost/api/health');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('allows exactly the inline scripts of the built pages, by their SHA-256', async () => {
    const csp = (await app.request('/nilai/x')).headers.get('content-security-policy')!;
    const html = readFileSync(join(DIST, 'nilai', 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });
});
