// No page scrolls sideways on a small phone (320 and 360 CSS px) or with the browser's text size at 200 %, for every
// page type and the states it has (public, staff, evaluator, administrator; both languages), and the key figures of
// each ranking row stay in view. Screenshots of the key screens at 360 px go to test-results/.
//
// How 200 % text is simulated, and why: a browser's *page* zoom at 200 % only shrinks the CSS viewport (a 1280 px
// window becomes 640 CSS px, a phone's 360 px becomes 180 px and pinch-zoom takes over); 640 px is wider than the
// 320 px case below, and 320 px is itself WCAG 1.4.10's 400 % zoom of a 1280 px screen. What stays untested is the
// reader who sets a *larger text size* (Chromium's Settings → Appearance → Font size, Firefox's "zoom text only",
// a phone's large-text setting): the viewport keeps its width and every font sized in rem/em/% doubles. Chromium's
// own setting is what the DevTools protocol's Page.setFontSizes changes (default 16 px → 32 px), so that is what this
// test does, on a 360 px phone: no CSS injected into the page, the page under test is the page as shipped.
//
// On the same page load, no word or number in a table or a key figure is broken inside (issue 25 item 10: "91,6 7",
// "Perin gkat", "2027 -02- 28"): each word's rendered line boxes must sit on one line. The pages with tables are also
// opened on a 1366 px desktop, where a squeezed table column broke words as a narrow phone does (decision 049).
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('narrow screens');

type Role = 'public' | 'staff' | 'staffPermits' | 'evaluator' | 'admin';
const EMAILS: Record<Exclude<Role, 'public'>, string> = {
  staff: 'staff.dukcapil-kota-gorontalo@demo.rapor.id',
  staffPermits: 'staff.dpmptsp-kota-gorontalo@demo.rapor.id',
  evaluator: 'evaluator.gorontalo@demo.rapor.id',
  admin: 'admin@demo.rapor.id',
};

interface PageCase {
  name: string;
  path: string;
  /** Shown once the page has its data. */
  ready: string;
  role: Role;
  /** Brings the page into a state (an error summary, a receipt) after it is ready. */
  act?: (page: Page) => Promise<void>;
  /** Sets up the browser before the page loads. */
  init?: string;
  /** Public pages are checked in both languages. */
  bothLanguages?: boolean;
  status?: number;
  screenshot?: string;
  /** Has tables: also checked on a 1366 px desktop. */
  tables?: boolean;
}

