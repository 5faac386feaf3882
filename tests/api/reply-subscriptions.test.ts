// A resident hears back (issue 27 item 4, docs/decisions/063): POST /api/receipts/{receipt}/subscribe leaves an address,
// as JSON or as the receipt page's plain form; a reply queues one mail in its own transaction and deletes the address;
// the hourly purge deletes an unused address after 90 days; the address never reaches an export, a snapshot, an
// evidence pack or a staff view. Delivery over real SMTP and HTTP: tests/mail/reply-notice.test.ts.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPLY_NOTICE_KIND, REPLY_SUBSCRIPTION_KEPT_DAYS, SUBSCRIBE_LIMIT } from '../../core/domain/reply-subscription.ts';
import { claimNextMail, enqueueMail, markMailSent } from '../../db/queries/outbox.ts';
import { purgeReplySubscriptions } from '../../db/queries/reply-subscriptions.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
const ADDRESS = 'warga.kabar+uji@contoh-warga.id';
const COMMENT = 'Antrean loket perekaman terlalu lama, mohon ditambah kursi';
const W = `/api/staff/units/${FIXTURE.gorontaloUnit}`;
let client = 0;
let staffCookie = '';

beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'), { trustProxy: true });
  await insertFixtureUsers(t.db);
  staffCookie = '';
});
afterEach(async () => {
  await t.close();
});

/** A new resident's address for each call unless one is given. */
const from = (address?: string) => ({ 'x-forwarded-for': address ?? `10.9.${Math.floor(++client / 250) % 250}.${client % 250}` });

async function rate(comment: string | null): Promise<{ id: string; receipt: string }> {
  const res = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from() },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`U${i}`, 3])), comment }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; receipt: string };
}

