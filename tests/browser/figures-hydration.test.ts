// Issue 26 item 1: the rankings (/peringkat) and the permit times (/waktu-izin) are rendered on demand, and their
// islands HYDRATE the server's markup rather than replace it (docs/decisions/054-on-demand-pages.md): an element the
// server sent is the same element once the island has started, and changing a filter still asks the API.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('hydrated figure pages');

const PAGES = [
  { path: '/peringkat?periode=2026&wilayah=75', table: 'ranked-table', next: '2026-Q1', api: '/api/scoreboard?period=2026-Q1&region=75', rows: (a: any) => a.ranked.length },
  { path: '/waktu-izin?periode=2025&wilayah=75', table: 'permit-overview', next: '2025-Q4', api: '/api/permit-times?period=2025-Q4&region=75', rows: (a: any) => a.items.length },
];

describe.skipIf(!hasChromium)('the figure pages hydrate the server\'s markup', () => {
  let server: ServerAddress;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('$path: the server\'s table survives the island\'s start, and a filter change fetches the API', async ({ path, table, next, api, rows }) => {
    const page: Page = await browser.newPage({ viewport: { width: 1024, height: 740 } });
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      // The islands' scripts wait until the server's markup has been marked.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_astro/*.js', async (route: Route) => {
        await gate;
        await route.continue();
      });
      await page.goto(server.url + path, { waitUntil: 'commit' });
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => document.readyState !== 'loading');
      expect(await page.getByTestId(table).count(), 'the table is in the server\'s HTML').toBe(1);
      await page.evaluate((id) => {
        const el = document.querySelector(`[data-testid="${id}"]`)!;
        el.setAttribute('data-marker', 'server');
        (window as unknown as { serverTable: Element }).serverTable = el;
      }, table);
      release();
      await page.locator('astro-island:not([ssr])', { has: page.getByTestId(table) }).waitFor();
      expect(await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`) === (window as unknown as { serverTable: Element }).serverTable, table)).toBe(true);
      expect(await page.getByTestId(table).getAttribute('data-marker')).toBe('server');

      // With JavaScript, a filter change asks the API and shows its answer without a reload.
      const expected = rows(await (await fetch(server.url + api)).json());
      const asked = page.waitForRequest((r) => r.url().includes(api.replace(/\?.*/, '')) && r.url().includes(next));
      await page.locator('#periode').selectOption(next);
      await asked;
      await expect.poll(() => new URL(page.url()).searchParams.get('periode')).toBe(next);
      await expect.poll(() => page.getByTestId(table).locator('tbody tr').count()).toBe(expected);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(PAGES)('$path without JavaScript: the filters are a GET form, the language switch keeps the query', async ({ path, table, next, api, rows }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      await page.goto(server.url + path);
      expect(await page.locator('a[data-lang-switch]').getAttribute('href')).toBe(`/en${path}`);
      await page.locator('#periode').selectOption(next);
      await Promise.all([page.waitForURL((u) => u.searchParams.get('periode') === next), page.getByRole('button', { name: 'Tampilkan' }).click()]);
      expect(new URL(page.url()).searchParams.get('wilayah')).toBe('75');
      expect(await page.getByTestId(table).locator('tbody tr').count()).toBe(rows(await (await fetch(server.url + api)).json()));
    } finally {
      await context.close();
    }
  });
});