const PAGES: PageCase[] = [
  // Public
  { name: 'home', path: '/', ready: '.card-list li', role: 'public', bothLanguages: true, screenshot: 'home' },
  { name: 'nilai', path: '/nilai/dukcapil-kota-gorontalo', ready: 'form#formulir', role: 'public', bothLanguages: true, screenshot: 'nilai' },
  {
    name: 'nilai, errors', path: '/nilai/dpmptsp-kota-gorontalo', ready: 'form#formulir', role: 'public', bothLanguages: true, screenshot: 'nilai-errors',
    act: async (page) => {
      await page.locator('form#formulir button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  {
    name: 'nilai, kiosk', path: '/nilai/dukcapil-kota-gorontalo?ch=kiosk', ready: 'form#formulir', role: 'public', screenshot: 'nilai-kiosk',
    // A kiosk that was set up (the token is only checked when a rating is sent).
    init: "localStorage.setItem('rapor-kios:dukcapil-kota-gorontalo', 'token-of-a-kiosk')",
  },
  {
    name: 'nilai, kiosk set-up', path: '/nilai/dukcapil-kota-gorontalo?ch=kiosk', ready: '#token-kios', role: 'public',
    init: "localStorage.removeItem('rapor-kios:dukcapil-kota-gorontalo')",
  },
  { name: 'unit', tables: true, path: '/unit/dukcapil-kota-gorontalo?periode=2026', ready: '[data-testid="elements-table"]', role: 'public', bothLanguages: true, screenshot: 'unit' },
  { name: 'unit, permits', tables: true, path: '/unit/dpmptsp-kota-gorontalo?periode=2025', ready: '[data-testid="distribution-table"]', role: 'public', bothLanguages: true, screenshot: 'unit-dpmptsp' },
  { name: 'peringkat', tables: true, path: '/peringkat?periode=2026', ready: '[data-testid="ranked-table"]', role: 'public', bothLanguages: true, screenshot: 'peringkat' },
  { name: 'izin', path: '/izin/dpmptsp-kota-gorontalo', ready: 'form#formulir-izin', role: 'public', bothLanguages: true, screenshot: 'izin' },
  {
    name: 'izin, errors', path: '/izin/dpmptsp-kota-gorontalo', ready: 'form#formulir-izin', role: 'public', bothLanguages: true,
    act: async (page) => {
      await page.locator('form#formulir-izin button[type="submit"]').click();
      await page.locator('.error-summary').waitFor();
    },
  },
  { name: 'waktu-izin', tables: true, path: '/waktu-izin?periode=2026', ready: '[data-testid="permit-overview"]', role: 'public', bothLanguages: true, screenshot: 'waktu-izin' },
  { name: 'masuk', path: '/masuk', ready: 'form.login', role: 'public', bothLanguages: true },
  { name: 'metodologi', tables: true, path: '/metodologi', ready: 'h1', role: 'public', bothLanguages: true },
  { name: 'privasi', path: '/privasi', ready: 'h1', role: 'public', bothLanguages: true },
  { name: '404', path: '/halaman-yang-tidak-ada', ready: 'h1', role: 'public', bothLanguages: true, status: 404 },
  // Staff
  { name: 'dasbor (staff)', tables: true, path: '/dasbor', ready: '[data-testid="profile-occupation"]', role: 'staff', bothLanguages: true, screenshot: 'dasbor-staff' },
  { name: 'dasbor (staff, permits)', tables: true, path: '/dasbor', ready: '[data-testid="profile-occupation"]', role: 'staffPermits' },
  { name: 'dasbor/kode', path: '/dasbor/kode?unit=dukcapil-kota-gorontalo', ready: '[data-testid="code-sheet"]', role: 'staff' },
  { name: 'dasbor/poster', path: '/dasbor/poster?unit=dukcapil-kota-gorontalo', ready: 'img.poster', role: 'staff' },
  { name: 'laporan/skm (staff)', tables: true, path: '/laporan/skm?unit=dukcapil-kota-gorontalo&periode=2026-S1', ready: '[data-testid="report-summary"]', role: 'staff' },
  // Evaluator
  { name: 'evaluasi', tables: true, path: '/evaluasi', ready: '[data-testid="compare-table"] tbody tr', role: 'evaluator', bothLanguages: true, screenshot: 'evaluasi' },
  { name: 'laporan/skm', tables: true, path: '/laporan/skm?unit=dukcapil-kota-gorontalo&periode=2026-S1', ready: '[data-testid="report-summary"]', role: 'evaluator', bothLanguages: true, screenshot: 'laporan-skm' },
  { name: 'akun (evaluator)', path: '/akun', ready: '[data-testid="two-factor-status"]', role: 'evaluator' },
  // Administrator
  { name: 'admin', tables: true, path: '/admin', ready: '#admin-impor-judul', role: 'admin', bothLanguages: true, screenshot: 'admin' },
  { name: 'dasbor (admin)', tables: true, path: '/dasbor?unit=dpmptsp-kota-gorontalo', ready: '[data-testid="profile-occupation"]', role: 'admin', screenshot: 'dasbor-admin' },
  { name: 'akun (admin)', path: '/akun', ready: '[data-testid="two-factor-status"]', role: 'admin' },
  { name: 'evaluasi (admin)', tables: true, path: '/evaluasi', ready: '[data-testid="compare-table"] tbody tr', role: 'admin' },
];

const MODES = [
  { mode: '320 px', width: 320, fontPx: 16 },
  { mode: '360 px', width: 360, fontPx: 16 },
  { mode: '200 % text', width: 360, fontPx: 32 },
] as const;
const DESKTOP = { mode: '1366 px', width: 1366, fontPx: 16 } as const;

// One test per page and language: the page is loaded once and measured in every mode in turn (the viewport resized,
// the text size changed on the same page; decision 051), the narrowest first.
const CASES = PAGES.flatMap((p) => (p.bothLanguages ? ['', '/en'] : ['']).map((prefix) => {
  const modes = [...MODES, ...(p.tables ? [DESKTOP] : [])];
  return {
    ...p, modes,
    url: p.path === '/halaman-yang-tidak-ada' && prefix ? '/en/halaman-yang-tidak-ada' : prefix + p.path,
    label: `${prefix || '/id'} ${p.name} at ${modes.map((m) => m.mode).join(', ')}`,
  };
}));

/** Chromium's own text-size setting (Settings → Appearance → Font size), on a page already loaded: it lays out again. */
async function setTextSize(page: Page, fontPx: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: fontPx, fixed: Math.round(fontPx * 13 / 16) } });
  await cdp.detach();
}

