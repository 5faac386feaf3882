// Issue 17, item 2: with JavaScript disabled (Opera Mini, data savers, a script that failed to load) a resident rates a
// unit, correcting a validation error on the way, reports a permit, lands on the receipt, and reads the unit page, the
// rankings and the permit times as HTML with the API's own figures (docs/decisions/030-server-filled-pages.md).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('no-JavaScript journeys');

const UNIT = 'dpmptsp-kota-gorontalo';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const idNumber = (x: number, digits = 2) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('a resident without JavaScript', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let receipt = '';

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function api(path: string) {
    return (await (await fetch(server.url + path)).json()) as any;
  }

  it('rates a unit: a missing answer is shown beside its question and in the summary, then the corrected form lands on the receipt', async () => {
    await page.goto(`${server.url}/nilai/${UNIT}?ch=qr`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('DPMPTSP Kota Gorontalo');
    expect(await page.locator('body').textContent()).not.toContain('membutuhkan JavaScript');
    await page.getByLabel('Layanan yang Anda terima').selectOption('penerbitan-pbg');
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      if (element.code === 'U3') continue;
      await page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) }).getByRole('radio', { name: element.labels.id[3], exact: true }).check();
    }
    await page.getByLabel('Saran atau masukan (tidak wajib)').fill('Ruang tunggu nyaman.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();

    const summary = page.locator('.error-summary');
    expect(await summary.getByRole('link').allTextContents()).toEqual([expect.stringContaining('Pertanyaan 3 dari 9')]);
    expect(await page.locator('#q-U3 .field-error').textContent()).toBe('Pilih satu jawaban untuk pertanyaan ini.');
    // The answers given, the service and the suggestion are kept.
    expect(await page.getByLabel('Layanan yang Anda terima').inputValue()).toBe('penerbitan-pbg');
    expect(await page.getByRole('group', { name: /Pertanyaan 1 dari 9/ }).getByRole('radio', { name: SKM_ELEMENTS[0]!.labels.id[3], exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Saran atau masukan (tidak wajib)').inputValue()).toBe('Ruang tunggu nyaman.');
    await page.screenshot({ path: 'test-results/no-js-rating-error-360.png', fullPage: true });

    await page.getByRole('group', { name: /Pertanyaan 3 dari 9/ }).getByRole('radio', { name: SKM_ELEMENTS[2]!.labels.id[2], exact: true }).check();
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForURL(/\/tanda-terima\/RPR-/);
    receipt = (await page.getByTestId('receipt').textContent())!.trim();
    expect(page.url()).toBe(`${server.url}/tanda-terima/${receipt}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tanda terima penilaian');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('received');
    await page.screenshot({ path: 'test-results/no-js-receipt-360.png', fullPage: true });

    const db = new Database(server.dbFile, { readonly: true });
    try {
      const row = db.prepare('select r.u1, r.u3, r.channel, r.comment, r.browser_hash, s.slug as service from responses r join services s on s.id = r.service_id where receipt = ?').get(receipt);
      expect(row).toMatchObject({ u1: 4, u3: 3, channel: 'qr', comment: 'Ruang tunggu nyaman.', service: 'penerbitan-pbg' });
      expect((row as { browser_hash: string | null }).browser_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(db.prepare('select count(*) as n from responses where receipt = ?').get(receipt)).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('reports a permit the same way: the error, its correction, the result', async () => {
    await page.goto(`${server.url}/izin/${UNIT}`);
    await page.getByLabel('Jenis izin').selectOption('penerbitan-pbg');
    await page.getByLabel('Tanggal berkas dinyatakan lengkap').fill(daysAgo(20));
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Pilih apakah izin sudah selesai.');
    expect(await page.locator('#status-izin .field-error').textContent()).toBe('Pilih apakah izin sudah selesai.');
    expect(await page.getByLabel('Tanggal berkas dinyatakan lengkap').inputValue()).toBe(daysAgo(20));

    await page.getByRole('radio', { name: 'Sudah selesai' }).check();
    await page.getByLabel('Tanggal izin selesai').fill(daysAgo(6));
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.waitForURL(/\/izin\/dpmptsp-kota-gorontalo\?laporan=/);
    expect(await page.getByTestId('permit-days').textContent()).toMatch(/^\d+ hari kerja$/);
    expect(await page.getByTestId('permit-verdict').textContent()).toContain('Selesai sesuai janji waktu');
    await page.screenshot({ path: 'test-results/no-js-permit-result-360.png', fullPage: true });
  });

  it('reads a unit page with the API\'s IKM, grade, interval, sample and elements', async () => {
    const scores = await api('/api/units/dukcapil-kota-gorontalo/scores?period=2026-S1');
    expect(scores.n).toBeGreaterThan(0);
    await page.goto(`${server.url}/unit/dukcapil-kota-gorontalo?periode=2026-S1`);
    expect(await page.locator('[data-figure="ikm"]').textContent()).toBe(idNumber(scores.ikm));
    expect(await page.locator('[data-figure="mutu"]').textContent()).toBe(scores.mutu);
    expect(await page.locator('[data-figure="n"]').textContent()).toBe(new Intl.NumberFormat('id-ID').format(scores.n));
    if (scores.ikmCi95 && scores.intervalNote !== 'too-few') {
      expect(await page.locator('[data-figure="interval"]').textContent()).toBe(`${idNumber(scores.ikmCi95[0])} – ${idNumber(scores.ikmCi95[1])}`);
    }
    const rows = await page.locator('[data-figure="elements"] tbody tr').allTextContents();
    expect(rows).toHaveLength(9);
    scores.elements.forEach((e: any, i: number) => expect(rows[i]).toContain(idNumber(e.nrr)));
    await page.screenshot({ path: 'test-results/no-js-unit-360.png', fullPage: true });
  });

  it('reads the rankings and the permit times with the API\'s figures, for the period and region asked', async () => {
    const board = await api('/api/scoreboard?period=2026&region=75');
    expect(board.ranked.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/peringkat?periode=2026&wilayah=75`);
    const ranked = page.locator('[data-figure="ranked"] tbody tr');
    expect(await ranked.count()).toBe(board.ranked.length);
    for (const [i, r] of board.ranked.entries()) {
      expect(await ranked.nth(i).getAttribute('data-slug')).toBe(r.unit.slug);
      expect(await ranked.nth(i).locator('[data-figure="ikm"]').textContent()).toBe(idNumber(r.ikm));
      expect(await ranked.nth(i).locator('[data-figure="mutu"]').textContent()).toBe(r.mutu);
    }
    await page.screenshot({ path: 'test-results/no-js-scoreboard-360.png', fullPage: true });

    const times = await api('/api/permit-times?period=2025&region=75');
    const judged = times.items.filter((row: any) => row.judgement !== 'dates_only' && row.medianDays !== null);
    expect(judged.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/waktu-izin?periode=2025&wilayah=75`);
    for (const row of judged) {
      const tr = page.locator(`[data-figure="permit-times"] tr[data-slug="${row.unit.slug}"][data-service="${row.service.slug}"]`);
      expect(await tr.locator('[data-figure="median"]').textContent()).toBe(idNumber(row.medianDays, 1));
      expect(await tr.locator('[data-figure="within"]').textContent()).toBe(row.withinSlaShare === null ? '–' : `${idNumber(row.withinSlaShare * 100, 0)}%`);
    }
  });

  it('answers 404 for a unit that does not exist, in both languages', async () => {
    for (const path of ['/unit/tidak-ada', '/en/unit/tidak-ada', '/nilai/tidak-ada', '/en/izin/tidak-ada']) {
      const res = await page.goto(server.url + path);
      expect(res!.status(), path).toBe(404);
    }
  });

  it('pages whose scripts failed to load show the server\'s HTML, and axe finds no violation in it (both languages)', async () => {
    // JavaScript on, every script refused: the islands never start, as on a failed load. axe runs through DevTools.
    const failed = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await failed.route('**/_astro/*.js', (route) => route.abort());
    const scan = await failed.newPage();
    try {
      const paths = ['/nilai/dpmptsp-kota-gorontalo', '/izin/dpmptsp-kota-gorontalo', '/unit/dukcapil-kota-gorontalo?periode=2026-S1', '/peringkat?periode=2026', '/waktu-izin?periode=2025'];
      const all = [...paths, ...paths.map((p) => `/en${p}`), '/tanda-terima/RPR-0000-0000'];
      for (const path of all) {
        const res = await scan.goto(server.url + path);
        if (path.includes('RPR-0000')) {
          expect(res!.status()).toBe(404);
          continue;
        }
        expect(res!.status(), path).toBe(200);
        await scan.locator('h1, [data-figure]').first().waitFor();
        expect(await scan.locator('[data-server-slot] *').count(), path).toBeGreaterThan(0);
        await scan.evaluate(axeSource);
        const result = await scan.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        });
        expect(result.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      }
      // The form with its errors, the receipt and the permit result are scanned too.
      await scan.goto(`${server.url}/nilai/dpmptsp-kota-gorontalo`);
      await scan.getByRole('button', { name: 'Kirim penilaian' }).click();
      await scan.locator('.error-summary').waitFor();
      const states = [scan.url()];
      expect(receipt).toMatch(/^RPR-/);
      states.push(`${server.url}/tanda-terima/${receipt}`, `${server.url}/en/tanda-terima/${receipt}`);
      for (const [i, url] of states.entries()) {
        if (i > 0) await scan.goto(url);
        await scan.evaluate(axeSource);
        const result = await scan.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        });
        expect(result.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      }
    } finally {
      await failed.close();
    }
  }, 180_000);
});
