// A resident who uses only the keyboard (no mouse, no touch) rates a unit from its QR link on a 360×740 screen.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer, islandsStarted } from '../support/browser.ts';

reportSkip('keyboard-only rating');

describe.skipIf(!hasChromium)('rating with the keyboard only', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, hasTouch: false });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const active = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', id: el?.id ?? '', name: el?.getAttribute('name') ?? '', text: el?.textContent?.trim() ?? '' };
  });

  async function tabUntil(match: (a: Awaited<ReturnType<typeof active>>) => boolean, max = 60) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (match(await active())) return;
    }
    throw new Error(`focus never reached the element; last: ${JSON.stringify(await active())}`);
  }

  it('skips to the content, answers all nine questions, sends, and lands on the receipt', async () => {
    await page.goto(`${server.url}/nilai/dpmptsp-kota-gorontalo?ch=qr`);
    await islandsStarted(page);
    await page.locator('form#formulir').waitFor();
    await page.keyboard.press('Tab');
    expect((await active()).text).toBe('Langsung ke isi');
    await page.keyboard.press('Enter');

    await tabUntil((a) => a.id === 'layanan');
    await page.keyboard.press('ArrowDown'); // the first service
    for (let q = 1; q <= 9; q++) {
      await tabUntil((a) => a.name === `U${q}`);
      await page.keyboard.press('Space'); // checks the first answer of the group
      await page.keyboard.press('ArrowDown'); // then moves to the second, and checks it
      await page.keyboard.press('ArrowDown'); // the third: "Sesuai", "Mudah", …
    }
    await tabUntil((a) => a.tag === 'BUTTON' && a.text === 'Kirim penilaian');
    await page.keyboard.press('Enter');

    await page.getByTestId('receipt').waitFor();
    expect((await active()).tag).toBe('H1');
    const receipt = (await page.getByTestId('receipt').textContent())!.trim();
    await page.screenshot({ path: 'test-results/keyboard-receipt-360.png' });
    const db = new Database(server.dbFile, { readonly: true });
    try {
      expect(db.prepare('select u1, u5, u9, channel from responses where receipt = ?').get(receipt)).toEqual({ u1: 3, u5: 3, u9: 3, channel: 'qr' });
    } finally {
      db.close();
    }
  });

  it('shows a visible focus outline on the element that has focus', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
  });
});
