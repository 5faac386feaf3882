// Issue 15, finding 7, in a real browser: after sign-in the portal follows `next` only to a page of its own origin.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('sign-in redirect');

describe.skipIf(!hasChromium)('the sign-in page', () => {
  let server: ServerAddress;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Signs the demo administrator in on /masuk?<query>; answers where the browser went and what else it asked for. */
  async function signInWith(query: string): Promise<{ url: URL; foreign: string[] }> {
    const context = await browser.newContext();
    const foreign: string[] = [];
    // Nothing leaves the test machine: requests to any other origin are noted and aborted.
    context.on('request', (r) => {
      if (new URL(r.url()).origin !== server.url) foreign.push(r.url());
    });
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === server.url ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/masuk?${query}`);
    // Astro drops the island's `ssr` attribute once hydrated; before that the form would submit natively.
    await page.locator('astro-island:not([ssr])', { has: page.locator('form.login') }).waitFor();
    await page.getByLabel('Email').fill('admin@demo.rapor.id');
    await page.getByLabel('Kata sandi').fill('rapor-demo-2026');
    const left = Promise.race([
      page.waitForURL((u) => u.pathname !== '/masuk', { waitUntil: 'commit' }),
      context.waitForEvent('request', { predicate: (r) => new URL(r.url()).origin !== server.url }),
    ]);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await left;
    const url = new URL(page.url());
    await context.close();
    return { url, foreign };
  }

  it.each(['next=/\\evil.example', 'next=/%5Cevil.example', 'next=/%09/evil.example', 'next=//evil.example', 'next=https://evil.example/admin', 'next=javascript:alert(1)'])(
    'stays on the portal for ?%s',
    async (query) => {
      const { url, foreign } = await signInWith(query);
      expect(foreign).toEqual([]);
      expect(url.origin).toBe(server.url);
      expect(url.pathname).toBe('/admin');
    },
  );

  it('follows a path of its own', async () => {
    const { url, foreign } = await signInWith(`next=${encodeURIComponent('/evaluasi?periode=2026#ringkasan')}`);
    expect(foreign).toEqual([]);
    expect(`${url.pathname}${url.search}${url.hash}`).toBe('/evaluasi?periode=2026#ringkasan');
  });
});
