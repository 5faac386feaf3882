// The compliance board /kepatuhan (issue 18, item 1) on a 320 px phone: the units' figures stack in cards, nothing is
// wider than the screen, and axe-core finds no WCAG 2.2 AA violation — in Bahasa Indonesia and English.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('compliance board');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!hasChromium)('the compliance board on a 320 px phone', () => {
  let server: ServerAddress;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['/kepatuhan', '/en/kepatuhan'])('%s stacks each unit in a card, fits 320 px and passes axe', async (path) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    try {
      const res = await page.request.post(`${server.url}/api/auth/login`, { headers: { origin: server.url }, data: { email: 'evaluator.gorontalo@demo.rapor.id', password: 'rapor-demo-2026' } });
      expect(res.status()).toBe(200);
      await page.goto(`${server.url}${path}`);
      await page.getByTestId('compliance-card').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('compliance-card').count()).toBeGreaterThan(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Every card links to its evidence pack.
      expect(await page.getByTestId('compliance-card').first().locator('a[href*="/api/compliance/pack?unit="]').count()).toBe(1);
      await page.screenshot({ path: `test-results/kepatuhan${path.startsWith('/en') ? '-en' : ''}-320.png` });
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      });
      expect(result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