function subscribeJson(receipt: string, body: unknown, address?: string) {
  return t.app.request(`/api/receipts/${receipt}/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', ...from(address) }, body: JSON.stringify(body) });
}
function subscribeForm(receipt: string, fields: Record<string, string>, address?: string) {
  return t.app.request(`/api/receipts/${receipt}/subscribe`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...from(address) }, body: new URLSearchParams(fields).toString(),
  });
}
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; fields?: Record<string, string> } }).error;
const stored = () => t.db.selectFrom('reply_subscriptions').selectAll().execute();
const notices = () => t.db.selectFrom('outbox').selectAll().where('kind', '=', REPLY_NOTICE_KIND).execute();

async function reply(responseId: string, body: string) {
  staffCookie ||= await signIn(t.app, ACCOUNTS.staffGorontalo);
  return t.app.request(`${W}/responses/${responseId}/replies`, {
    method: 'POST', headers: { cookie: staffCookie, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ body }),
  });
}

describe('leaving an address on a receipt', () => {
  it('takes JSON (201) and the plain form (303 to the receipt in the page language); unknown receipt 404, bad address 400, no comment 409, each with a code', async () => {
    const rated = await rate(COMMENT);
    const json = await subscribeJson(rated.receipt, { email: ` ${ADDRESS.toUpperCase()} ` });
    expect(json.status).toBe(201);
    expect(await json.json()).toEqual({ receipt: rated.receipt, subscribed: true });
    expect(await stored()).toEqual([expect.objectContaining({ response_id: rated.id, email: ADDRESS, language: 'id' })]);

    // The form, from the English receipt page: the latest address replaces the first, in the page's language.
    const form = await subscribeForm(rated.receipt.toLowerCase(), { email: 'other@contoh-warga.id', lang: 'en' });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(`/en/tanda-terima/${rated.receipt}`);
    expect(await stored()).toEqual([expect.objectContaining({ response_id: rated.id, email: 'other@contoh-warga.id', language: 'en' })]);

    const unknown = await subscribeJson('RPR-ZZZZ-ZZZZ', { email: ADDRESS });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('receipt_not_found');
    const malformed = await subscribeJson('not-a-receipt', { email: ADDRESS });
    expect(malformed.status).toBe(404);
    expect((await errorOf(malformed)).code).toBe('receipt_not_found');

    for (const email of ['warga', 'warga@', '@contoh.id', `${'a'.repeat(250)}@contoh.id`, '']) {
      const bad = await subscribeJson(rated.receipt, { email });
      expect(bad.status, email).toBe(400);
      expect(await errorOf(bad)).toMatchObject({ code: 'validation_failed', fields: { email: expect.any(String) } });
    }
    const missing = await subscribeJson(rated.receipt, {});
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).fields).toEqual({ email: 'is required' });
    // A plain form without the built site answers as the JSON route does.
    const badForm = await subscribeForm(rated.receipt, { email: 'warga' });
    expect(badForm.status).toBe(400);

    const silent = await rate(null);
    const refused = await subscribeJson(silent.receipt, { email: ADDRESS });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe('reply_not_possible');
    expect((await stored()).map((s) => s.response_id)).toEqual([rated.id]);
  });

  it('throttles one client with 429 and Retry-After, counting refused posts too, while another client is still served', async () => {
    const rated = await rate(COMMENT);
    const one = '10.77.0.1';
    for (let i = 0; i < SUBSCRIBE_LIMIT.limit; i++) {
      const res = i % 2 ? await subscribeJson('RPR-ZZZZ-ZZZZ', { email: ADDRESS }, one) : await subscribeJson(rated.receipt, { email: ADDRESS }, one);
      expect(res.status).not.toBe(429);
    }
    const throttled = await subscribeJson(rated.receipt, { email: ADDRESS }, one);
    expect(throttled.status).toBe(429);
    expect((await errorOf(throttled)).code).toBe('too_many_requests');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // Guessing receipts from the throttled client learns nothing: 429 before any lookup.
    expect((await subscribeJson('RPR-ZZZZ-ZZZY', { email: ADDRESS }, one)).status).toBe(429);
    expect((await subscribeJson(rated.receipt, { email: ADDRESS }, '10.77.0.2')).status).toBe(201);
  });
});

describe('the reply mail', () => {
  it('is queued in the reply’s transaction with a link to the receipt and nothing else; the address goes with it; a second reply queues nothing', async () => {
    const rated = await rate(COMMENT);
    expect((await subscribeForm(rated.receipt, { email: ADDRESS, lang: 'en' })).status).toBe(303);
    const first = await reply(rated.id, 'Terima kasih, kursi tambahan sudah dipasang');
    expect(first.status).toBe(201);
    const queued = await notices();
    expect(queued).toHaveLength(1);
    const mail = queued[0]!;
    expect(mail).toMatchObject({ recipient: ADDRESS, language: 'en', kind: REPLY_NOTICE_KIND });
    expect(mail.text).toContain(`/en/tanda-terima/${rated.receipt}`);
    expect(mail.html).toContain(`/en/tanda-terima/${rated.receipt}`);
    // No comment, no reply, no answers, no unit, nothing about the resident (the address is only the recipient).
    for (const part of [mail.subject, mail.text, mail.html]) {
      for (const secret of ['Antrean', 'kursi', 'Dukcapil', FIXTURE.gorontaloUnit, 'warga.kabar', rated.id]) expect(part).not.toContain(secret);
    }
    expect(await stored()).toEqual([]);

    expect((await reply(rated.id, 'Tambahan: loket dua kini buka pagi')).status).toBe(201);
    expect(await notices()).toHaveLength(1);
  });

  it('is not queued, and the address stays, when the reply is refused (a comment waiting for review)', async () => {
    const rated = await rate('Pak Budi di loket 3 minta uang 50 ribu');
    expect((await subscribeJson(rated.receipt, { email: ADDRESS })).status).toBe(201);
    expect((await reply(rated.id, 'Kami periksa')).status).toBe(409);
    expect(await notices()).toEqual([]);
    expect((await stored()).map((s) => s.email)).toEqual([ADDRESS]);
  });
});

describe('retention (DOMAIN.md §9)', () => {
  it('a reply notice forgets its recipient as it is marked sent; other mail keeps its own', async () => {
    const at = new Date('2026-08-10T03:00:00.000Z');
    const mail = { subject: 's', text: 't', html: '<p>h</p>' };
    await enqueueMail(t.db, { ...mail, kind: REPLY_NOTICE_KIND, recipient: ADDRESS }, { now: at, domain: 'localhost' });
    await enqueueMail(t.db, { ...mail, kind: 'test', recipient: 'staf@contoh.go.id' }, { now: at, domain: 'localhost' });
    for (let i = 0; i < 2; i++) expect(await markMailSent(t.db, (await claimNextMail(t.db, at, 60_000))!, at)).toBe(true);
    const rows = await t.db.selectFrom('outbox').select(['kind', 'recipient']).where('sent_at', 'is not', null).orderBy('kind').execute();
    expect(rows).toEqual([{ kind: REPLY_NOTICE_KIND, recipient: '' }, { kind: 'test', recipient: 'staf@contoh.go.id' }]);
  });


  it('the hourly purge deletes an address nobody used 90 days after it was left, and not before', async () => {
    const old = await rate(COMMENT);
    expect((await subscribeJson(old.receipt, { email: 'lama@contoh-warga.id' })).status).toBe(201);
    const left = t.clock.now.getTime();
    t.clock.now = new Date(left + 24 * 60 * 60 * 1000);
    const young = await rate(COMMENT);
    expect((await subscribeJson(young.receipt, { email: 'baru@contoh-warga.id' })).status).toBe(201);
    const days = REPLY_SUBSCRIPTION_KEPT_DAYS * 24 * 60 * 60 * 1000;

    expect(await purgeReplySubscriptions(t.db, new Date(left + days - 1))).toBe(0);
    expect((await stored()).map((s) => s.email).sort()).toEqual(['baru@contoh-warga.id', 'lama@contoh-warga.id']);
    expect(await purgeReplySubscriptions(t.db, new Date(left + days + 1))).toBe(1);
    expect((await stored()).map((s) => s.email)).toEqual(['baru@contoh-warga.id']);
  });
});

describe('the address stays apart from the rating', () => {
  it('appears in no export, evidence snapshot, evidence pack or staff, evaluator or administrator view', async () => {
    const rated = await rate(COMMENT);
    expect((await subscribeJson(rated.receipt, { email: ADDRESS })).status).toBe(201);
    const evaluator = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    const admin = await signIn(t.app, ACCOUNTS.admin);
    const staff = await signIn(t.app, ACCOUNTS.staffGorontalo);
    const lockRes = await t.app.request('/api/evidence/locks', {
      method: 'POST', headers: { cookie: evaluator, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ period: '2026-Q3', unit: FIXTURE.gorontaloUnit }),
    });
    expect(lockRes.status).toBe(201);
    const lock = (await lockRes.json()) as { id: string; files: { name: string }[] };

    const q = `period=2026-Q3&unit=${FIXTURE.gorontaloUnit}`;
    const reads: Array<[string, string]> = [
      ...['responses', 'permit-reports', 'scores', 'asn-evidence'].flatMap((d) => ['csv', 'ndjson', 'xlsx'].map((f): [string, string] => [evaluator, `/api/exports/${d}.${f}?${q}`])),
      [admin, `/api/exports/responses.csv?period=2026-Q3`],
      ...lock.files.map((f): [string, string] => [evaluator, `/api/evidence/${lock.id}/files/${encodeURIComponent(f.name)}`]),
      [evaluator, `/api/evidence/locks/${lock.id}`],
      [evaluator, `/api/compliance/pack?unit=${FIXTURE.gorontaloUnit}&year=2026`],
      [evaluator, `/api/reports/skm/${FIXTURE.gorontaloUnit}?period=2026-Q3`],
      [evaluator, '/api/integrity/excluded?period=2026-Q3'],
      [evaluator, '/api/review/comments'],
      [staff, `${W}/responses?period=2026-Q3`],
      [staff, `${W}/responses?period=2026-Q3&withComment=true`],
      [staff, `${W}/audit`],
      [staff, `${W}/profile?period=2026-Q3`],
      [admin, '/api/admin/users'],
      [admin, `/api/units/${FIXTURE.gorontaloUnit}/comments`],
    ];
    let checked = 0;
    for (const [cookie, path] of reads) {
      const res = await t.app.request(path, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      // Zipped files (XLSX, the evidence pack) are read entry by entry.
      const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b;
      const texts = zipped ? Object.values(unzipSync(bytes)).map((b) => strFromU8(b)) : [strFromU8(bytes)];
      for (const text of texts) {
        expect(text, path).not.toContain(ADDRESS);
        expect(text, path).not.toContain('warga.kabar');
      }
      checked += 1;
    }
    expect(checked).toBe(reads.length);
    // The rating itself is in these outputs: the comment is there, so a leak would have been seen beside it.
    const rows = await (await t.app.request(`${W}/responses?period=2026-Q3&withComment=true`, { headers: { cookie: staff } })).text();
    expect(rows).toContain(COMMENT);
  });
});
