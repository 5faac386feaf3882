// An administrator adds a unit and a permit service with its SLA; the public unit page shows the promise.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, signInOnPage, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('administrator journey');

describe.skipIf(!hasChromium)('an administrator sets up a unit', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a unit and a permit service with its completion time', async () => {
    await signInOnPage(page, server.url, 'admin@demo.rapor.id');
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'Administrasi' }).waitFor();
    // Only permits are permits: a new service starts unticked (issue 25, item 11).
    expect(await page.getByLabel('Layanan perizinan').isChecked()).toBe(false);

    const unitForm = page.locator('form', { has: page.getByRole('button', { name: 'Simpan unit' }) });
    await unitForm.getByLabel('Alamat halaman unit').fill('mpp-kota-gorontalo');
    await unitForm.getByLabel('Nama unit').fill('Mal Pelayanan Publik Kota Gorontalo');
    await unitForm.getByLabel('Jenis unit').selectOption('lainnya');
    await unitForm.getByLabel('Wilayah').selectOption('7571');
    await unitForm.getByLabel('Alamat', { exact: true }).fill('Jl. Nani Wartabone, Kota Gorontalo');
    await unitForm.getByRole('button', { name: 'Simpan unit' }).click();
    await page.getByText('Tersimpan.').first().waitFor();

    const form = page.locator('form', { has: page.getByRole('button', { name: 'Simpan layanan' }) });
    await form.getByLabel('Unit layanan').selectOption('mpp-kota-gorontalo');
    await form.getByLabel('Alamat layanan').fill('izin-usaha-mikro');
    await form.getByLabel('Nama layanan').fill('Izin Usaha Mikro dan Kecil');
    await form.getByLabel('Layanan perizinan').check();
    await form.getByLabel('Janji waktu (angka)').fill('3');
    await form.getByLabel('Satuan waktu').selectOption('working_days');
    await form.getByLabel('Pengguna setahun (untuk target sampel)').fill('2400');
    await form.getByRole('button', { name: 'Simpan layanan' }).click();
    await expect.poll(async () => (await fetch(`${server.url}/api/units/mpp-kota-gorontalo`)).status).toBe(200);
    await expect.poll(async () => ((await (await fetch(`${server.url}/api/units/mpp-kota-gorontalo`)).json()) as any).services.length).toBe(1);
    await page.screenshot({ path: 'test-results/admin-1280.png' });

    const visitor = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await visitor.goto(`${server.url}/unit/mpp-kota-gorontalo`);
    await visitor.getByRole('heading', { name: 'Mal Pelayanan Publik Kota Gorontalo' }).waitFor();
    expect(await visitor.getByText('3 hari kerja').first().textContent()).toContain('3 hari kerja');
    await visitor.close();
  });
});
