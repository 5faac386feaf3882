// An evaluator locks a period's evidence from the dashboard and follows the link to its verification page, which a
// reader without JavaScript sees in full (issue 16 item 9, docs/decisions/026).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseCsv } from '../../core/domain/csv.ts';
import { hasChromium, sharedBrowser, reportSkip, signInOnPage, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';

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
      const files = await plain.locator('table.evidence-files tbody tr').count();
      expect(files).toBeGreaterThan(10);
      // A reader without an account sees every hash but no download link (decision 050); the signed-in evaluator has them.
      expect(await plain.locator('table.evidence-files a[download]').count()).toBe(0);
      expect(await plain.locator('[data-download-restricted]').count()).toBe(files);
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
    await page.goto(`${server.url}${link}`);
    expect(await page.locator('table.evidence-files a[download]').count()).toBe(await page.locator('table.evidence-files tbody tr').count());
  });

  it('over HTTP: a locked file with figures behind fewer than 5 ratings (puskesmas-telaga 2026-Q3, n 2) is refused to an anonymous reader and served exactly to the evaluator (issue 25 item 7, decision 050)', async () => {
    const evaluator = await signInOverHttp(server, 'evaluator.gorontalo@demo.rapor.id');
    const made = await fetch(`${server.url}/api/evidence/locks`, {
      method: 'POST', headers: { cookie: evaluator, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3', unit: 'puskesmas-telaga' }),
    });
    expect(made.status).toBe(201);
    const lock = (await made.json()) as { id: string; files: { name: string; sha256: string }[] };
    const url = `${server.url}/api/evidence/${lock.id}/files/scores.csv`;

    const anonymous = await fetch(url);
    const refused = await anonymous.text();
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(refused).error.code).toBe('not_signed_in');
    expect(refused).not.toContain('81.94');

    const allowed = await fetch(url, { headers: { cookie: evaluator } });
    expect(allowed.status).toBe(200);
    const bytes = Buffer.from(await allowed.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(lock.files.find((f) => f.name === 'scores.csv')!.sha256);
    const [header, row] = parseCsv(bytes.toString('utf8'), ',').map((r) => r.cells);
    expect([row![header!.indexOf('n')], row![header!.indexOf('ikm')]]).toEqual(['2', '81.94']);
    // The public page still lists every file's hash, so a file handed over can be checked.
    const page = await (await fetch(`${server.url}/bukti/${lock.id}`)).text();
    for (const f of lock.files) expect(page).toContain(f.sha256);
  });
});
