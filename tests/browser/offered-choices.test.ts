// Links and choices an account may not use are not offered (issue 17 item 5): staff see the SKM report link of their
// own unit only; the Gorontalo evaluator picks only Gorontalo's regions; a failure says what happened.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, signInOnPage, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('offered links and choices');

describe.skipIf(!hasChromium)('what an account is offered, in a real browser', () => {
  let server: ServerAddress;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await signInOnPage(page, server.url, email);
    await page.waitForURL((u) => u.pathname !== '/masuk');
    return page;
  }
  const reportLinks = (page: Page) => page.getByTestId('compare-table').getByRole('link', { name: /Laporan SKM/ });

  it('staff see one "Laporan SKM" link, their own unit\'s, and no region or evaluator tools', async () => {
    const page = await signedIn('staff.dukcapil-kota-gorontalo@demo.rapor.id');
    await page.goto(`${server.url}/evaluasi`);
    await expect.poll(() => page.getByTestId('compare-table').locator('tbody tr').count()).toBeGreaterThan(30);
    expect(await reportLinks(page).count()).toBe(1);
    expect(await reportLinks(page).getAttribute('href')).toMatch(/^\/laporan\/skm\?unit=dukcapil-kota-gorontalo&/);
    expect(await page.locator('#ev-wilayah option').allTextContents()).toEqual(['Semua wilayah']);
    expect(await page.getByTestId('reports-zip-id').count()).toBe(0);
    expect(await page.getByTestId('lock-evidence').count()).toBe(0);
    // The one link opens.
    await reportLinks(page).click();
    await page.locator('h1', { hasText: 'Kependudukan dan Pencatatan Sipil Kota Gorontalo' }).waitFor();
    await page.context().close();
  });

  it('the Gorontalo evaluator is offered only Gorontalo\'s regions, and a report link for every unit shown', async () => {
    const page = await signedIn('evaluator.gorontalo@demo.rapor.id');
    await page.locator('#ev-wilayah option').first().waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('#ev-wilayah option').count()).toBe(3);
    const offered = await page.locator('#ev-wilayah option').allTextContents();
    expect([...offered].sort()).toEqual(['Kabupaten Gorontalo', 'Kota Gorontalo', 'Provinsi Gorontalo']);
    expect(offered.join(' ')).not.toMatch(/Jambi|Palembang|Plaju/);
    await expect.poll(() => page.getByTestId('compare-table').locator('tbody tr').count()).toBe(17);
    expect(await reportLinks(page).count()).toBe(17);
    await page.context().close();
  });

  it('a download the server refuses or fails says so, not "check your internet"', async () => {
    const page = await signedIn('evaluator.gorontalo@demo.rapor.id');
    await expect.poll(() => page.locator('#ev-wilayah option').count()).toBe(3);
    await page.route('**/api/exports/**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"x"}}' }));
    await page.getByRole('button', { name: 'CSV IKM per unit' }).click();
    await expect.poll(() => page.getByTestId('download-progress').textContent()).toBe('Server sedang bermasalah (kode 503), bukan sambungan internet Anda. Coba lagi beberapa saat lagi.');
    await page.route('**/api/exports/**', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":{"code":"forbidden","message":"x"}}' }));
    await page.getByRole('button', { name: 'CSV IKM per unit' }).click();
    await expect.poll(() => page.getByTestId('download-progress').textContent()).toBe('Akun ini tidak berhak membuka data ini.');
    await page.route('**/api/exports/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'CSV IKM per unit' }).click();
    await expect.poll(() => page.getByTestId('download-progress').textContent()).toBe('Server tidak dapat dihubungi. Periksa sambungan internet Anda, lalu coba lagi.');
    await page.context().close();
  });

  it('a public page whose data the server cannot give says the server has trouble, in English too', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await page.route('**/api/scoreboard?**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"x"}}' }));
    await page.goto(`${server.url}/en/peringkat`);
    // The page comes with its figures (rendered on demand, decision 054): the island asks the API when a filter changes.
    await page.locator('astro-island:not([ssr])', { has: page.locator('#periode') }).waitFor();
    await page.locator('#periode').selectOption({ index: 1 });
    await expect.poll(() => page.locator('p[aria-live="polite"].hint').first().textContent()).toBe('The server is having trouble (code 503); your connection is fine. Try again in a little while.');
    await page.context().close();
  });
});
