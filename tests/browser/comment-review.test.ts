// Issue 15, finding 14 in a real browser: a resident whose suggestion names an officer and alleges a bribe is told
// that its text waits for review outside the unit and is given the SP4N-LAPOR! link; /privasi says what is published
// and when. (The receipt part needs the rating route to answer commentReview: 'pending', decision 019.)
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer, islandsStarted } from '../support/browser.ts';

reportSkip('comment review');

describe.skipIf(!hasChromium)('a suggestion that names an officer, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('promises on the form only what is true', async () => {
    await page.goto(`${server.url}/nilai/dpmptsp-kota-gorontalo?ch=qr`);
    await islandsStarted(page);
    const hint = page.locator('#saran-petunjuk');
    await hint.waitFor();
    const text = (await hint.textContent())!;
    expect(text).not.toContain('nama, NIK, nomor HP, atau email. Jika tertulis, akan disamarkan');
    expect(text).toContain('ditinjau evaluator wilayah');
  });

  it('tells the resident the text waits for review and links to SP4N-LAPOR!', async () => {
    await page.getByLabel('Layanan yang Anda terima').selectOption('penerbitan-pbg');
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      const group = page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) });
      await group.getByRole('radio', { name: element.labels.id[1], exact: true }).check();
    }
    await page.getByLabel('Saran atau masukan (tidak wajib)').fill('Pak Budi di loket 3 minta uang 50 ribu');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    // Rendered with the receipt, from the same answer (its words come from the page's #catatan-tinjauan template).
    const note = page.getByTestId('comment-review');
    expect(await note.count()).toBe(1);
    expect(await note.getByRole('heading').textContent()).toBe('Saran Anda menunggu tinjauan');
    expect(await note.getByRole('link', { name: 'lapor.go.id' }).getAttribute('href')).toBe('https://www.lapor.go.id/');

    const db = new Database(server.dbFile, { readonly: true });
    try {
      const row = db.prepare('select comment_review, comment_review_flags from responses where receipt = ?').get((await receipt.textContent())!.trim());
      expect(row).toEqual({ comment_review: 'pending', comment_review_flags: 'names_person,alleges_misconduct' });
    } finally {
      db.close();
    }
  });

  it('says on /privasi what is published and when', async () => {
    await page.goto(`${server.url}/privasi`);
    const section = page.locator('h2#saran-terbit + ul');
    const text = (await section.textContent())!;
    expect(text).toContain('menyebut nama orang');
    expect(text).toContain('evaluator wilayah unit itu atau administrator portal');
    expect(await section.getByRole('link', { name: 'lapor.go.id' }).count()).toBe(1);
  });
});
