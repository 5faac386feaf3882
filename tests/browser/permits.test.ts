// A resident reports how long a permit took and sees the working days against the promise; the unit page and the
// region view show the permit statistics as text.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer, islandsStarted } from '../support/browser.ts';

reportSkip('permit journeys');

describe.skipIf(!hasChromium)('permit times in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reports a PBG that took from 17 to 27 March 2026 and shows 3 working days within the promise', async () => {
    await page.goto(`${server.url}/izin/dpmptsp-kota-gorontalo`);
    await islandsStarted(page);
    await page.getByLabel('Jenis izin').selectOption('penerbitan-pbg');
    expect(await page.getByTestId('promise').textContent()).toContain('28 hari kerja');
    await page.getByLabel('Tanggal berkas dinyatakan lengkap').fill('2026-03-17');
    await page.getByRole('radio', { name: 'Sudah selesai' }).check();
    await page.getByLabel('Tanggal izin selesai').fill('2026-03-27');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByTestId('permit-days').waitFor();
    expect(await page.getByTestId('permit-days').textContent()).toBe('3 hari kerja');
    expect(await page.getByTestId('permit-verdict').textContent()).toContain('Selesai sesuai janji waktu');
    await page.screenshot({ path: 'test-results/permit-result-360.png', fullPage: true });

    const db = new Database(server.dbFile, { readonly: true });
    try {
      const row = db.prepare(`select working_days, within_sla from permit_reports where submitted_on = '2026-03-17' and completed_on = '2026-03-27' order by created_at desc limit 1`).get();
      expect(row).toEqual({ working_days: 3, within_sla: 1 });
    } finally {
      db.close();
    }
  });

  it('refuses a completion date before the submission date with a message at the field', async () => {
    await page.getByRole('button', { name: 'Laporkan izin lain' }).click();
    await page.getByLabel('Tanggal berkas dinyatakan lengkap').fill('2026-03-17');
    await page.getByRole('radio', { name: 'Sudah selesai' }).check();
    await page.getByLabel('Tanggal izin selesai').fill('2026-03-10');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Tanggal selesai tidak boleh sebelum tanggal berkas lengkap');
  });

  it('hydrates the form the server rendered (issue 26 item 1): the server\'s nodes stay, and the form still sends through the API', async () => {
    const p = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      // The first form#formulir-izin the parser inserts is the server's: mark it as it arrives, before any island runs.
      await p.addInitScript(() => {
        new MutationObserver((records, observer) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (n instanceof HTMLFormElement && n.id === 'formulir-izin') {
                (window as unknown as { serverForm: HTMLFormElement }).serverForm = n;
                n.dataset.fromServer = '';
                observer.disconnect();
                return;
              }
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
      // A hydration mismatch, a script the CSP refused or an error while hydrating would be said on the console.
      const said: string[] = [];
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') said.push(`${m.type()}: ${m.text()}`);
      });
      p.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
      const posts: string[] = [];
      p.on('request', (r) => {
        if (r.method() === 'POST') posts.push(`${r.headers()['content-type']} ${new URL(r.url()).pathname}`);
      });
      await p.goto(`${server.url}/izin/dpmptsp-kota-gorontalo`);
      await islandsStarted(p);
      expect(await p.evaluate(() => {
        const marked = (window as unknown as { serverForm?: HTMLFormElement }).serverForm;
        return { connected: marked?.isConnected ?? false, same: marked !== undefined && document.querySelector('form#formulir-izin') === marked };
      })).toEqual({ connected: true, same: true });
      // Hydrated: the island's own behaviour (the promise of the chosen permit) works on the server's select.
      await p.getByLabel('Jenis izin').selectOption('penerbitan-pbg');
      expect(await p.getByTestId('promise').textContent()).toContain('28 hari kerja');
      await p.getByLabel('Tanggal berkas dinyatakan lengkap').fill('2026-03-17');
      await p.getByRole('radio', { name: 'Masih menunggu' }).check();
      await p.getByRole('button', { name: 'Kirim laporan' }).click();
      await p.getByTestId('permit-days').waitFor();
      // Sent as JSON by the island (no plain-form post, no navigation to ?laporan).
      expect(posts).toEqual(['application/json /api/units/dpmptsp-kota-gorontalo/permit-reports']);
      expect(new URL(p.url()).search).toBe('');
      expect(said).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('shows permit statistics on the unit page and in the region view as text', async () => {
    const api = (await (await fetch(`${server.url}/api/units/dpmptsp-kota-gorontalo/permit-times?period=2025`)).json()) as any;
    await page.goto(`${server.url}/unit/dpmptsp-kota-gorontalo?periode=2025`);
    await page.getByTestId('permit-table').waitFor();
    const rows = await page.getByTestId('permit-table').locator('tbody tr').allTextContents();
    const pbg = api.services.find((s: any) => s.slug === 'penerbitan-pbg');
    const fmt = (x: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
    expect(rows[0]).toContain(String(pbg.n));
    expect(rows[0]).toContain(fmt(pbg.medianDays));
    expect(rows[0]).toContain(fmt(pbg.p90Days));
    expect(await page.getByTestId('distribution-table').locator('tbody tr').count()).toBe(pbg.distribution.length);

    await page.goto(`${server.url}/waktu-izin?periode=2025&wilayah=75`);
    await page.getByTestId('permit-overview').waitFor();
    expect(await page.getByTestId('permit-overview').textContent()).toContain('DPMPTSP Kota Gorontalo');
  });
});
