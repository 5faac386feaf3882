// An evaluator locks a period's evidence from the dashboard and follows the link to its verification page, which a
// reader without JavaScript sees in full (issue 16 item 9, docs/decisions/026).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, signInOnPage, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('locked evidence journey');

describe.skipIf(!hasChromium)('an evaluator locks evidence', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('locks 2026-Q3 for Provinsi Gorontalo from the dashboard; the verification page works without JavaScript', async () => {
    await signInOnPage(page, server.url, 'evaluator.gorontalo@demo.rapor.id');
    await page.waitForURL('**/evaluasi');
    await page.getByLabel('Periode').selectOption('2026-Q3');
    await page.getByTestId('lock-evidence').click();
    // Locking a region recounts every unit's files: on a loaded machine that takes more than poll's default second.
    await expect.poll(() => page.getByTestId('lock-notice').textContent(), { timeout: 30_000 }).toContain('Bukti terkunci, versi 1');
    const link = await page.getByTestId('lock-notice').getByRole('link').getAttribute('href');
    expect(link).toMatch(/^\/bukti\/[0-9a-f-]{36}$/);

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    try {
      const plain = await context.newPage();
      const res = await plain.goto(`${server.url}${link}`);
      expect(res!.status()).toBe(200);
      await expect.poll(() => plain.getByRole('heading', { level: 1 }).textContent()).toContain('Bukti terkunci: 2026-Q3');
      expect(await plain.getByRole('status').textContent()).toContain('Angka langsung sama dengan bukti terkunci');
      expect(await plain.locator('table.evidence-files tbody tr').count()).toBeGreaterThan(10);
      // At 360 px the table stacks (decision 037): no word or number of a cell is broken across lines (issue 25 item 5).
      const broken = await plain.locator('table.evidence-files tbody td').evaluateAll((cells) => cells.flatMap((cell) => {
        if (cell.querySelector('code')) return [];
        const text = cell.firstChild?.nodeType === Node.TEXT_NODE ? cell.firstChild : cell.querySelector('a, strong')?.firstChild;
        if (!text || !text.textContent) return [];
        const out: string[] = [];
        for (const m of text.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index!);
          range.setEnd(text, m.index! + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(m[0]);
        }
        return out;
      }));
      expect(broken).toEqual([]);
      expect(await plain.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await plain.getByText('Evaluator BKPSDM Provinsi Gorontalo (demo)').count()).toBe(1);
      await plain.screenshot({ path: 'test-results/evidence-360.png', fullPage: false });
      await plain.getByRole('link', { name: 'English' }).click();
      expect(await plain.getByRole('heading', { level: 1 }).textContent()).toContain('Locked evidence: 2026-Q3');
    } finally {
      await context.close();
    }
  });
});
