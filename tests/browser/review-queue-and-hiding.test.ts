// Issue 28, items 6 and 2 (hiding): the evaluator's review queue names each comment's unit and service; /kepatuhan
// offers only the regions in the evaluator's scope; hiding a comment asks for the reason (none chosen beforehand) and
// for confirmation, and nothing is hidden until it is confirmed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, reportSkip, sharedBrowser, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('review queue and hiding');

const UNIT = 'dpmptsp-kota-gorontalo';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!hasChromium)('the review queue, the compliance filter and the hide form', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const res = await page.request.post(`${server.url}/api/auth/login`, { headers: { origin: server.url }, data: { email, password: 'rapor-demo-2026' } });
    expect(res.status()).toBe(200);
    return { context, page };
  }

  function db(readonly = true) {
    return new Database(server.dbFile, { readonly });
  }

  it('the review queue names the unit and the service of a held comment', async () => {
    // A commented rating with a service (of another unit than the hide form's below), held for review as the rating route would hold it (decision 019).
    const w = db(false);
    let held: { id: string; unit: string; service: string };
    try {
      held = w.prepare(`select responses.id as id, units.name as unit, services.name as service from responses
        join units on units.id = responses.unit_id join services on services.id = responses.service_id
        where units.region_code like '75%' and units.slug <> ? and responses.comment is not null order by responses.created_at desc limit 1`).get(UNIT) as typeof held;
      w.prepare("update responses set comment_review = 'pending', comment_review_flags = 'names_person' where id = ?").run(held.id);
    } finally {
      w.close();
    }
    const { context, page } = await signedIn('evaluator.gorontalo@demo.rapor.id');
    try {
      await page.goto(`${server.url}/evaluasi`);
      const item = page.getByTestId('comment-reviews').locator('li');
      await item.first().waitFor();
      expect(await item.count()).toBe(1);
      const heading = (await item.first().locator('p').first().textContent())!;
      expect(heading).toContain(held.unit);
      expect(heading).toContain(held.service);
    } finally {
      await context.close();
    }
  });

  it('an evaluator of Gorontalo is offered only the regions of Gorontalo on /kepatuhan', async () => {
    const { context, page } = await signedIn('evaluator.gorontalo@demo.rapor.id');
    try {
      await page.goto(`${server.url}/kepatuhan`);
      await page.getByTestId('compliance-card').first().waitFor({ timeout: 30_000 });
      const options = page.getByLabel(/^Wilayah/).locator('option');
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      const offered = await options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      const r = db();
      try {
        const inScope = (r.prepare("select code from regions where code = '75' or parent_code = '75' order by code").all() as { code: string }[]).map((x) => x.code);
        expect(inScope.length).toBeGreaterThan(1);
        expect([...offered].sort()).toEqual(inScope);
      } finally {
        r.close();
      }
    } finally {
      await context.close();
    }
  });

  it('the hide form has no reason chosen, and nothing is hidden until the hiding is confirmed', async () => {
    const { context, page } = await signedIn(`staff.${UNIT}@demo.rapor.id`);
    const hiddenReason = (id: string) => {
      const r = db();
      try {
        return (r.prepare('select comment_hidden_reason as reason from responses where id = ?').get(id) as { reason: string | null }).reason;
      } finally {
        r.close();
      }
    };
    try {
      await page.goto(`${server.url}/dasbor`);
      const first = page.getByTestId('responses').locator('li').filter({ has: page.getByLabel('Alasan menyembunyikan') }).first();
      await first.waitFor();
      const id = (await first.getAttribute('data-response'))!;
      const card = page.locator(`[data-response="${id}"]`);
      const reason = card.getByLabel('Alasan menyembunyikan');
      // No reason is chosen beforehand: the select shows its prompt, and no real reason is selected.
      expect(await reason.inputValue()).toBe('');
      expect(await reason.locator('option[selected]').count()).toBe(0);

      // Without a reason, the click asks for one and hides nothing.
      await card.getByRole('button', { name: 'Sembunyikan' }).click();
      await card.getByRole('status').getByText('Pilih alasan menyembunyikan terlebih dahulu.').waitFor();
      expect(await card.getByRole('alertdialog').count()).toBe(0);
      expect(hiddenReason(id)).toBeNull();

      // With a reason, it asks first; "Batal" leaves the comment as it was.
      await reason.selectOption('di_luar_topik');
      await card.getByRole('button', { name: 'Sembunyikan' }).click();
      const ask = card.getByRole('alertdialog');
      await ask.waitFor();
      expect(await ask.textContent()).toContain('Di luar topik');
      // The card with its question open passes axe (WCAG 2.2 AA).
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async (sel) => {
        const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe;
        return (await axe.run(document.querySelector(sel)!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations.map((v) => v.id);
      }, `[data-response="${id}"]`);
      expect(violations).toEqual([]);
      await ask.getByRole('button', { name: 'Batal' }).click();
      await ask.waitFor({ state: 'detached' });
      expect(hiddenReason(id)).toBeNull();

      // Confirmed: hidden, with the reason chosen.
      await card.getByRole('button', { name: 'Sembunyikan' }).click();
      await card.getByRole('alertdialog').getByRole('button', { name: 'Ya, sembunyikan' }).click();
      await card.getByText('Disembunyikan: Di luar topik').waitFor();
      expect(hiddenReason(id)).toBe('di_luar_topik');
    } finally {
      await context.close();
    }
  });
});
