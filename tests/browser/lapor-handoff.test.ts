// Issue 27 item 7 (decision 066), over a real socket against `npm start`'s server: the unit's public page says only that
// a complaint was forwarded to SP4N-LAPOR! and that it was answered — never the complaint's text, its tracking number or
// the agency's answer; and, in Chromium, the evaluator's screen prepares a complaint and records its tracking number.
// One server on the fixture world (a SQLite file) for both.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, migrateToLatest, type Connection } from '../../db/connect.ts';
import { commentReviewColumns } from '../../db/queries/comment-review.ts';
import { hasChromium, islandsStarted, reportSkip, sharedBrowser, signInOnPage, startServer, type RunningServer } from '../support/browser.ts';
import { ACCOUNTS, FIXTURE, freshDatabaseUrl, insertFixture, insertFixtureUsers, TEST_PASSWORD } from '../support/db.ts';

const COMMENT_ID = '0190f000-0000-7000-8000-00000000c0de';
const COMMENT = 'Oknum di loket minta uang pelicin seratus ribu';
const TITLE = 'Pungutan liar loket tiga Dukcapil Uji';
const TRACKING = 'LAPOR-7788123';
const ANSWER = 'Inspektorat menjatuhkan teguran tertulis kepada petugas';
// Held on Tuesday 1 December 2026: forwarding was due 3 working days later, Friday 4 December (no holiday then).
const SCREEN_ID = '0190f000-0000-7000-8000-00000000beef';
const SCREEN_COMMENT = 'Ada calo di depan kantor yang minta uang rokok';

reportSkip('SP4N-LAPOR! hand-off screen');

let server: RunningServer;
let target: { url: string; drop(): Promise<void> };
let dir: string;
let conn: Connection;
let cookie = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapor-lapor-'));
  target = await freshDatabaseUrl(dir);
  conn = connect(target.url);
  await migrateToLatest(conn.db);
  await insertFixture(conn.db);
  await insertFixtureUsers(conn.db);
  for (const [id, comment] of [[COMMENT_ID, COMMENT], [SCREEN_ID, SCREEN_COMMENT]] as const) {
    const cols = commentReviewColumns(comment);
    await conn.db.insertInto('responses').values({
      id, unit_id: 'u-gtlo', service_id: 's-ktp', created_at: '2026-12-01T02:00:00.000Z', local_date: '2026-12-01', local_hour: 10,
      channel: 'web', u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3, gender: null, age: null, education: null, occupation: null,
      comment, idempotency_key: crypto.randomUUID(), receipt: `R-${id.slice(-4)}`, ip_hash: null, verified: 0, visit_code_id: null,
      exclusion_reason: null, excluded_at: null, comment_hidden_reason: null, comment_hidden_at: null, device_id: null,
      comment_review: cols.comment_review, comment_review_flags: cols.comment_review_flags,
    }).execute();
  }
  server = await startServer({ DATABASE_URL: target.url });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: ACCOUNTS.evaluatorGorontalo, password: TEST_PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await conn?.close();
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie }, body: JSON.stringify(body) });
const page = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status).toBe(200);
  return res.text();
};

