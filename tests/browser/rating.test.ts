// A resident on a 360 px phone rates a unit through its QR link, sees the receipt, and the rating is stored.
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { MASKS } from '../../core/domain/redaction.ts';
import { hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer, islandsStarted } from '../support/browser.ts';

reportSkip('rating journey');

describe.skipIf(!hasChromium)('a resident rates a service unit in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows errors next to the questions when the form is sent empty', async () => {
    await page.goto(`${server.url}/nilai/dpmptsp-kota-gorontalo?ch=qr`);
    await islandsStarted(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('DPMPTSP Kota Gorontalo');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.getByRole('link').count()).toBe(10);
    expect(await summary.textContent()).toContain('Layanan yang Anda terima');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
  });

  it('stores the rating and shows the receipt', async () => {
    await page.getByLabel('Layanan yang Anda terima').selectOption('penerbitan-pbg');
    // Answer by element code: U1..U9 each with its own 3rd or 4th label, found by the question's group.
    const chosen: Record<string, number> = {};
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      const value = i % 3 === 0 ? 3 : 4;
      chosen[element.code] = value;
      const group = page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) });
      await group.getByRole('radio', { name: element.labels.id[value - 1], exact: true }).check();
    }
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByLabel('Usia (tahun)').fill('41');
    await page.getByLabel('Pendidikan terakhir').selectOption('SMA');
    await page.getByLabel('Saran atau masukan (tidak wajib)').fill('Petugas ramah. Kabari saya di 0812-7777-8888.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();

    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    const receiptText = (await receipt.textContent())!.trim();
    expect(receiptText).toMatch(/^RPR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Terima kasih');
    await page.screenshot({ path: 'test-results/rating-receipt-360.png', fullPage: true });

    const db = new Database(server.dbFile, { readonly: true });
    try {
      const row = db.prepare(
        `select r.*, s.slug as service_slug from responses r join services s on s.id = r.service_id where receipt = ?`,
      ).get(receiptText) as Record<string, unknown> | undefined;
      expect(row).toBeDefined();
      expect(row).toMatchObject({ service_slug: 'penerbitan-pbg', channel: 'qr', gender: 'P', age: 41, education: 'SMA', verified: 0 });
      for (const element of SKM_ELEMENTS) expect(row![element.code.toLowerCase()]).toBe(chosen[element.code]);
      expect(row!.comment).toBe(`Petugas ramah. Kabari saya di ${MASKS.phone}.`);
    } finally {
      db.close();
    }
  });

  it('carries the form ticket and the browser token the page set, with no script of its own: the rating counts', async () => {
    // A resident who takes their time: the ticket set when the page was served is valid from 10 s on.
    await page.goto(`${server.url}/nilai/dpmptsp-kota-gorontalo?ch=qr`);
    await islandsStarted(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('DPMPTSP Kota Gorontalo');
    const cookies = await page.context().cookies(`${server.url}/api/units/dpmptsp-kota-gorontalo/ratings`);
    expect(cookies.map((c) => c.name).sort()).toEqual(['rapor_browser', 'rapor_ticket']);
    expect(cookies.every((c) => c.httpOnly && c.sameSite === 'Strict')).toBe(true);
    await page.getByLabel('Layanan yang Anda terima').selectOption('penerbitan-pbg');
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      await page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) }).getByRole('radio', { name: element.labels.id[(i % 2) + 2], exact: true }).check();
    }
    await page.waitForTimeout(11_000);
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    const receipt = (await page.getByTestId('receipt').textContent())!.trim();
    const db = new Database(server.dbFile, { readonly: true });
    try {
      const row = db.prepare('select ticket_hash, browser_hash, exclusion_reason from responses where receipt = ?').get(receipt) as Record<string, string | null>;
      expect(row.ticket_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.browser_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.exclusion_reason).toBeNull();
    } finally {
      db.close();
    }
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
