// A resident finds a unit by the words they use (issue 17 item 3), with and without JavaScript, and the language
// switch keeps the page's path and query (item 4): filters, a report's or a poster's unit.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, signInOnPage, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('unit search and language switch');

describe.skipIf(!hasChromium)('unit search and the language switch in a real browser', () => {
  let server: ServerAddress;
  let browser: Browser;
  let page: Page;
  let noScript: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(15_000);
    noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cardSlugs = (p: Page) => p.locator('li.card[data-unit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));

  async function typeSearch(q: string) {
    await page.goto(server.url + '/');
    await page.locator('astro-island:not([ssr])', { has: page.locator('form.search') }).waitFor();
    await page.getByLabel('Unit layanan atau keperluan').fill(q);
    // The island puts the query in the address once the results are in.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
    await expect.poll(() => page.locator('#hasil + p').textContent()).toMatch(/ditemukan|Tidak ada unit/);
  }

  it('with JavaScript, "ktp" finds the Dukcapil units with this year\'s IKM and grade', async () => {
    await typeSearch('ktp');
    const slugs = await cardSlugs(page);
    expect(slugs.slice(0, 4).sort()).toEqual(['dukcapil-kabupaten-gorontalo', 'dukcapil-kota-gorontalo', 'dukcapil-kota-jambi', 'dukcapil-kota-palembang']);
    expect(await page.locator('li.card[data-unit="dukcapil-kota-gorontalo"]').textContent()).toMatch(/IKM 2026: \d{2},\d{2} · Mutu [ABCD] \(/);
    expect(new URL(page.url()).search).toBe('?q=ktp');
  });

  it('with JavaScript, "rumah sakit", "capil" and a typo "dukcapl" find what a resident means', async () => {
    await typeSearch('rumah sakit');
    expect((await cardSlugs(page)).every((s) => s!.startsWith('rsud-'))).toBe(true);
    expect(await cardSlugs(page)).toHaveLength(5);
    for (const q of ['capil', 'dukcapl']) {
      await typeSearch(q);
      expect((await cardSlugs(page))[0]).toMatch(/^dukcapil-/);
    }
  });

  it('with JavaScript, "SIM" says Satpas Polri issues it and links to Korlantas, and leads to no Samsat (issue 25, item 11)', async () => {
    await typeSearch('SIM');
    expect((await cardSlugs(page)).filter((x) => x!.startsWith('samsat-'))).toEqual([]);
    const notice = page.locator('[data-elsewhere] [data-agency="sim"]');
    expect(await notice.textContent()).toContain('Satpas');
    expect(await notice.getByRole('link', { name: 'Korlantas Polri' }).getAttribute('href')).toBe('https://korlantas.polri.go.id/');
    await typeSearch('ktp');
    expect(await page.locator('[data-elsewhere]').count()).toBe(0);
  });

  it('without JavaScript, the home page\'s form leads to the results page, which shows the units and their figures', async () => {
    const p = await noScript.newPage();
    await p.goto(server.url + '/');
    await p.getByLabel('Unit layanan atau keperluan').fill('ktp');
    await Promise.all([p.waitForURL((u) => u.pathname === '/cari'), p.getByRole('button', { name: 'Cari', exact: true }).click()]);
    expect(new URL(p.url()).searchParams.get('q')).toBe('ktp');
    expect((await cardSlugs(p)).slice(0, 4).every((s) => s!.startsWith('dukcapil-'))).toBe(true);
    expect(await p.locator('li.card[data-unit="dukcapil-kota-gorontalo"]').textContent()).toMatch(/IKM 2026: \d{2},\d{2} · Mutu [ABCD] \(/);
    // Searching again from the results page.
    await p.getByLabel('Unit layanan atau keperluan').fill('kantor perizinan');
    await Promise.all([p.waitForURL((u) => u.search === '?q=kantor+perizinan'), p.getByRole('button', { name: 'Cari', exact: true }).click()]);
    expect((await cardSlugs(p)).slice(0, 6).every((s) => s!.startsWith('dpmptsp-'))).toBe(true);
    // The language switch keeps the search, still without JavaScript.
    await Promise.all([p.waitForURL((u) => u.pathname.startsWith('/en/cari')), p.locator('a[data-lang-switch]').click()]);
    expect(new URL(p.url()).search).toBe('?q=kantor+perizinan');
    expect(await p.locator('#hasil').textContent()).toBe('Results for “kantor perizinan”');
    await p.screenshot({ path: 'test-results/search-no-js-360.png', fullPage: true });
    await p.close();
  });

  it('the language switch keeps the filters of the scoreboard, also after changing them on the page', async () => {
    await page.goto(`${server.url}/peringkat?periode=2026-Q2&wilayah=75`);
    await page.locator('astro-island:not([ssr])', { has: page.locator('#periode') }).first().waitFor();
    await Promise.all([page.waitForURL('**/en/peringkat?**'), page.locator('a[data-lang-switch]').click()]);
    expect(new URL(page.url()).search).toBe('?periode=2026-Q2&wilayah=75');
    await expect.poll(() => page.locator('#periode').inputValue()).toBe('2026-Q2');
    await page.locator('#periode').selectOption('2026-Q1');
    await expect.poll(() => new URL(page.url()).search).toBe('?periode=2026-Q1&wilayah=75');
    await Promise.all([page.waitForURL((u) => u.pathname === '/peringkat'), page.locator('a[data-lang-switch]').click()]);
    expect(new URL(page.url()).search).toBe('?periode=2026-Q1&wilayah=75');
  });

  it('the language switch keeps the unit of the SKM report and of the poster', async () => {
    await signInOnPage(page, server.url, 'staff.dukcapil-kota-gorontalo@demo.rapor.id');
    await page.waitForURL('**/dasbor**');
    for (const path of ['/laporan/skm?unit=dukcapil-kota-gorontalo&periode=2026-Q2', '/dasbor/poster?unit=dukcapil-kota-gorontalo', '/dasbor/kode?unit=dukcapil-kota-gorontalo']) {
      await page.goto(server.url + path);
      await page.locator('h1', { hasText: 'Kependudukan' }).waitFor();
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/en/')), page.locator('a[data-lang-switch]').click()]);
      expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(`/en${path}`);
      await page.locator('h1', { hasText: 'Kependudukan' }).waitFor();
      expect(await page.locator('[role="alert"]').count()).toBe(0);
    }
  });
});