describe('the unit’s public page and SP4N-LAPOR!', () => {
  it('shows that a complaint was forwarded and then answered, and nothing of the complaint', async () => {
    const unitPage = `/unit/${FIXTURE.gorontaloUnit}`;
    // Nothing forwarded yet: no line at all.
    expect(await page(unitPage)).not.toContain('SP4N-LAPOR!');

    expect((await post(`/api/review/comments/${COMMENT_ID}/lapor`, { judul: TITLE })).status).toBe(200);
    // Prepared but not yet filed on LAPOR!: not a forwarded complaint.
    expect(await page(unitPage)).not.toContain('data-testid="lapor-public"');

    expect((await post(`/api/review/comments/${COMMENT_ID}/lapor/tracking`, { trackingNumber: TRACKING, forwardedOn: '2026-12-02' })).status).toBe(200);
    const forwarded = await page(unitPage);
    expect(forwarded).toContain('1 pengaduan dari saran warga diteruskan ke SP4N-LAPOR!; 0 sudah dijawab oleh instansi.');

    expect((await post(`/api/review/comments/${COMMENT_ID}/lapor/answer`, { answeredOn: '2026-12-04', summary: ANSWER })).status).toBe(200);
    const answered = await page(unitPage);
    const english = await page(`/en${unitPage}`);
    expect(answered).toContain('1 pengaduan dari saran warga diteruskan ke SP4N-LAPOR!; 1 sudah dijawab oleh instansi.');
    expect(english).toContain('1 complaint from residents’ suggestions forwarded to SP4N-LAPOR!; 1 answered by the agency.');
    const comments = await (await fetch(`${server.url}/api/units/${FIXTURE.gorontaloUnit}/comments`)).text();
    for (const body of [forwarded, answered, english, comments]) {
      for (const secret of [COMMENT, 'uang pelicin', TITLE, TRACKING, ANSWER, 'teguran']) expect(body).not.toContain(secret);
    }
  });
});

describe.skipIf(!hasChromium)('the evaluator’s SP4N-LAPOR! screen, in Chromium', () => {
  it('prepares the complaint from the review list, shows its text and due day, and records the tracking number', async () => {
    const browser = await sharedBrowser();
    const page = await browser.newPage({ locale: 'id-ID' });
    page.setDefaultTimeout(20_000);
    try {
      await signInOnPage(page, server.url, ACCOUNTS.evaluatorGorontalo, TEST_PASSWORD);
      await page.waitForURL('**/evaluasi');
      await islandsStarted(page);
      const item = page.getByTestId('comment-reviews').locator('li', { hasText: SCREEN_COMMENT });
      await item.getByRole('button', { name: 'Siapkan untuk SP4N-LAPOR!' }).click();
      const handoff = page.getByTestId('lapor-handoffs').locator('li', { hasText: 'Teruskan paling lambat' });
      await handoff.waitFor();
      expect(await handoff.getByLabel('Teks pengaduan (salin ke formulir LAPOR!)').inputValue()).toContain(`Isi laporan:\n${SCREEN_COMMENT}`);
      expect(await handoff.textContent()).toContain('Teruskan paling lambat 4 Desember 2026');
      expect(await handoff.textContent()).toContain('Terlambat');
      expect(await handoff.getByRole('link', { name: 'Unduh berkas JSON' }).getAttribute('href')).toBe(`/api/review/comments/${SCREEN_ID}/lapor.json`);
      // The section with its forms, scanned by axe-core as tests/browser/accessibility.test.ts scans whole pages.
      await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
      const axe = await page.evaluate(async () => {
        const run = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe.run;
        return run(document.querySelector('section[aria-labelledby="ev-lapor"]')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      });
      expect(axe.violations.map((v) => v.id)).toEqual([]);

      await handoff.getByLabel('Nomor tiket LAPOR!').fill('LAPOR-4455667');
      await handoff.getByRole('button', { name: 'Catat nomor tiket' }).click();
      await page.getByText('Nomor tiket dicatat.').waitFor();
      expect(await conn.db.selectFrom('lapor_handoffs').select(['tracking_number']).where('response_id', '=', SCREEN_ID).executeTakeFirst()).toEqual({ tracking_number: 'LAPOR-4455667' });
      // Now waiting for the agency's answer, in the same list.
      await page.getByTestId('lapor-handoffs').locator('li', { hasText: 'Jawaban instansi paling lambat' }).waitFor();

      // The public page counts it, without its words.
      const unitPage = await (await fetch(`${server.url}/unit/${FIXTURE.gorontaloUnit}`)).text();
      expect(unitPage).toContain('2 pengaduan dari saran warga diteruskan ke SP4N-LAPOR!; 1 sudah dijawab oleh instansi.');
      expect(unitPage).not.toContain('calo di depan kantor');
      expect(unitPage).not.toContain('LAPOR-4455667');
    } catch (error) {
      await page.screenshot({ path: '/tmp/t6-lapor-screen.png', fullPage: true });
      throw error;
    } finally {
      await page.close();
    }
  }, 120_000);
});
