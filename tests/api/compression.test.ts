// Compressed answers for slow phones (decision 039): gzip when the browser asks, never for exports or locked evidence.
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNTS, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
});
afterEach(async () => {
  await t.close();
});

describe('compression', () => {
  it('gzips a JSON answer when asked, and gives the same JSON; not when not asked', async () => {
    const plain = await t.app.request('/api/openapi.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    const zipped = await t.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(body).toString('utf8')).toBe(text);
  });

  it('leaves exports as they stream', async () => {
    await insertFixtureUsers(t.db);
    const cookie = await signIn(t.app, ACCOUNTS.admin);
    const res = await t.app.request('/api/exports/scores.csv?period=2026', { headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toContain('unit_slug');
  });
});
