// Issue 26 item 1: a unit's page is rendered on demand and its island HYDRATES the server's markup (decision 054): the
// nodes the server sent are the nodes the resident keeps once the island starts, and changing the period still
// fetches the API's figures for it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, islandsStarted, reportSkip, sharedBrowser, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('unit page hydration');

const idNumber = (x: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

describe.skipIf(!hasChromium)('the unit page\'s island', () => {
  let server: ServerAddress;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function api(path: string) {
    return (await (await fetch(server.url + path)).json()) as { ikm: number; n: number; name: string };
  }

  it('keeps the server\'s nodes when it starts, and changing the period shows the API\'s figures for it', async () => {
    const [unit, s1, q1] = await Promise.all([
      api('/api/units/dukcapil-kota-gorontalo'),
      api('/api/units/dukcapil-kota-gorontalo/scores?period=2026-S1'),
      api('/api/units/dukcapil-kota-gorontalo/scores?period=2026-Q1'),
    ]);
    expect(idNumber(s1.ikm)).not.toBe(idNumber(q1.ikm));
    // The island's scripts wait until the server's nodes are marked.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/*.js', async (route) => {
      await held;
      await route.continue();
    });
    // (Module scripts hold DOMContentLoaded back: the page is read as soon as its HTML is in.)
    await page.goto(`${server.url}/unit/dukcapil-kota-gorontalo?periode=2026-S1`, { waitUntil: 'commit' });
    await page.locator('[data-figure="elements"] tbody tr').nth(8).waitFor({ state: 'attached' });
    expect(await page.locator('[data-figure="ikm"]').textContent()).toBe(idNumber(s1.ikm));
    await page.evaluate(() => {
      const w = window as unknown as { serverNodes: Element[] };
      w.serverNodes = [document.querySelector('main h1')!, document.querySelector('[data-figure="ikm"]')!, document.querySelector('[data-figure="elements"]')!];
    });
    release();
    await islandsStarted(page);
    const kept = () => page.evaluate(() => {
      const w = window as unknown as { serverNodes: Element[] };
      const now = [document.querySelector('main h1'), document.querySelector('[data-testid="ikm"]'), document.querySelector('[data-testid="elements-table"]')];
      return w.serverNodes.map((node, i) => node === now[i] && node.isConnected);
    });
    expect(await kept()).toEqual([true, true, true]);

    await page.locator('#periode').selectOption('2026-Q1');
    await expect.poll(() => page.locator('[data-testid="ikm"]').textContent()).toBe(idNumber(q1.ikm));
    expect(new URL(page.url()).searchParams.get('periode')).toBe('2026-Q1');
    expect(await page.locator('main h1').textContent()).toBe(unit.name);
    expect(await page.title()).toBe(`${unit.name} · Rapor`);
    expect((await kept())[0]).toBe(true);
    await page.unroute('**/_astro/*.js');
  });
});
