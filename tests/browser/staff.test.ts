// A staff member signs in, replies to a comment, hides another with a reason, adds a follow-up item and prints the
// QR poster; the public unit page shows the reply and no longer the hidden comment. Excluding a rating of a closed
// quarter waits for an evaluator.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, signInOnPage, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('staff journey');

const UNIT = 'dpmptsp-kota-gorontalo';

describe.skipIf(!hasChromium)('a staff member works on the unit dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let replied = '';
  let hidden = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in with the demo account and lands on the dashboard', async () => {
    await signInOnPage(page, server.url, `staff.${UNIT}@demo.rapor.id`);
    expect(await page.getByTestId('demo-note').textContent()).toContain('rapor-demo-2026');
    await page.waitForURL('**/dasbor');
    await page.getByRole('heading', { name: 'Dasbor unit: DPMPTSP Kota Gorontalo' }).waitFor();
    await page.getByTestId('profile-gender').waitFor();
  });

  it('replies to one comment and hides another as abusive', async () => {
    const cards = page.getByTestId('responses').locator('li');
    await cards.first().waitFor();
    replied = (await cards.nth(0).getAttribute('data-response'))!;
    hidden = (await cards.nth(1).getAttribute('data-response'))!;
    await cards.nth(0).getByLabel('Tanggapan unit (tampil publik)').fill('Terima kasih, masukan Bapak/Ibu kami tindak lanjuti.');
    await cards.nth(0).getByRole('button', { name: 'Kirim tanggapan' }).click();
    await cards.nth(0).getByText('Terima kasih, masukan Bapak/Ibu kami tindak lanjuti.').waitFor();
    await cards.nth(1).getByLabel('Alasan menyembunyikan').selectOption('kasar');
    await cards.nth(1).getByRole('button', { name: 'Sembunyikan' }).click();
    // Hiding asks first (issue 28 item 2).
    await cards.nth(1).getByRole('alertdialog').getByRole('button', { name: 'Ya, sembunyikan' }).click();
    await cards.nth(1).getByText('Disembunyikan: Kasar').waitFor();
  });

  it('adds a follow-up item from the suggestion for the weakest element', async () => {
    await page.getByRole('button', { name: /Pakai usulan ini/ }).first().click();
    await page.getByLabel('Target selesai').fill('2026-12-31');
    await page.locator('#rtl-periode').selectOption('2026-S2');
    await page.locator('form.rtl-form').getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => page.getByTestId('follow-ups-table').locator('tbody tr').count()).toBe(4);
    await page.screenshot({ path: 'test-results/dashboard-1280.png', fullPage: false });
  });

  it('opens the printable QR poster', async () => {
    await page.goto(`${server.url}/dasbor/poster?unit=${UNIT}`);
    const img = page.getByRole('img', { name: /Poster QR untuk loket/ });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await page.screenshot({ path: 'test-results/qr-poster.png', fullPage: true });
  });

  it('shows the reply on the public unit page and no longer the hidden comment', async () => {
    const visitor = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await visitor.goto(`${server.url}/unit/${UNIT}`);
    const comments = visitor.getByTestId('comments');
    await comments.locator('li').first().waitFor();
    expect(await comments.locator(`[data-comment="${replied}"]`).textContent()).toContain('Terima kasih, masukan Bapak/Ibu kami tindak lanjuti.');
    expect(await comments.locator(`[data-comment="${hidden}"]`).count()).toBe(0);
    const db = new Database(server.dbFile, { readonly: true });
    try {
      expect(db.prepare('select comment_hidden_reason from responses where id = ?').get(hidden)).toEqual({ comment_hidden_reason: 'kasar' });
      expect(db.prepare("select count(*) as n from audit_log where action in ('reply.create', 'response.hide', 'follow_up.create')").get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
    await visitor.close();
  });

  it('counts visit codes without saying when they were used, and asks an evaluator before excluding a rating of a closed quarter', async () => {
    await page.goto(`${server.url}/dasbor`);
    await page.getByRole('heading', { name: 'Dasbor unit: DPMPTSP Kota Gorontalo' }).waitFor();
    await expect.poll(() => page.getByTestId('unused-codes').textContent()).toMatch(/kode belum dipakai · \d+ dari \d+ kode sudah dipakai/);
    // The third quarter ended on 30 September: it is closed (docs/decisions/021-closed-periods.md).
    await page.locator('#periode-dasbor').selectOption('2026-Q3');
    const first = page.getByTestId('responses').locator('li').filter({ has: page.getByLabel('Alasan menyembunyikan') }).first();
    // Wait for the quarter's own ratings, then hold on to one card by its id (the list re-renders as it loads).
    await expect.poll(() => first.locator('.meta').first().textContent()).toMatch(/(Juli|Agustus|September) 2026/);
    const id = (await first.getAttribute('data-response'))!;
    const card = page.locator(`[data-response="${id}"]`);
    await card.getByLabel('Alasan menyembunyikan').selectOption('spam');
    await card.getByLabel('Alasan tertulis (wajib untuk penilaian tanpa saran)').fill('Iklan, bukan penilaian layanan.');
    await card.getByRole('button', { name: 'Sembunyikan' }).click();
    await card.getByRole('alertdialog').getByRole('button', { name: 'Ya, sembunyikan' }).click();
    const pending = page.locator(`[data-response="${id}"]`).getByTestId('pending-approval');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('Menunggu persetujuan evaluator');
    const db = new Database(server.dbFile, { readonly: true });
    try {
      expect(db.prepare('select action, reason, decision, exclusion_reason from moderation_requests join responses on responses.id = response_id where response_id = ?').get(id))
        .toEqual({ action: 'exclude', reason: 'spam', decision: null, exclusion_reason: null });
    } finally {
      db.close();
    }
  });
});
