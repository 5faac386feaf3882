// A resident on a slow phone starts answering in the server's form (decision 030) before the rating island has
// loaded; when the island mounts it must keep what they chose, not draw an empty form over it (issue 19).
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

  it('keeps the answers, service and profile picked in the server form when the island mounts', async () => {
    // Hold the island's component script back until the resident has answered in the server's form.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/RatingForm\w*\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/nilai/dpmptsp-kota-gorontalo?ch=qr`);
    const serverForm = page.locator('form.sv-form');
    await serverForm.waitFor();
    const question = (i: number) => page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) });
    const label = (i: number, value: number) => SKM_ELEMENTS[i]!.labels.id[value - 1]!;
    await page.getByLabel('Layanan yang Anda terima').selectOption('penerbitan-pbg');
    await question(0).getByRole('radio', { name: label(0, 3), exact: true }).check();
    await question(1).getByRole('radio', { name: label(1, 4), exact: true }).check();
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByLabel('Usia (tahun)').fill('41');
    await page.getByLabel('Saran atau masukan (tidak wajib)').fill('Antrean cepat.');

    release();
    await islandsStarted(page);
    // The island's own form (no .sv-form class) has replaced the server's.
    await page.locator('form#formulir:not(.sv-form)').waitFor();
    expect(await serverForm.count()).toBe(0);
    expect(await question(0).getByRole('radio', { name: label(0, 3), exact: true }).isChecked()).toBe(true);
    expect(await question(1).getByRole('radio', { name: label(1, 4), exact: true }).isChecked()).toBe(true);
    expect(await question(2).getByRole('radio').evaluateAll((radios) => radios.some((r) => (r as HTMLInputElement).checked))).toBe(false);
    expect(await page.getByLabel('Layanan yang Anda terima').inputValue()).toBe('penerbitan-pbg');
    expect(await page.getByRole('radio', { name: 'Perempuan' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Usia (tahun)').inputValue()).toBe('41');
    expect(await page.getByLabel('Saran atau masukan (tidak wajib)').inputValue()).toBe('Antrean cepat.');
  });
});
