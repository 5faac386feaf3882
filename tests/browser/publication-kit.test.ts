// The publication kit in Chromium (issue 18 item 2): the waiting-room screen at two TV sizes, refreshing itself after a
// new rating and surviving a failed fetch; the widget framed by a listed origin and refused by another; the badge as
// valid SVG with a title, loadable as an image on another site.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, hasChromium, sharedBrowser, reportSkip, signInOnPage, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('publication kit');

const UNIT = 'dukcapil-kota-gorontalo';

/** A tiny site on another origin: a page with an <iframe> of the widget and an <img> of the badge. */
async function otherSite(rapor: string): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="id"><title>Situs Pemda</title><h1>Situs Pemda</h1>
<iframe id="w" title="Widget IKM" src="${rapor}/widget/${UNIT}" width="360" height="200"></iframe>
<img id="b" alt="IKM" src="${rapor}/api/units/${UNIT}/badge.svg">`);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}

describe.skipIf(!hasChromium)('the publication kit', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const sites: Server[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const s of sites) s.close();
  });

  for (const [width, height] of [[1920, 1080], [1280, 720]] as const) {
    it(`shows the waiting-room screen at ${width}×${height}: everything on screen, in type readable from three metres`, async () => {
      await page.setViewportSize({ width, height });
      await page.goto(`${server.url}/tayang/${UNIT}`);
      const ikm = page.locator('[data-part="ikm"]');
      expect(await ikm.textContent()).toMatch(/^\d{2},\d{2}$/);
      // Wait until the first slide (the nine elements) is fully shown, then photograph.
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.s1')!).opacity === '1');
      await page.screenshot({ path: `test-results/tayang-${width}x${height}.png` });
      const fits = await page.evaluate(() => {
        const inside = (el: Element) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0;
        };
        const items = [...document.querySelectorAll('.elements li, .ikm, .grade, .n, .qr svg, .qr p, .unit')];
        return { all: items.length, inside: items.filter(inside).length };
      });
      expect(fits.inside).toBe(fits.all);
      const px = (sel: string) => page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      // ~20 px text is the smallest readable at three metres on a 32-inch 720p TV; the IKM is several times bigger.
      expect(await px('.elements li')).toBeGreaterThanOrEqual(20);
      expect(await px('.ikm')).toBeGreaterThanOrEqual(100);
      expect(await page.locator('.qr svg').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(100);
    });
  }

  it('takes a new rating without a reload, and keeps its figures through a failed fetch', async () => {
    await page.clock.install();
    await page.goto(`${server.url}/tayang/${UNIT}`);
    const n = page.locator('[data-part="n"]');
    const before = Number((await n.textContent())!.replace(/\./g, ''));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const rating = await context.request.post(`${server.url}/api/units/${UNIT}/ratings`, {
      headers: { origin: server.url },
      data: { idempotencyKey: crypto.randomUUID(), service: 'perekaman-ktp-el', answers: { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 } },
    });
    expect(rating.status(), await rating.text()).toBe(201);
    // A failed fetch: the figures stay, a line says they are not fresh.
    await page.route(`**/tayang/${UNIT}`, (route) => route.abort());
    await page.clock.fastForward('01:05');
    await page.locator('body.is-stale').waitFor();
    expect(Number((await n.textContent())!.replace(/\./g, ''))).toBe(before);
    await page.unroute(`**/tayang/${UNIT}`);
    await page.clock.fastForward('01:05');
    await expect.poll(async () => Number((await n.textContent())!.replace(/\./g, ''))).toBe(before + 1);
    await page.locator('body:not(.is-stale)').waitFor();
    // The same page: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.screenshot({ path: 'test-results/tayang-after-rating.png' });
  });

  it('lets a listed origin frame the widget and refuses another; the badge loads there as an image', { timeout: 90_000 }, async () => {
    const allowed = await otherSite(server.url);
    const other = await otherSite(server.url);
    sites.push(allowed.server, other.server);
    // The administrator lists the allowed site in the admin form.
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    admin.setDefaultTimeout(15_000);
    await signInOnPage(admin, server.url, 'admin@demo.rapor.id');
    await admin.waitForURL('**/admin');
    await admin.getByLabel('Unit', { exact: true }).selectOption(UNIT);
    await admin.getByLabel('Origin yang diizinkan').fill(`${allowed.url}\nhttps://gorontalokota.go.id`);
    await admin.getByRole('button', { name: 'Simpan daftar origin' }).click();
    await admin.getByText('Tersimpan.').first().waitFor();
    await admin.close();

    const site = await context.newPage();
    await site.goto(allowed.url);
    const frame = site.frameLocator('#w');
    await frame.locator('[data-testid="ikm"]').waitFor();
    expect(await frame.locator('[data-testid="ikm"]').textContent()).toMatch(/IKM \d{2},\d{2}/);
    await expect.poll(() => site.locator('#b').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await site.screenshot({ path: 'test-results/widget-allowed.png' });

    const refused: string[] = [];
    site.on('console', (m) => refused.push(m.text()));
    await site.goto(other.url);
    await site.waitForLoadState('load');
    await expect.poll(() => refused.some((t) => /frame-ancestors/.test(t))).toBe(true);
    const widget = site.frames().find((f) => f !== site.mainFrame())!;
    expect(await widget.locator('[data-testid="ikm"]').count()).toBe(0);
    await site.screenshot({ path: 'test-results/widget-refused.png' });
    await site.close();
  });

  it('shows the archive without JavaScript, linked from the unit page and linking back to each period', async () => {
    const unitPage = await context.newPage();
    await unitPage.goto(`${server.url}/unit/${UNIT}`);
    await unitPage.getByRole('link', { name: 'Arsip hasil semua periode' }).click();
    await unitPage.waitForURL(`**/unit/${UNIT}/arsip`);
    await unitPage.close();
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const archive = await noScript.newPage();
    await archive.goto(`${server.url}/unit/${UNIT}/arsip`);
    const rows = archive.locator('tr[data-period]');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    expect(await archive.locator('tr[data-period="2025-Q4"] a').getAttribute('href')).toBe(`/unit/${UNIT}?periode=2025-Q4`);
    await archive.screenshot({ path: 'test-results/arsip.png', fullPage: true });
    await noScript.close();
  });

  it('serves the badge as well-formed SVG with an accessible title', async () => {
    const result = await page.evaluate(async (url) => {
      const text = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: svg.localName, ns: svg.namespaceURI, role: svg.getAttribute('role'),
        labelledby: svg.getAttribute('aria-labelledby'), title: doc.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent,
        firstChild: svg.firstElementChild?.localName,
      };
    }, `${server.url}/api/units/${UNIT}/badge.svg`);
    expect(result).toMatchObject({ error: 0, root: 'svg', ns: 'http://www.w3.org/2000/svg', role: 'img', labelledby: 'rapor-badge-title', firstChild: 'title' });
    expect(result.title).toMatch(/^Dinas Kependudukan dan Pencatatan Sipil Kota Gorontalo: IKM \d{2},\d{2} · [ABCD]( \(sementara\))? · \d{4}-Q[1-4] · [\d.]+ responden$/);
  });
});
