// An evaluator signs in, compares units, downloads CSV and XLSX exports (real files), approves a unit's moderation
// request on a closed quarter, and opens a printable report.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/domain/csv.ts';
import { hasChromium, launchBrowser, reportSkip, signInOnPage, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('evaluator journey');

describe.skipIf(!hasChromium)('an evaluator downloads the data', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and sees the units of Provinsi Gorontalo compared', async () => {
    await signInOnPage(page, server.url, 'evaluator.gorontalo@demo.rapor.id');
    await page.waitForURL('**/evaluasi');
    await page.getByLabel('Periode').selectOption('2026-S1');
    await expect.poll(() => page.getByTestId('compare-table').locator('tbody tr').count()).toBe(17);
  });

  it('downloads the scores as CSV and the ratings as XLSX', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV IKM per unit' }).click()]);
    expect(csv.suggestedFilename()).toBe('rapor-scores-2026-S1-75.csv');
    const rows = parseCsv(readFileSync((await csv.path())!, 'utf8'));
    expect(rows[0]!.cells.slice(0, 4)).toEqual(['unit_slug', 'unit_name', 'region_code', 'period']);
    expect(rows.length - 1).toBe(17);
    expect(rows.slice(1).every((r) => r.cells[2]!.startsWith('75'))).toBe(true);

    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'XLSX Penilaian (per responden)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('rapor-responses-2026-S1-75.xlsx');
    const bytes = readFileSync((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(50_000);
    expect(await page.getByTestId('download-progress').textContent()).toContain('Selesai');
    await page.screenshot({ path: 'test-results/evaluator-1280.png' });

    // Every unit's SKM report of the region and period, as PDFs in one ZIP.
    const [zip] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('reports-zip-id').click()]);
    expect(zip.suggestedFilename()).toBe('laporan-skm-2026-S1-75.zip');
    expect(readFileSync((await zip.path())!).subarray(0, 2).toString()).toBe('PK');
  });

  it('approves a unit\'s request to exclude a rating of a closed quarter, with a reason', async () => {
    // The unit's staff ask through the API (the staff journey shows the same from their dashboard).
    const cookie = await signInOverHttp(server, 'staff.dpmptsp-kota-gorontalo@demo.rapor.id');
    const staff = { cookie, origin: server.url, 'content-type': 'application/json' };
    const list = (await (await fetch(`${server.url}/api/staff/units/dpmptsp-kota-gorontalo/responses?period=2026-Q3&status=accepted&withComment=true`, { headers: staff })).json()) as { items: { id: string }[] };
    const id = list.items[0]!.id;
    const asked = await fetch(`${server.url}/api/staff/units/dpmptsp-kota-gorontalo/responses/${id}/hide`, { method: 'POST', headers: staff, body: JSON.stringify({ reason: 'spam', note: 'Iklan.' }) });
    expect(asked.status).toBe(202);

    await page.reload();
    const card = page.getByTestId('moderation-requests').locator('li');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.first().textContent()).toContain('Keluarkan dari IKM');
    await card.first().getByLabel('Alasan keputusan').fill('Isinya iklan, bukan penilaian.');
    await card.first().getByRole('button', { name: /Setujui/ }).click();
    await expect.poll(() => page.getByTestId('decision-notice').textContent()).toBe('Disetujui dan diterapkan.');
    expect(await card.count()).toBe(0);
    const after = (await (await fetch(`${server.url}/api/staff/units/dpmptsp-kota-gorontalo/responses?period=2026-Q3&status=excluded`, { headers: staff })).json()) as { items: { id: string; exclusionReason: string }[] };
    expect(after.items.find((i) => i.id === id)).toMatchObject({ exclusionReason: 'spam' });
  });

  it('publishes a suggestion that names an officer, which waited for review outside the unit', async () => {
    const text = 'Pak Rahmat di loket dua minta uang rokok supaya berkas cepat.';
    const rated = await fetch(`${server.url}/api/units/dpmptsp-kota-gorontalo/ratings`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.90' },
      body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: 'penerbitan-pbg', answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`U${i}`, 2])), comment: text }),
    });
    expect(((await rated.json()) as { commentReview?: string }).commentReview).toBe('pending');
    const publicComments = async () => JSON.stringify(await (await fetch(`${server.url}/api/units/dpmptsp-kota-gorontalo/comments?limit=50`)).json());
    expect(await publicComments()).not.toContain('Pak Rahmat');

    await page.reload();
    const item = page.getByTestId('comment-reviews').locator('li').filter({ hasText: 'Pak Rahmat' });
    await item.waitFor();
    expect(await item.textContent()).toContain('dugaan pelanggaran');
    await item.getByRole('button', { name: 'Terbitkan' }).click();
    await expect.poll(() => item.count()).toBe(0);
    expect(await publicComments()).toContain('Pak Rahmat');
  });

  it('opens the printable SKM report of a unit', async () => {
    await page.locator('a[href*="/laporan/skm?unit=dpmptsp-kota-gorontalo"]').click();
    await page.getByTestId('report-summary').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('DPMPTSP Kota Gorontalo');
    // NRR × 25 from the exact NRR, never from the NRR rounded to two places (issue 16 item 1); every suggestion of the
    // period with its count, and the previous period's follow-up with how it went (item 4).
    const period = new URL(page.url()).searchParams.get('periode')!;
    const report = (await (await page.request.get(`${server.url}/api/reports/skm/dpmptsp-kota-gorontalo?period=${period}`)).json()) as any;
    const idNumber = (x: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
    const rows = await page.locator('section[aria-labelledby="r-nrr"] table tbody tr').allTextContents();
    expect(rows).toHaveLength(9);
    report.elements.forEach((e: any, i: number) => expect(rows[i], e.code).toContain(`${idNumber(e.nrr)}${idNumber(e.nrr25)}`));
    expect(await page.locator('section[aria-labelledby="r-saran"] li').count()).toBe(report.suggestionsTotal);
    expect(await page.locator('section[aria-labelledby="r-saran"]').textContent()).toContain(`${report.suggestionsTotal} saran`);
    expect(await page.locator('section[aria-labelledby="r-rtl-lalu"] tbody tr').count()).toBe(Math.max(1, report.previousFollowUps.length));
    // The report as a PDF in either language, through the page's own links (the same session).
    for (const lang of ['id', 'en']) {
      const href = await page.getByTestId(`report-pdf-${lang}`).getAttribute('href');
      const res = await page.request.get(`${server.url}${href!}`);
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'test-results/skm-report-print.png', fullPage: true });
  });
});
