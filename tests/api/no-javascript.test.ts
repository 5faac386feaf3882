// Issue 17 item 2, 5 and 10: the rating and permit forms work as plain HTML forms (POST, the JSON route's schema and
// integrity rules, errors beside the fields, 303 to the receipt), unknown unit URLs answer 404, and a receipt page shows
// a rating's comment status and the unit's reply (docs/decisions/030-server-filled-pages.md).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { FIXTURE, migratedDb, insertFixture } from '../support/db.ts';
import { DIST } from '../support/js-weight.ts';

// A stand-in for the built site: no prerendered pages, the real build's on-demand pages (every page this suite reads:
// the forms, their answers, the receipt, a unit's page, the rankings, the permit times; npx astro build first;
// docs/decisions/054) and a 404 file for a site without a built 404 page.
let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'rapor-dist-'));
  symlinkSync(join(DIST, 'server'), join(dist, 'server'));
  mkdirSync(join(dist, 'client'), { recursive: true });
  writeFileSync(join(dist, 'client', '404.html'), '<!doctype html><html><body><h1>Halaman tidak ditemukan</h1></body></html>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

type World = Awaited<ReturnType<typeof world>>;
async function world() {
  const conn = await migratedDb();
  await insertFixture(conn.db);
  const clock = { now: new Date('2026-08-10T03:00:00.000Z') };
  const app = createApp({ db: conn.db, now: () => clock.now, distDir: dist });
  let peer = 0;
  const request = (path: string, init?: RequestInit, address?: string) =>
    app.request(path, init, { incoming: { socket: { remoteAddress: address ?? `198.18.0.${++peer}` } } });
  return { app, db: conn.db, clock, request, close: () => conn.close() };
}

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.close();
});

const ANSWERS = { U1: '4', U2: '3', U3: '2', U4: '4', U5: '3', U6: '4', U7: '4', U8: '3', U9: '3' };

function formPost(path: string, fields: Record<string, string>, headers: Record<string, string> = {}, address?: string) {
  return w.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...headers },
    body: new URLSearchParams(fields).toString(),
  }, address);
}

const ratingFields = (over: Record<string, string> = {}) => ({
  idempotencyKey: crypto.randomUUID(), lang: 'id', channel: 'qr', service: FIXTURE.ktp, ...ANSWERS, gender: 'P', age: '34', comment: 'Antrian cepat.', ...over,
});

/** The ticket and browser cookies the form page sets, as a Cookie header. */
async function formCookies(path: string): Promise<string> {
  const res = await w.request(path);
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('the rating form as a plain HTML form', () => {
  it('answers a missing answer with the page (400), the error beside the field, a summary, and the values kept', async () => {
    const { U3: _missing, ...rest } = ratingFields();
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, { ...rest, comment: 'Ruang <tunggu> panas' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toMatch(/<a href="#q-U3">[^<]*Pertanyaan 3 dari 9/);
    expect(html).toMatch(/id="q-U3-galat"[^>]*>Pilih satu jawaban untuk pertanyaan ini\./);
    // Values kept (escaped), and no rating stored.
    expect(html).toContain('Ruang &lt;tunggu&gt; panas');
    expect(html).not.toContain('<tunggu>');
    expect(html).toMatch(/<textarea [^>]*name="comment"[^>]*>Ruang &lt;tunggu(?:&gt;|>) panas<\/textarea>/);
    expect(html).toMatch(/name="U1" value="4" checked/);
    expect(await w.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });

  it('speaks English on the English form', async () => {
    const { U3: _missing, ...rest } = ratingFields({ lang: 'en' });
    const html = await (await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, rest)).text();
    expect(html).toContain('Choose one answer for this question.');
    expect(html).toContain('<html lang="en"');
  });

  it('stores a valid rating through the JSON route\'s store and redirects (303) to its receipt', async () => {
    const cookie = await formCookies(`/nilai/${FIXTURE.gorontaloUnit}`);
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields(), { cookie });
    expect(res.status).toBe(303);
    const row = await w.db.selectFrom('responses').selectAll().executeTakeFirstOrThrow();
    expect(res.headers.get('location')).toBe(`/tanda-terima/${row.receipt}`);
    expect([row.u1, row.u2, row.u3, row.u9]).toEqual([4, 3, 2, 3]);
    expect(row).toMatchObject({ service_id: 's-ktp', channel: 'qr', gender: 'P', age: 34, comment: 'Antrian cepat.' });
    // The cookies the page set travelled with the form: the browser is known and the ticket kept.
    expect(row.browser_hash).not.toBeNull();
    const en = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields({ lang: 'en' }));
    expect(en.headers.get('location')).toMatch(/^\/en\/tanda-terima\/RPR-/);
  });

  it('a resent form (same key) lands on the same receipt and is stored once', async () => {
    const fields = ratingFields();
    const first = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, fields);
    const second = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, fields);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await w.db.selectFrom('responses').selectAll().execute()).toHaveLength(1);
  });

  it('asks for the service when the unit has several, as the island does', async () => {
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields({ service: '' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Pilih layanan yang Anda terima.');
  });

  it('is refused from another origin (CSRF), like the JSON route', async () => {
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields(), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await w.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });

  it('is throttled like the JSON route: 429 with the page and a message', async () => {
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 40; i++) {
      const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields(), {}, '203.0.113.9');
      statuses.push(res.status);
      if (res.status === 429) last = await res.text();
    }
    expect(statuses).toContain(429);
    expect(last).toContain('class="error-summary"');
    expect(last).toContain('Terlalu banyak');
  });

  it('answers 404 for an unknown unit', async () => {
    const res = await formPost('/api/units/tidak-ada/ratings', ratingFields());
    expect(res.status).toBe(404);
  });
});

