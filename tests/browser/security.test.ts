// In a real browser: the CSP blocks nothing the site needs, and a comment carrying script or markup is shown as text.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('browser security');

const PAYLOAD = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b>tebal</b>`;

describe.skipIf(!hasChromium)('security in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ RAPOR_TRUST_PROXY: '1' }), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a comment with script and markup as plain text, running nothing', async () => {
    const res = await fetch(`${server.url}/api/units/puskesmas-plaju/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' },
      body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), answers: { U1: 3, U2: 3, U3: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3 }, comment: PAYLOAD }),
    });
    expect(res.status).toBe(201);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/unit/puskesmas-plaju`);
    const first = page.getByTestId('comments').locator('li').first();
    await first.waitFor();
    expect(await first.locator('.comment').textContent()).toBe(PAYLOAD);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await first.locator('b, img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it.each(['/', '/nilai/dukcapil-kota-gorontalo', '/unit/dukcapil-kota-gorontalo', '/peringkat', '/waktu-izin', '/izin/dpmptsp-kota-gorontalo', '/masuk'])('loads %s with no CSP violation', async (path) => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    expect(await page.locator('main').count()).toBe(1);
    // The islands ran (their content replaced the loading text).
    await expect.poll(() => page.locator('main').textContent()).not.toMatch(/^\s*Memuat…\s*$/);
    expect(violations).toEqual([]);
    await page.close();
  });
});
