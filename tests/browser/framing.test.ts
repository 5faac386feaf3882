// In Chromium, from another origin: a page there that frames the portal's pages gets nothing of them (issue 24 F5:
// over real HTTP, compressed pages and 404s went out without X-Frame-Options and CSP frame-ancestors, and Chromium
// framed them). Tried with the compression Chromium asks for, and with it refused (Accept-Encoding: identity).
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, hasChromium, sharedBrowser, reportSkip, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('framing from another origin');

const FRAMED = ['/peringkat', '/unit/samsat-palembang-1', '/halaman-tidak-ada'];

describe.skipIf(!hasChromium)('framing the portal from another origin', () => {
  let server: ServerAddress;
  let browser: Browser;
  let elsewhere: Server;
  let elsewhereUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
    // Another site (another port is another origin), whose page frames the portal's pages.
    const port = await freePort();
    elsewhere = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>elsewhere</title>${FRAMED.map((p) => `<iframe src="${server.url}${p}" width="600" height="400"></iframe>`).join('')}`);
    });
    await new Promise<void>((resolve) => elsewhere.listen(port, '127.0.0.1', resolve));
    elsewhereUrl = `http://127.0.0.1:${port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => elsewhere?.close(resolve));
    await browser?.close();
  });

  async function frameFromElsewhere(page: Page): Promise<{ path: string; encoding: string; shown: number; refused: boolean }[]> {
    const encodings = new Map<string, string>();
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      if (res.url().startsWith(server.url) && FRAMED.includes(path)) encodings.set(path, res.headers()['content-encoding'] ?? 'none');
    });
    await page.goto(elsewhereUrl, { waitUntil: 'load' });
    await expect.poll(() => encodings.size, { timeout: 15_000 }).toBe(FRAMED.length);
    const found = [];
    for (const [i, path] of FRAMED.entries()) {
      const frame = await (await page.locator('iframe').nth(i).elementHandle())!.contentFrame();
      // A refused frame holds Chromium's error page, never the portal's page (its <main> and its heading).
      const shown = frame ? await frame.locator('main').count().catch(() => 0) : 0;
      found.push({ path, encoding: encodings.get(path)!, shown, refused: frame?.url() === 'chrome-error://chromewebdata/' });
    }
    return found;
  }

  it('refuses /peringkat, a unit page and a 404 with the compression Chromium negotiates (gzip)', async () => {
    const page = await browser.newPage();
    const found = await frameFromElsewhere(page);
    expect(found).toEqual(FRAMED.map((path) => ({ path, encoding: 'gzip', shown: 0, refused: true })));
    await page.close();
  });

  it('refuses them as well when the browser asks for no compression', async () => {
    const page = await browser.newPage();
    // Chromium always asks for gzip: the portal's answers are fetched here without it, as the server sends them, and
    // handed to the browser as they came (status, headers, body).
    await page.route(`${server.url}/**`, async (route) => route.fulfill({ response: await route.fetch({ headers: { ...route.request().headers(), 'accept-encoding': 'identity' } }) }));
    const found = await frameFromElsewhere(page);
    expect(found).toEqual(FRAMED.map((path) => ({ path, encoding: 'none', shown: 0, refused: true })));
    await page.close();
  });

  it('shows the same pages when they are opened directly (the check above can see a page)', async () => {
    const page = await browser.newPage();
    for (const path of FRAMED) {
      await page.goto(server.url + path);
      expect(await page.locator('main').count()).toBe(1);
    }
    await page.close();
  });
});