describe('the permit report form as a plain HTML form', () => {
  const permit = (over: Record<string, string> = {}) => ({
    idempotencyKey: crypto.randomUUID(), lang: 'id', service: FIXTURE.kk, submittedOn: '2026-08-03', selesai: 'yes', completedOn: '2026-08-05', ...over,
  });

  it('shows the errors beside the fields with a summary (400), values kept', async () => {
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/permit-reports`, permit({ selesai: '', submittedOn: '2027-01-01' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('Tanggal tidak boleh di masa depan.');
    expect(html).toContain('Pilih apakah izin sudah selesai.');
    expect(html).toContain('value="2027-01-01"');
    expect(await w.db.selectFrom('permit_reports').selectAll().execute()).toHaveLength(0);
  });

  it('answers on its own page in the form\'s language, keeping the key it carried (a resend after a fix is one report)', async () => {
    const fields = permit({ lang: 'en', selesai: '' });
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/permit-reports`, fields);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Choose whether the permit is done.');
    expect(html).toContain(`name="idempotencyKey" value="${fields.idempotencyKey}"`);
    expect(html).toContain('<a class="lang" href="/izin/');
  });

  it('stores a valid report and redirects (303) to its result', async () => {
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/permit-reports`, permit());
    expect(res.status).toBe(303);
    const row = await w.db.selectFrom('permit_reports').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ submitted_on: '2026-08-03', completed_on: '2026-08-05', working_days: 2 });
    const location = res.headers.get('location')!;
    expect(location).toBe(`/izin/${FIXTURE.gorontaloUnit}?laporan=${row.id}`);
    const page = await (await w.request(location)).text();
    expect(page).toContain('2 hari kerja');
  });

  it('is refused from another origin (CSRF)', async () => {
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/permit-reports`, permit(), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('unit URLs', () => {
  for (const path of ['/unit/tidak-ada', '/nilai/tidak-ada', '/izin/tidak-ada', '/en/unit/tidak-ada', '/en/nilai/tidak-ada', '/en/izin/tidak-ada']) {
    it(`${path} answers the site's 404 page`, async () => {
      const res = await w.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Halaman tidak ditemukan');
    });
  }

  it('a known unit\'s page carries its figures, equal to the API\'s', async () => {
    await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields());
    const api = await (await w.request(`/api/units/${FIXTURE.gorontaloUnit}/scores?period=2026`)).json() as { ikm: number | null; n: number; mutu: string | null; minPublicRatings: number };
    const html = await (await w.request(`/unit/${FIXTURE.gorontaloUnit}?periode=2026`)).text();
    expect(html).toContain('Dukcapil Uji Gorontalo');
    expect(html).toContain(`data-figure="n">${api.n}<`);
    // One rating: the page, like the API, withholds the IKM and grade (small cells, decision 047).
    expect(api.n).toBeLessThan(api.minPublicRatings);
    expect([api.ikm, api.mutu]).toEqual([null, null]);
    expect(html).toContain(`data-figure="ikm">kurang dari ${api.minPublicRatings} penilaian<`);
  });

  it('a unit\'s page shows its follow-up (RTL) progress without JavaScript, equal to the API\'s', async () => {
    const unit = await w.db.selectFrom('units').select('id').where('slug', '=', FIXTURE.gorontaloUnit).executeTakeFirstOrThrow();
    const item = (id: string, status: string, completedOn: string | null) => ({
      id, unit_id: unit.id, period: '2026-Q2', element: 'U3', problem: 'Antrean panjang', action: 'Tambah loket', responsible: 'Kepala seksi',
      due_date: '2026-09-30', status, progress: completedOn ? 100 : 40, evidence_url: null, completed_on: completedOn,
      planned_on: '2026-07-01', started_on: '2026-07-02', created_at: '2026-07-01T01:00:00.000Z', updated_at: '2026-07-05T01:00:00.000Z',
    });
    await w.db.insertInto('follow_ups').values([item('rtl-1', 'selesai', '2026-07-20'), item('rtl-2', 'berjalan', null), item('rtl-3', 'berjalan', null)]).execute();
    const api = (await (await w.request(`/api/units/${FIXTURE.gorontaloUnit}/follow-ups`)).json()) as { progress: { year: number; planned: number; done: number } };
    expect(api.progress.planned).toBe(3);
    const html = await (await w.request(`/unit/${FIXTURE.gorontaloUnit}`)).text();
    expect(html).toContain(`data-figure="rtl-progress">RTL ${api.progress.year}: ${api.progress.done} dari ${api.progress.planned} selesai`);
    expect(html).toContain(`href="/unit/${FIXTURE.gorontaloUnit}/arsip"`);
  });
});

describe('/tanda-terima/{receipt}', () => {
  it('shows the comment status and nothing that identifies anyone; unknown receipts answer 404', async () => {
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields({ age: '77', comment: 'Ruang tunggu panas.' }));
    const location = res.headers.get('location')!;
    const html = await (await w.request(location)).text();
    expect(html).toContain(location.split('/').pop()!);
    expect(html).toContain('Dukcapil Uji Gorontalo');
    expect(html).toMatch(/data-status="received"/);
    expect(html).not.toContain("Ruang tunggu panas");
    expect(html).not.toContain("Perempuan");
    const en = await (await w.request(`/en${location}`)).text();
    expect(en).toContain('<html lang="en"');
    expect((await w.request('/tanda-terima/RPR-0000-0000')).status).toBe(404);
    expect((await w.request('/en/tanda-terima/bukan-tanda-terima')).status).toBe(404);
  });

  it('shows a hidden comment with its reason, and the unit\'s reply', async () => {
    const res = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields({ comment: 'Beli pulsa murah di sini' }));
    const receipt = res.headers.get('location')!.split('/').pop()!;
    await w.db.updateTable('responses').set({ comment_hidden_reason: 'di_luar_topik', comment_hidden_at: '2026-08-10T04:00:00.000Z' }).where('receipt', '=', receipt).execute();
    const hidden = await (await w.request(`/tanda-terima/${receipt}`)).text();
    expect(hidden).toMatch(/data-status="hidden"/);
    expect(hidden).toContain('Di luar topik');

    const other = await formPost(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, ratingFields());
    const receipt2 = other.headers.get('location')!.split('/').pop()!;
    const row = await w.db.selectFrom('responses').select(['id']).where('receipt', '=', receipt2).executeTakeFirstOrThrow();
    await w.db.insertInto('replies').values({ id: 'rep-1', response_id: row.id, unit_id: 'u-gtlo', body: 'Terima kasih, AC <baru> dipasang.', author_user_id: null, created_at: '2026-08-11T01:00:00.000Z' }).execute();
    const replied = await (await w.request(`/tanda-terima/${receipt2}`)).text();
    expect(replied).toContain('Terima kasih, AC &lt;baru&gt; dipasang.');
  });
});

describe('the language switch of a page rendered on demand', () => {
  it('points at the same unit and query in the other language', async () => {
    const id = await (await w.request(`/unit/${FIXTURE.gorontaloUnit}?periode=2026`)).text();
    expect(id).toContain(`<a class="lang" href="/en/unit/${FIXTURE.gorontaloUnit}?periode=2026" hreflang="en"`);
    const en = await (await w.request(`/en/unit/${FIXTURE.gorontaloUnit}?periode=2026&amp=1`)).text();
    // The query's "&" escaped in the attribute (Astro writes &#38;, the same character as &amp;).
    expect(en).toMatch(new RegExp(`<a class="lang" href="/unit/${FIXTURE.gorontaloUnit}\\?periode=2026&(?:amp|#38);amp=1" hreflang="id"`));
  });
});
