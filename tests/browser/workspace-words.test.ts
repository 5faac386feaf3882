// Issue 17 items 6, 7 and 12: the administration forms speak the administrator's language (messages beside the fields
// and in a summary that takes the focus, lists to pick from, a question before anything is disabled or deleted,
// 44 px targets); a reply in the unit dashboard says what happened beside its card; and the staff, evaluator and
// administrator screens show words, not codes.
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, signInOnPage, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('workspace words');

const UNIT = 'dpmptsp-kota-gorontalo';
/** The account the administrator disables (not the one the dashboard tests sign in with). */
const OTHER_STAFF = 'staff.samsat-kota-gorontalo@demo.rapor.id';
/** Codes and abbreviations a person should not have to decode. */
const JARGON: [string, RegExp][] = [
  ['rating channel code', /·\s*(web|qr|kiosk)\s*·/],
  ['respondent abbreviation', /(^|[\s·])[LP] \d{1,3}(\s|$)/m],
  ['audit action code', /\b(auth|user|reply|response|follow_up|kiosk|holiday|settings|visit_codes|evidence|export)\.[a-z_.0-9]+\b/],
  ['raw JSON', /\{"/],
  ['integrity reason code', /\b(honeypot|burst_client|burst_browser|burst_device|identical_pattern|outside_hours|repeated_comment|forged_ticket|reused_ticket|device_clock|closed_period)\b/],
  ['long character count', /Sisa \d{3,} karakter/],
];

function jargonIn(text: string): string[] {
  return JARGON.filter(([, re]) => re.test(text)).map(([name, re]) => `${name}: ${re.exec(text)![0]}`);
}

async function visibleText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

describe.skipIf(!hasChromium)('staff, evaluator and administrator screens speak plainly', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('the administration forms', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      page.setDefaultTimeout(10_000);
      await signInOnPage(page, server.url, 'admin@demo.rapor.id');
      await page.waitForURL('**/admin');
      await page.getByRole('heading', { name: 'Administrasi' }).waitFor();
    });
    afterAll(() => page?.close());

    it('an invalid unit: Indonesian messages in a summary that takes the focus and beside each field', async () => {
      const section = page.locator('section', { has: page.getByRole('button', { name: 'Simpan unit' }) });
      await section.getByRole('button', { name: 'Simpan unit' }).click();
      const summary = section.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('heading').textContent()).toBe('Ada yang perlu diperbaiki');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.error-summary'))).toBe(true);
      const text = await summary.innerText();
      expect(text).toContain('Nama unit wajib diisi.');
      expect(text).not.toMatch(/No API route|is required|\(unit\)|must be/);
      // Beside the field, tied to it, and the field marked.
      const name = page.locator('#u-name');
      expect(await name.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await name.getAttribute('aria-describedby'))!.split(' ');
      const beside = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
      expect(beside.join(' ')).toContain('Nama unit wajib diisi.');
      // Only the form that failed shows a summary.
      expect(await page.locator('.error-summary').count()).toBe(1);
      await page.screenshot({ path: 'test-results/admin-errors-360.png' });
    });

    it('a slug the server refuses is explained in words, beside its field', async () => {
      const section = page.locator('section', { has: page.getByRole('button', { name: 'Simpan unit' }) });
      await section.getByLabel('Alamat halaman unit').fill('Mal Pelayanan!');
      await section.getByLabel('Nama unit').fill('Mal Pelayanan Publik');
      await page.locator('#u-region').selectOption('7571');
      await section.getByRole('button', { name: 'Simpan unit' }).click();
      await expect.poll(() => section.locator('.error-summary').innerText()).toContain('huruf kecil');
      expect(await section.locator('.error-summary').innerText()).not.toMatch(/must|slug:|validation/);
      expect(await page.locator('#u-slug').getAttribute('aria-invalid')).toBe('true');
    });

    it('a CSV import with a bad row: the same summary, each problem a link to the file field', async () => {
      const section = page.locator('section[aria-labelledby="admin-impor-judul"]');
      const header = 'unit_slug,unit_name,unit_kind,region_code,address,service_slug,service_name,is_permit,sla_value,sla_unit,sla_starts_at,declared_users';
      await section.locator('#csv-file').setInputFiles({ name: 'unit.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nMal Pelayanan!,Mal Pelayanan Publik,lainnya,7571,,,,,,,,\n`) });
      await section.getByRole('button', { name: 'Impor', exact: true }).click();
      const summary = section.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('heading').textContent()).toBe('Ada yang perlu diperbaiki');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.error-summary'))).toBe(true);
      const link = summary.getByRole('link', { name: /Baris 2.*huruf kecil/ });
      expect(await link.getAttribute('href')).toBe('#csv-file');
    });

    it('picks an existing unit from a list to edit it', async () => {
      const section = page.locator('section', { has: page.getByRole('button', { name: 'Simpan unit' }) });
      await section.getByLabel('Unit yang diubah').selectOption(UNIT);
      await expect.poll(() => page.locator('#u-name').inputValue()).toBe('DPMPTSP Kota Gorontalo');
      expect(await page.locator('#u-region').inputValue()).toBe('7571');
    });

    it('asks before disabling an account, and Batal leaves it as it was', async () => {
      const row = page.locator('tr', { hasText: `${OTHER_STAFF}` });
      await row.getByRole('button', { name: /Nonaktifkan/ }).click();
      const question = page.getByRole('alertdialog');
      await question.waitFor();
      expect(await question.innerText()).toContain(`${OTHER_STAFF}`);
      await question.getByRole('button', { name: 'Batal' }).click();
      const db = new Database(server.dbFile, { readonly: true });
      try {
        expect(db.prepare('select disabled_at from users where email = ?').get(`${OTHER_STAFF}`)).toEqual({ disabled_at: null });
      } finally {
        db.close();
      }
      await row.getByRole('button', { name: /Nonaktifkan/ }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, nonaktifkan' }).click();
      await row.getByText('(nonaktif)').waitFor();
    });

    it('asks before deleting a holiday', async () => {
      const table = page.getByTestId('holidays');
      const rows = table.locator('tbody tr', { has: page.getByRole('button', { name: /Hapus/ }) });
      await rows.first().waitFor();
      const before = await rows.count();
      await rows.first().getByRole('button', { name: /Hapus/ }).click();
      const question = page.getByRole('alertdialog');
      await question.waitFor();
      expect(await rows.count()).toBe(before);
      await question.getByRole('button', { name: 'Ya, hapus' }).click();
      await expect.poll(() => rows.count()).toBe(before - 1);
    });

    it('gives every field and button a target at least 44 px tall', async () => {
      const small = await page.locator('main').evaluate((main) =>
        [...main.querySelectorAll<HTMLElement>('input:not([type=checkbox]):not([type=radio]), select, button, textarea')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ id: el.id || el.textContent?.trim().slice(0, 30), h: el.getBoundingClientRect().height }))
          .filter((x) => x.h < 44));
      expect(small).toEqual([]);
    });

    it('shows no codes on the administration page', async () => {
      expect(jargonIn(await visibleText(page))).toEqual([]);
    });
  });

  describe('replying in the unit dashboard', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      page.setDefaultTimeout(10_000);
      await signInOnPage(page, server.url, `staff.${UNIT}@demo.rapor.id`);
      await page.waitForURL('**/dasbor');
      await page.getByTestId('responses').locator('li').first().waitFor();
    });
    afterAll(() => page?.close());

    const card = (i: number) => page.getByTestId('responses').locator('li').filter({ has: page.getByRole('button', { name: 'Kirim tanggapan' }) }).nth(i);

    it('says "Tersimpan." on the card replied to, and an empty reply says so beside its field', async () => {
      const first = card(0);
      await first.getByLabel('Tanggapan unit (tampil publik)').fill('Terima kasih atas masukannya.');
      await first.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await first.getByRole('status').getByText('Tersimpan.').waitFor();

      const second = card(1);
      await second.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await second.getByText('Tulis tanggapan terlebih dahulu.').waitFor();
      const field = second.getByLabel('Tanggapan unit (tampil publik)');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      // The old notice is gone: nothing on the page says "Tersimpan." about a reply that was not sent.
      expect(await page.getByText('Tersimpan.').count()).toBe(0);
    });

    it('labels the reason to hide a comment visibly', async () => {
      const label = page.locator('label[for^="alasan-"]').first();
      const box = (await label.boundingBox())!;
      expect(box.width).toBeGreaterThan(20);
      expect(box.height).toBeGreaterThan(10);
    });

    it('shows no codes on the unit dashboard, and the follow-up period is picked from a list', async () => {
      await page.locator('#audit-judul').scrollIntoViewIfNeeded();
      await expect.poll(async () => page.locator('#audit-judul ~ table tbody tr').count()).toBeGreaterThan(0);
      expect(jargonIn(await visibleText(page))).toEqual([]);
      expect(await page.locator('#rtl-periode').evaluate((el) => el.tagName)).toBe('SELECT');
    });

    it('a publication the server refuses: the same summary, in words, linked to its field', async () => {
      await page.locator('#pub-media').selectOption('website');
      await page.locator('#pub-tanggal').fill('2099-01-01');
      await page.locator('#pub-bukti').fill('https://contoh.go.id/ikm');
      await page.locator('#pub-catatan').fill('');
      await page.locator('form', { has: page.locator('#pub-tanggal') }).getByRole('button').click();
      const summary = page.locator('#publikasi-judul ~ .error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('heading').textContent()).toBe('Ada yang perlu diperbaiki');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.error-summary'))).toBe(true);
      expect(await summary.getByRole('link').getAttribute('href')).toBe('#pub-tanggal');
      expect(await summary.innerText()).toContain('Tanggal publikasi tidak boleh setelah hari ini.');
      expect(await summary.innerText()).not.toMatch(/publishedOn|must/);
    });

    it('an expired session says so and how to sign in again', async () => {
      await page.context().clearCookies();
      const first = card(0);
      await first.getByLabel('Tanggapan unit (tampil publik)').fill('Balasan kedua.');
      await first.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await first.getByText(/Sesi Anda sudah berakhir/).waitFor();
      const link = first.getByRole('link', { name: /Masuk lagi/ });
      expect(await link.getAttribute('href')).toMatch(/^\/masuk\?next=%2Fdasbor/);
    });
  });

  describe('the evaluator dashboard', () => {
    it('names the integrity checks in words', async () => {
      // Three of the unit's ratings of this year held back by the burst check.
      const db = new Database(server.dbFile);
      try {
        db.prepare(`update responses set exclusion_reason = 'burst_client', excluded_at = created_at where id in (
          select r.id from responses r join units u on u.id = r.unit_id where u.slug = ? and r.exclusion_reason is null order by r.local_date desc limit 3)`).run(UNIT);
      } finally {
        db.close();
      }
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      page.setDefaultTimeout(10_000);
      try {
        await signInOnPage(page, server.url, 'evaluator.gorontalo@demo.rapor.id');
        await page.waitForURL('**/evaluasi');
        await page.locator('#ev-periode').selectOption(String(new Date().getUTCFullYear()));
        await page.getByRole('cell', { name: /DPMPTSP Kota Gorontalo/ }).first().waitFor();
        await expect.poll(async () => (await visibleText(page)).includes('Penilaian beruntun')).toBe(true);
        expect(jargonIn(await visibleText(page))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe('the accessibility statement and the data-protection contact', () => {
    it('states what was tested, the known limits and how to report, in both languages', async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      try {
        for (const [path, headings] of [['/aksesibilitas', ['Yang sudah kami uji', 'Batasan yang kami ketahui', 'Melaporkan hambatan']], ['/en/aksesibilitas', ['What we tested', 'Known limits', 'Reporting a problem']]] as const) {
          expect((await page.goto(`${server.url}${path}`))!.status()).toBe(200);
          expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(expect.arrayContaining([...headings]));
        }
      } finally {
        await page.close();
      }
    });

    it('shows on /privasi the contact the administrator set', async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      page.setDefaultTimeout(10_000);
      try {
        await signInOnPage(page, server.url, 'admin@demo.rapor.id');
        await page.waitForURL('**/admin');
        await page.getByLabel('Nama pejabat atau unit kerja').fill('PPID Kota Gorontalo');
        await page.getByLabel('Email', { exact: true }).last().fill('ppdp@gorontalokota.go.id');
        await page.getByRole('button', { name: 'Simpan kontak' }).click();
        await page.locator('#ppdp-judul ~ p[role=status]', { hasText: 'Tersimpan.' }).waitFor();
        await page.goto(`${server.url}/privasi`);
        const mail = page.getByRole('link', { name: 'ppdp@gorontalokota.go.id' });
        await mail.waitFor();
        expect(await mail.getAttribute('href')).toBe('mailto:ppdp@gorontalokota.go.id');
        expect(await page.locator('main').innerText()).toContain('PPID Kota Gorontalo');
      } finally {
        await page.close();
      }
    });
  });
});
