// Issue 24, F2: a page on another site auto-submits a plain HTML form to the rating and permit routes, hiding its
// origin (a no-referrer meta makes Chromium send `Origin: null`; so does a sandboxed iframe). Every visitor of that
// page would bring an address of their own. The portal must refuse them all, store nothing, and still take its own
// form (docs/decisions/043).
import { createServer, type Server } from 'node:http';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { freePort, hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('cross-site forms');

const RATED = 'puskesmas-plaju';
const PERMITS = 'dpmptsp-kota-gorontalo';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('a form posted from another site', () => {
  let server: RunningServer;
  let browser: Browser;
  let attacker: Server;
  let attackerUrl = '';

  /** The hidden fields of a complete rating or permit report, and the portal URL they post to. */
  function forgedForm(kind: 'rating' | 'permit'): string {
    const fields: Record<string, string> = kind === 'rating'
      ? { idempotencyKey: crypto.randomUUID(), service: 'pemeriksaan-umum', ...Object.fromEntries(SKM_ELEMENTS.map((e) => [e.code, '4'])) }
      : { idempotencyKey: crypto.randomUUID(), service: 'penerbitan-pbg', submittedOn: daysAgo(40), selesai: 'yes', completedOn: daysAgo(1) };
    const action = kind === 'rating' ? `${server.url}/api/units/${RATED}/ratings` : `${server.url}/api/units/${PERMITS}/permit-reports`;
    const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${v}">`).join('');
    return `<form method="post" action="${action}">${inputs}</form><script>document.forms[0].submit()</script>`;
  }

  function counts(): { ratings: number; permits: number } {
    const db = new Database(server.dbFile, { readonly: true });
    try {
      const ratings = db.prepare('select count(*) as n from responses r join units u on u.id = r.unit_id where u.slug = ?').get(RATED) as { n: number };
      const permits = db.prepare('select count(*) as n from permit_reports r join units u on u.id = r.unit_id where u.slug = ?').get(PERMITS) as { n: number };
      return { ratings: ratings.n, permits: permits.n };
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    // The other site: localhost on its own port, while the portal is 127.0.0.1 (another site, not only another origin).
    const port = await freePort();
    attacker = createServer((req, res) => {
      const [, variant, kind] = /^\/(no-referrer|sandboxed)\/(rating|permit)$/.exec(req.url ?? '') ?? [];
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (!variant) return void res.writeHead(404).end('not found');
      const form = forgedForm(kind as 'rating' | 'permit');
      res.end(variant === 'no-referrer'
        ? `<!doctype html><meta name="referrer" content="no-referrer"><title>Hadiah</title>${form}`
        : `<!doctype html><title>Hadiah</title><iframe sandbox="allow-forms allow-scripts" srcdoc="${form.replaceAll('"', '&quot;')}"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(port, '127.0.0.1', resolve));
    attackerUrl = `http://localhost:${port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  /**
   * Opens the other site's page in a fresh browser and waits until the portal has answered the forged post: the page's
   * own navigation (no-referrer), or the iframe's next document (sandboxed: Chromium runs it in a process of its own,
   * attached after its request, so playwright does not report the request). Answers what the portal answered, where the browser lets us see it.
   */
  async function visit(variant: string, kind: string): Promise<{ status: number; origin: string | undefined; body: string } | undefined> {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    try {
      if (variant === 'sandboxed') {
        // The iframe's document after the post (the portal's answer, or Chromium's page for an answer it may not frame).
        const answered = page.waitForEvent('framenavigated', { predicate: (f) => f !== page.mainFrame() && !/^about:/.test(f.url()) });
        await page.goto(`${attackerUrl}/${variant}/${kind}`);
        await answered;
        return undefined;
      }
      const answered = page.waitForResponse((r) => r.url().startsWith(server.url) && r.request().method() === 'POST');
      await page.goto(`${attackerUrl}/${variant}/${kind}`);
      const res = await answered;
      const headers = await res.request().allHeaders();
      const redirected = res.status() >= 300 && res.status() < 400;
      return { status: res.status(), origin: headers.origin, body: redirected ? '' : await res.text() };
    } finally {
      await context.close();
    }
  }

  it.each(['no-referrer', 'sandboxed'])('refuses a rating and a permit report auto-submitted from a %s page: 403, nothing stored', async (variant) => {
    const before = counts();
    for (const kind of ['rating', 'permit']) {
      const res = await visit(variant, kind);
      if (res) {
        // What Chromium sends: no origin to compare, only "null".
        expect(res.origin).toBe('null');
        expect(res.status).toBe(403);
        expect(res.body).toContain('cross_origin_refused');
      }
    }
    expect(counts()).toEqual(before);
  }, 60_000);

  it("still takes the portal's own plain form, without JavaScript", async () => {
    const before = counts();
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${server.url}/nilai/${RATED}`);
    await page.getByLabel('Layanan yang Anda terima').selectOption('pemeriksaan-umum');
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      await page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) }).getByRole('radio', { name: element.labels.id[3], exact: true }).check();
    }
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForURL(/\/tanda-terima\/RPR-/);
    await context.close();
    expect(counts()).toEqual({ ...before, ratings: before.ratings + 1 });
  }, 60_000);
});