/** What sticks out to the right of the viewport: the elements that leave their parent, widest overflow first. */
function measureOverflow(): { scrollWidth: number; clientWidth: number; offenders: string[] } {
  const root = document.documentElement;
  const clientWidth = root.clientWidth;
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const classes = [...el.classList].filter((c) => !c.startsWith('svelte-')).map((c) => `.${c}`).join('');
    const testid = el.getAttribute('data-testid') ? `[data-testid="${el.getAttribute('data-testid')}"]` : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${id}${classes}${testid} "${text}"`;
  };
  const clipped = (el: Element) => {
    for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const found: { right: number; text: string }[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= clientWidth + 1 || clipped(el)) continue;
    const parent = el.parentElement?.getBoundingClientRect();
    if (parent && r.right <= parent.right + 1 && el.parentElement !== document.body) continue; // its parent is the culprit
    found.push({ right: r.right, text: `${describe(el)}: ${Math.round(r.width)} px wide, ${Math.round(r.right - clientWidth)} px past the edge` });
  }
  // Nothing sticks out of its parent by a whole pixel: then name whatever reaches past the edge at all.
  if (found.length === 0 && root.scrollWidth > clientWidth) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > clientWidth && !clipped(el)) found.push({ right: r.right, text: `${describe(el)}: right edge at ${r.right.toFixed(1)} px` });
    }
  }
  found.sort((a, b) => b.right - a.right);
  return { scrollWidth: root.scrollWidth, clientWidth, offenders: found.slice(0, 6).map((f) => f.text) };
}

/**
 * The words and numbers of the tables and key figures that the browser broke inside, as '"91,67" as "91,6|7"': each
 * word's characters are placed on their rendered lines (a Range per character) and a word whose characters sit on more
 * than one line is broken. A compound may wrap after its hyphen, dash or slash when both parts hold a letter
 * ("tindak-|lanjut", "(D1–|D3)"), as a typesetter would; a number, date or period may not ("2027-|02-|28", "2026-|S1").
 * An e-mail address (marked .address) may be longer than a phone's line and is not checked.
 */
function findBrokenWords(): string[] {
  const selector = 'table th, table td, table caption, dl dt, dl dd, .headline, .sv-headline';
  const broken = new Set<string>();
  const range = document.createRange();
  const lineTops = (node: Text, start: number, end: number): { top: number; height: number }[] => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => ({ top: r.top, height: r.height }));
  };
  for (const el of document.querySelectorAll(selector)) {
    // Text that is visually hidden (a stacked table's header row, 1 px wide) or not rendered is not read on screen.
    if (!(el as HTMLElement).checkVisibility?.() || el.closest('.visually-hidden')) continue;
    if (el.closest('thead') && el.closest('thead')!.getBoundingClientRect().width <= 1) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      // Each text node is checked once, by the innermost matching element.
      if (node.parentElement?.closest(selector) !== el || node.parentElement?.closest('.address')) continue;
      for (const m of node.data.matchAll(/\S+/g)) {
        const word = m[0];
        if (word.length < 2) continue;
        const rects = lineTops(node, m.index, m.index + word.length);
        if (rects.length < 2) continue;
        const minTop = Math.min(...rects.map((r) => r.top));
        if (!rects.some((r) => r.top - minTop > r.height / 2)) continue;
        // Where it broke: its characters line by line.
        const pieces: string[] = [];
        let lastTop = -Infinity;
        for (let i = 0; i < word.length; i++) {
          const r = lineTops(node, m.index + i, m.index + i + 1)[0];
          if (r && r.top - lastTop > r.height / 2 && pieces.length > 0) pieces.push('|');
          if (r) lastTop = Math.max(lastTop, r.top);
          pieces.push(word[i]!);
        }
        const shown = pieces.join('');
        const lines = shown.split('|');
        const allowed = lines.slice(0, -1).every((line, i) => /[-/–]$/u.test(line) && /\p{L}/u.test(line) && /\p{L}/u.test(lines[i + 1]!));
        if (!allowed) broken.add(`"${word}" as "${shown}" in ${el.tagName.toLowerCase()}`);
      }
    }
  }
  return [...broken];
}

describe.skipIf(!hasChromium)('narrow screens: no sideways scrolling, no word broken inside', () => {
  let server: ServerAddress;
  let browser: Browser;
  const contexts = new Map<Role, BrowserContext>();

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
    for (const role of ['public', 'staff', 'staffPermits', 'evaluator', 'admin'] as Role[]) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      if (role !== 'public') {
        const res = await context.request.post(`${server.url}/api/auth/login`, { headers: { origin: server.url }, data: { email: EMAILS[role], password: 'rapor-demo-2026' } });
        expect(res.status()).toBe(200);
      }
      contexts.set(role, context);
    }
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await browser?.close();
  });

  it.each(CASES)('$label', async (c) => {
    const page = await contexts.get(c.role)!.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.setViewportSize({ width: c.modes[0]!.width, height: 740 });
      if (c.init) await page.addInitScript(c.init);
      const response = await page.goto(server.url + c.url);
      expect(response?.status()).toBe(c.status ?? 200);
      await page.locator(c.ready).first().waitFor();
      if (c.act) await c.act(page);
      let fontPx = 16;
      for (const mode of c.modes) {
        await page.setViewportSize({ width: mode.width, height: 740 });
        if (mode.fontPx !== fontPx) await setTextSize(page, (fontPx = mode.fontPx));
        // The page has laid itself out again (resize handlers ran) and fetched what it needed for the new size.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await page.waitForLoadState('networkidle');
        // The mode is in force: the viewport's width and the root's text size are the ones measured.
        expect(await page.evaluate(() => [innerWidth, getComputedStyle(document.documentElement).fontSize])).toEqual([mode.width, `${mode.fontPx}px`]);
        const m = await page.evaluate(measureOverflow);
        const broken = await page.evaluate(findBrokenWords);
        if (c.screenshot && mode.mode === '360 px') {
          // A long page's full-page capture outlasts the page's 15 s default on a loaded machine (the admin page did).
          await page.screenshot({ path: `test-results/narrow-360-${c.screenshot}${c.url.startsWith('/en') ? '-en' : ''}.png`, fullPage: true, timeout: 60_000 });
        }
        const overflow = m.scrollWidth - m.clientWidth;
        expect.soft(overflow, `${c.url} at ${mode.mode} scrolls sideways by ${overflow} px (${m.scrollWidth} > ${m.clientWidth}); widest offenders:\n  ${m.offenders.join('\n  ')}`).toBeLessThanOrEqual(0);
        expect.soft(broken, `${c.url} at ${mode.mode} breaks words or numbers inside (| marks where the line broke)`).toEqual([]);
      }
    } finally {
      await page.close();
    }
  }, 120_000); // up to four measurements (each was a test of its own, with 30 s)

  it('keeps the header compact on a phone: at most 120 of 740 px at 360 px, 200 px at 200 % text', async () => {
    const heights: Record<string, number> = {};
    const page = await contexts.get('public')!.newPage();
    try {
      await page.goto(server.url + '/');
      for (const fontPx of [16, 32]) {
        if (fontPx !== 16) await setTextSize(page, fontPx);
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${fontPx}px`);
        heights[`${fontPx} px text`] = Math.round((await page.locator('header.site-header').boundingBox())!.height);
      }
    } finally {
      await page.close();
    }
    expect(heights['16 px text'], JSON.stringify(heights)).toBeLessThanOrEqual(120);
    expect(heights['32 px text'], JSON.stringify(heights)).toBeLessThanOrEqual(200);
  });

  it.each([
    { role: 'public' as Role, url: '/', name: 'Masuk petugas', to: '/masuk' },
    { role: 'staff' as Role, url: '/', name: 'Dasbor unit', to: '/dasbor' },
    { role: 'evaluator' as Role, url: '/peringkat', name: 'Dasbor evaluasi', to: '/evaluasi' },
    { role: 'admin' as Role, url: '/en/metodologi', name: 'Administration', to: '/en/admin' },
    { role: 'admin' as Role, url: '/halaman-yang-tidak-ada', name: 'Administrasi', to: '/admin' },
    // A page rendered on demand, and one whose page has nothing to show (the site's 404, rendered by Astro).
    { role: 'staff' as Role, url: '/en/cari?q=gorontalo', name: 'Unit dashboard', to: '/en/dasbor' },
    { role: 'evaluator' as Role, url: '/tanda-terima/ZZZZ-ZZZZ', name: 'Dasbor evaluasi', to: '/evaluasi' },
  ])('the header of $url links $role to "$name"', async ({ role, url, name, to }) => {
    const page = await contexts.get(role)!.newPage();
    try {
      await page.goto(server.url + url);
      // The phone's menu and the wider screens' row each carry it.
      const links = page.locator('header.site-header [data-account-link]');
      expect(await links.allTextContents()).toEqual([name, name]);
      expect(await links.evaluateAll((els) => els.map((a) => a.getAttribute('href')))).toEqual([to, to]);
    } finally {
      await page.close();
    }
  });

  it('serves the copies of the pages built per role only through a session, never at their own address', async () => {
    // The header is in the page as built (Base.astro, core/i18n/lang.ts): nothing edits the HTML on its way out.
    const staff = contexts.get('staff')!.request;
    for (const path of ['/_peran/staff/', '/_peran/admin/admin/', '/_peran/evaluator/en/metodologi/index.html', '/_peran']) {
      expect([path, (await fetch(server.url + path)).status]).toEqual([path, 404]);
      expect([path, (await staff.get(server.url + path)).status()]).toEqual([path, 404]);
    }
    const page = await staff.get(`${server.url}/en/metodologi`);
    expect(page.headers()['cache-control']).toBe('private, no-store');
    // The language switch names the page's own address, not the copy's.
    expect(await page.text()).toContain('href="/metodologi/" hreflang="id"');
  });

  it('keeps a kiosk on its form: no site navigation, no sign-in link, no footer; the language switch stays', async () => {
    const page = await contexts.get('public')!.newPage();
    try {
      await page.addInitScript("localStorage.setItem('rapor-kios:dukcapil-kota-gorontalo', 'token-of-a-kiosk')");
      await page.goto(server.url + '/nilai/dukcapil-kota-gorontalo?ch=kiosk');
      await page.locator('form#formulir').waitFor();
      const visible = async (selector: string) => (await page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)) > 0;
      const seen = async () => ({
        nav: await visible('header nav a'), menu: await visible('header .menu summary'), account: await visible('[data-account-link]'),
        footer: await visible('footer p'), language: await visible('[data-lang-switch]'),
      });
      expect(await seen()).toEqual({ nav: false, menu: false, account: false, footer: false, language: true });
      // A kiosk is often a tablet on the counter.
      await page.setViewportSize({ width: 1024, height: 768 });
      expect(await seen()).toEqual({ nav: false, menu: false, account: false, footer: false, language: true });
    } finally {
      await page.close();
    }
  });

  // Each ranking row shows its key figures without scrolling: IKM and grade on /peringkat, median and on-time share
  // on /waktu-izin (the tables reflow into stacked rows on a phone).
  it.each([
    { url: '/peringkat?periode=2026', table: '[data-testid="ranked-table"]', figures: ['IKM', 'Mutu'] },
    { url: '/waktu-izin?periode=2026', table: '[data-testid="permit-overview"]', figures: ['Median', 'Tepat waktu'] },
  ])('$url shows each row\'s key figures at 320 px', async ({ url, table, figures }) => {
    const page = await contexts.get('public')!.newPage();
    try {
      await page.setViewportSize({ width: 320, height: 740 });
      await page.goto(server.url + url);
      await page.locator(`${table} tbody tr`).first().waitFor();
      const result = await page.evaluate(({ table, figures }) => {
        const t = document.querySelector(table) as HTMLTableElement;
        const heads = [...t.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
        const width = document.documentElement.clientWidth;
        const problems: string[] = [];
        for (const figure of figures) {
          const col = heads.findIndex((h) => h.startsWith(figure));
          if (col < 0) {
            problems.push(`no column "${figure}" in ${heads.join(' | ')}`);
            continue;
          }
          for (const row of [...t.querySelectorAll('tbody tr')].slice(0, 3)) {
            // The row's cell under that heading, counting spanned columns.
            let at = 0;
            const cell = [...row.children].find((td) => (at += (td as HTMLTableCellElement).colSpan) > col) as HTMLElement;
            const r = cell.getBoundingClientRect();
            if (r.width === 0 || r.left < 0 || r.right > width + 1) problems.push(`${figure} of "${(row.textContent ?? '').trim().slice(0, 30)}" spans ${Math.round(r.left)}–${Math.round(r.right)} px of ${width}`);
          }
        }
        return problems;
      }, { table, figures });
      expect(result).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
