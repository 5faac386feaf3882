// Every page of the site, in Bahasa Indonesia and English, scanned by axe-core at WCAG 2.2 AA in real Chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, islandsStarted, sharedBrowser, reportSkip, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('accessibility scan');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Pages and the element that shows their data has loaded. */
const PAGES: { path: string; ready: string; signedIn?: boolean; as?: string; act?: (page: Page) => Promise<void>; init?: string }[] = [
  { path: '/dasbor?unit=dukcapil-kota-gorontalo', ready: '[data-testid="profile-occupation"]', signedIn: true },
  { path: '/dasbor/poster?unit=dukcapil-kota-gorontalo', ready: 'img.poster', signedIn: true },
  { path: '/dasbor/kode?unit=dukcapil-kota-gorontalo', ready: '[data-testid="code-sheet"]', signedIn: true },
  { path: '/admin', ready: '#admin-impor-judul', signedIn: true },
  { path: '/akun', ready: '[data-testid="two-factor-status"]', signedIn: true },
  { path: '/evaluasi?x=1', ready: '[data-testid="compare-table"] tbody tr', signedIn: true },
  { path: '/laporan/skm?unit=dukcapil-kota-gorontalo&periode=2026-S1', ready: '[data-testid="report-summary"]', signedIn: true },
  { path: '/', ready: '.card-list li' },
  { path: '/?q=ktp', ready: '.card-list li[data-unit] strong' },
  { path: '/cari?q=ktp', ready: '.card-list li' },
  { path: '/nilai/dpmptsp-kota-gorontalo', ready: 'form#formulir' },
  { path: '/unit/dukcapil-kota-gorontalo?periode=2026', ready: '[data-testid="elements-table"]' },
  { path: '/unit/dpmptsp-kota-gorontalo?periode=2025', ready: '[data-testid="distribution-table"]' },
  { path: '/peringkat?periode=2026', ready: '[data-testid="ranked-table"]' },
  { path: '/unit/dukcapil-kota-gorontalo/arsip', ready: 'tr[data-period]' },
  { path: '/tayang/dukcapil-kota-gorontalo', ready: '[data-part="ikm"]' },
  { path: '/widget/dukcapil-kota-gorontalo', ready: '[data-testid="ikm"]' },
  { path: '/izin/dpmptsp-kota-gorontalo', ready: 'form#formulir-izin' },
  { path: '/waktu-izin?periode=2026', ready: '[data-testid="permit-overview"]' },
  { path: '/masuk', ready: 'form.login' },
  // Accounts by mail (issue 27 item 2): the plain forms of a forgotten password, and a link that is not known (404).
  { path: '/lupa-sandi', ready: 'form.account-form' },
  { path: '/atur-sandi?token=tautan-tidak-ada', ready: '[data-token-state]' },
  {
    path: '/lupa-sandi?galat', ready: 'form.account-form',
    act: async (page) => {
      await page.locator('#reset-email').fill('bukan-alamat');
      await page.locator('form.account-form button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { path: '/metodologi', ready: 'h1' },
  { path: '/privasi', ready: 'h1' },
  { path: '/aksesibilitas', ready: 'h1' },
  { path: '/halaman-yang-tidak-ada', ready: 'h1' },
  // States (issue 17): each account's own workspace, a form's error summary, a kiosk, the phone's open menu.
  { path: '/dasbor', ready: '[data-testid="profile-occupation"]', signedIn: true, as: 'staff.dpmptsp-kota-gorontalo@demo.rapor.id' },
  { path: '/evaluasi', ready: '[data-testid="compare-table"] tbody tr', signedIn: true, as: 'evaluator.gorontalo@demo.rapor.id' },
  { path: '/akun', ready: '[data-testid="two-factor-status"]', signedIn: true, as: 'evaluator.gorontalo@demo.rapor.id' },
  {
    path: '/nilai/dpmptsp-kota-gorontalo?galat', ready: 'form#formulir',
    act: async (page) => {
      await page.locator('form#formulir button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  {
    path: '/izin/dpmptsp-kota-gorontalo?galat', ready: 'form#formulir-izin',
    act: async (page) => {
      await page.locator('form#formulir-izin button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  {
    // The sign-in form's error summary (an address with no account: no real account's sign-in limits are touched).
    path: '/masuk?galat', ready: 'form.login',
    act: async (page) => {
      await page.locator('astro-island:not([ssr])', { has: page.locator('form.login') }).waitFor();
      await page.locator('#email').fill('tidak-ada@contoh.go.id');
      await page.locator('#password').fill('bukan-kata-sandinya');
      await page.locator('form.login button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { path: '/nilai/dukcapil-kota-gorontalo?ch=kiosk', ready: 'form#formulir', init: "localStorage.setItem('rapor-kios:dukcapil-kota-gorontalo', 'token-of-a-kiosk')" },
  { path: '/nilai/dukcapil-kota-gorontalo?ch=kiosk&siap', ready: '#token-kios', init: "localStorage.removeItem('rapor-kios:dukcapil-kota-gorontalo')" },
  { path: '/peringkat?menu', ready: '[data-testid="ranked-table"]', act: async (page) => page.locator('header .menu summary').click() },
];

describe.skipIf(!hasChromium)('accessibility (axe-core, WCAG 2.2 AA)', () => {
  let server: ServerAddress;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = PAGES.flatMap((p) => [
    { ...p, url: p.path },
    { ...p, url: p.path === '/halaman-yang-tidak-ada' ? '/en/halaman-yang-tidak-ada' : `/en${p.path}` },
  ]);

  it.each(cases)('$url has no violations', async ({ url, ready, signedIn, as, act, init }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      if (signedIn) {
        const res = await page.request.post(`${server.url}/api/auth/login`, {
          headers: { origin: server.url }, data: { email: as ?? 'admin@demo.rapor.id', password: 'rapor-demo-2026' },
        });
        expect(res.status()).toBe(200);
      }
      if (init) await page.addInitScript(init);
      const response = await page.goto(server.url + url);
      expect(response?.status()).toBe(url.includes('tidak-ada') ? 404 : 200);
      // The islands' state is scanned here (the server's HTML before they start: tests/browser/no-javascript.test.ts).
      await islandsStarted(page);
      await page.locator(ready).first().waitFor();
      if (act) await act(page);
      // Evaluated through the DevTools protocol: the site's CSP (rightly) refuses inline scripts it does not know.
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      });
      const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
