// A resident on a slow phone starts answering in the server's form before the rating island has loaded; when the island
// starts it must keep what they chose, not draw an empty form over it (issue 19). The island hydrates the form the
// server rendered (decision 057): the same elements, the resident's choices kept in them and in the island's state.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { hasChromium, sharedBrowser, reportSkip, sharedServer, type ServerAddress, islandsStarted } from '../support/browser.ts';

reportSkip('answers chosen before the rating island starts');

describe.skipIf(!hasChromium)('answers chosen before the rating island starts', () => {
  let server: ServerAddress;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hydrates the server form: the same elements, with the answers, service and profile picked before it started', async () => {
    // Hold the island's component script back until the resident has answered in the server's form.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/RatingForm\w*\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/nilai/dpmptsp-kota-gorontalo?ch=qr`);
    const form = page.locator('form#formulir');
    await form.waitFor();
    // A mark on the server's elements: replaced elements would not carry it.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('form#formulir, form#formulir textarea, h1')) el.setAttribute('data-from-server', '');
    });
    const question = (i: number) => page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) });
    const label = (i: number, value: number) => SKM_ELEMENTS[i]!.labels.id[value - 1]!;
    await page.getByLabel('Layanan yang Anda terima').selectOption('penerbitan-pbg');
    await question(0).getByRole('radio', { name: label(0, 3), exact: true }).check();
    await question(1).getByRole('radio', { name: label(1, 4), exact: true }).check();
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByLabel('Usia (tahun)').fill('41');
    await page.getByLabel('Pendidikan terakhir').selectOption('SMA');
    await page.getByLabel('Saran atau masukan (tidak wajib)').fill('Antrean cepat.');

    release();
    await islandsStarted(page);
    // The island hydrated the server's elements instead of drawing its own.
    expect(await page.locator('form#formulir[data-from-server]').count()).toBe(1);
    expect(await page.locator('form#formulir textarea[data-from-server]').count()).toBe(1);
    expect(await page.locator('h1[data-from-server]').count()).toBe(1);
    expect(await question(0).getByRole('radio', { name: label(0, 3), exact: true }).isChecked()).toBe(true);
    expect(await question(1).getByRole('radio', { name: label(1, 4), exact: true }).isChecked()).toBe(true);
    expect(await question(2).getByRole('radio').evaluateAll((radios) => radios.some((r) => (r as HTMLInputElement).checked))).toBe(false);
    expect(await page.getByLabel('Layanan yang Anda terima').inputValue()).toBe('penerbitan-pbg');
    expect(await page.getByRole('radio', { name: 'Perempuan' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Usia (tahun)').inputValue()).toBe('41');
    expect(await page.getByLabel('Pendidikan terakhir').inputValue()).toBe('SMA');
    expect(await page.getByLabel('Saran atau masukan (tidak wajib)').inputValue()).toBe('Antrean cepat.');
    // And in the island's state: its own check, on sending, asks only for the seven questions left (not the service,
    // not the first two), without leaving the page.
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.getByRole('link').count()).toBe(7);
    expect(await summary.textContent()).not.toMatch(/Layanan yang Anda terima|Pertanyaan 1 dari 9|Pertanyaan 2 dari 9/);
    expect(new URL(page.url()).pathname).toBe('/nilai/dpmptsp-kota-gorontalo');
  });
});
