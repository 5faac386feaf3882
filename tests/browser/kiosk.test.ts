// A kiosk at the counter loses its network, takes three ratings, gets the network back: exactly three are stored,
// each counted (none held back), dated when they were given.
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { hasChromium, sharedBrowser, reportSkip, startServer, type RunningServer, islandsStarted } from '../support/browser.ts';

reportSkip('kiosk offline journey');

const UNIT = 'dukcapil-kota-gorontalo';

/** 10:00 WITA of the latest day that is already past: inside kiosk hours, not in the future. */
function lastMorning(): Date {
  const d = new Date();
  d.setUTCHours(2, 0, 0, 0);
  if (d.getTime() > Date.now()) d.setUTCDate(d.getUTCDate() - 1);
  return d;
}

describe.skipIf(!hasChromium)('a kiosk that goes offline', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let kioskId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), sharedBrowser()]);
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function answerAll(offset: number) {
    await page.getByLabel('Layanan yang Anda terima').selectOption('perekaman-ktp-el');
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      const value = ((i + offset) % 2) + 3;
      await page.getByRole('group', { name: new RegExp(`Pertanyaan ${i + 1} dari 9`) }).getByRole('radio', { name: element.labels.id[value - 1], exact: true }).check();
    }
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
  }

  it('keeps three ratings while offline, shows how many wait, and sends them once when back online', async () => {
    const staff = await context.request.post(`${server.url}/api/auth/login`, { headers: { origin: server.url }, data: { email: `staff.${UNIT}@demo.rapor.id`, password: 'rapor-demo-2026' } });
    expect(staff.status()).toBe(200);
    const kiosk = await context.request.post(`${server.url}/api/staff/units/${UNIT}/kiosks`, { headers: { origin: server.url }, data: { name: 'Kios loket 1' } });
    const { id, token } = (await kiosk.json()) as { id: string; token: string };
    kioskId = id;
    // A kiosk registered by staff waits for an administrator (docs/decisions/022).
    expect((await context.request.post(`${server.url}/api/auth/login`, { headers: { origin: server.url }, data: { email: 'admin@demo.rapor.id', password: 'rapor-demo-2026' } })).status()).toBe(200);
    expect((await context.request.post(`${server.url}/api/admin/kiosks/${id}/approve`, { headers: { origin: server.url } })).status()).toBe(200);
    // The page's clock below is set to last morning; capture times must follow the approval, so date the approval
    // (made just now) a day before that morning, as if the kiosk had been approved then.
    const writable = new Database(server.dbFile);
    try {
      writable.prepare('update kiosk_devices set approved_at = ? where id = ?').run(new Date(lastMorning().getTime() - 86_400_000).toISOString(), id);
    } finally {
      writable.close();
    }

    await page.clock.install({ time: lastMorning() });
    await page.goto(`${server.url}/nilai/${UNIT}?ch=kiosk#token=${token}`);
    await islandsStarted(page);
    await page.getByRole('heading', { level: 1, name: /Penilaian layanan/ }).waitFor();
    expect(page.url()).not.toContain('token');

    await context.setOffline(true);
    for (let n = 1; n <= 3; n++) {
      await answerAll(n);
      await page.getByTestId('queued').waitFor();
      await page.clock.fastForward('01:00');
      await page.getByRole('button', { name: 'Beri penilaian lain' }).click();
      expect(await page.getByTestId('pending').textContent()).toBe(`${n} penilaian menunggu dikirim`);
    }
    await page.screenshot({ path: 'test-results/kiosk-offline.png' });
    // The last thanks' countdown stopped when the next resident started by hand: it does not clear their answers.
    const first = page.getByRole('group', { name: /Pertanyaan 1 dari 9/ }).getByRole('radio', { name: SKM_ELEMENTS[0]!.labels.id[3], exact: true });
    await first.check();
    await page.clock.runFor('00:10');
    expect(await first.isChecked()).toBe(true);

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByTestId('pending').waitFor({ state: 'detached' });

    const db = new Database(server.dbFile, { readonly: true });
    try {
      const rows = db.prepare('select channel, exclusion_reason, local_hour from responses where device_id = ? order by created_at').all(kioskId) as { channel: string; exclusion_reason: string | null; local_hour: number }[];
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.channel === 'kiosk' && r.exclusion_reason === null && r.local_hour === 10)).toBe(true);
    } finally {
      db.close();
    }
  });
});
