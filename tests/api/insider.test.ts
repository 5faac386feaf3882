// The insider (issue 15, findings 6 and 8): a unit's own staff may not undo the integrity checks, clean a closed quarter
// or find out which rating a resident gave. Each attack is reproduced as the issue describes it, then shown closed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { excludeInTransaction } from '../../db/queries/moderation.ts';
import { writeSetting } from '../../db/queries/settings.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let client = 0;
const UNIT = FIXTURE.gorontaloUnit;
const W = `/api/staff/units/${UNIT}`;
const A = (v: number[]) => Object.fromEntries(v.map((x, i) => [`U${i + 1}`, x]));
const all = (v: number) => Array.from({ length: 9 }, () => v);

beforeEach(async () => {
  // 10:00 WITA on Monday 15 June 2026: the second quarter is open.
  t = await testApp(new Date('2026-06-15T02:00:00.000Z'), { trustProxy: true });
  await insertFixtureUsers(t.db);
  // These tests read the public IKM of two to four ratings: the smallest k the small-cell rule allows (decision 047).
  await writeSetting(t.db, 'min_public_ratings', '2', new Date());
});
afterEach(async () => {
  await t.close();
});

/** A resident rates the unit from an address of their own. */
async function rate(answers: number[], extra: Record<string, unknown> = {}) {
  client += 1;
  const res = await t.app.request(`/api/units/${UNIT}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${Math.floor(client / 250) % 250}.${client % 250}` },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: A(answers), ...extra }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; status: string };
}

function as(cookie: string) {
  return (method: string, path: string, body?: unknown) => t.app.request(path, {
    method,
    headers: { cookie, origin: 'http://localhost', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function scores(period: string) {
  return (await (await t.app.request(`/api/units/${UNIT}/scores?period=${period}`)).json()) as { n: number; nExcluded: number; ikm: number };
}

/** What the integrity checks do to a rating they hold back (the same function the rating route's checks end in). */
async function holdBack(id: string, reason: string) {
  await t.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await excludeInTransaction(trx, row, reason, t.clock.now);
  });
}

async function monthlyMatchesDaily() {
  const daily = await t.db.selectFrom('score_daily').select((eb) => [eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('n_excluded').as('x'), eb.fn.sum<number>('sum_total').as('s')]).executeTakeFirstOrThrow();
  const monthly = await t.db.selectFrom('score_monthly').select((eb) => [eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('n_excluded').as('x'), eb.fn.sum<number>('sum_total').as('s')]).executeTakeFirstOrThrow();
  const counted = await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('exclusion_reason', 'is', null).executeTakeFirstOrThrow();
  expect([Number(monthly.n), Number(monthly.x), Number(monthly.s)]).toEqual([Number(daily.n), Number(daily.x), Number(daily.s)]);
  expect(Number(daily.n)).toBe(Number(counted.n));
}

/** Moves the clock and signs the actors in again (sessions are short-lived). */
async function at(iso: string) {
  t.clock.now = new Date(iso);
  return {
    staff: as(await signIn(t.app, ACCOUNTS.staffGorontalo)),
    evaluator: as(await signIn(t.app, ACCOUNTS.evaluatorGorontalo)),
    outsider: as(await signIn(t.app, ACCOUNTS.evaluatorPalembang)),
  };
}

describe('finding 6: staff restore only what staff excluded', () => {
  it('a staff "restore" of burst_client exclusions is refused: the ratings stay out of the score and in the exclusion report', async () => {
    for (let i = 0; i < 4; i++) await rate(all(4));
    const burst = [];
    for (let i = 0; i < 6; i++) burst.push((await rate([1, 1, 1, 1, 1, 1, 1, 1, 2])).id);
    for (const id of burst) await holdBack(id, 'burst_client');
    const { staff, evaluator } = await at('2026-06-15T02:30:00.000Z');
    const before = await scores('2026-06');
    expect(before).toMatchObject({ n: 4, nExcluded: 6, ikm: 100 });

    for (const id of burst) {
      const res = await staff('POST', `${W}/responses/${id}/restore`, { note: 'warga asli' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('integrity_exclusion');
    }
    expect(await scores('2026-06')).toEqual(before);
    const report = (await (await evaluator('GET', '/api/integrity/excluded?period=2026-06')).json()) as any;
    expect(report.items).toContainEqual(expect.objectContaining({ unitSlug: UNIT, reason: 'burst_client', n: 6 }));
    await monthlyMatchesDaily();
  });

  it('an integrity exclusion is lifted only by an evaluator of the region or an administrator, with a written reason, and the report shows who', async () => {
    await rate(all(4));
    const { id } = await rate(all(2));
    await holdBack(id, 'burst_client');
    const { staff, evaluator, outsider } = await at('2026-06-15T03:00:00.000Z');
    const lift = (actor: typeof staff, body: unknown) => actor('POST', `/api/evaluation/responses/${id}/lift`, body);

    expect((await lift(staff, { reason: 'warga asli' })).status).toBe(403);
    expect((await lift(outsider, { reason: 'warga asli' })).status).toBe(404);
    const missing = await lift(evaluator, {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error.fields).toHaveProperty('reason');
    expect((await lift(evaluator, { reason: '   ' })).status).toBe(400);
    expect(await scores('2026-06')).toMatchObject({ n: 1, nExcluded: 1 });

    const ok = await lift(evaluator, { reason: 'Antrean ramai di Wi-Fi unit; dicek dengan buku tamu.' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id, excluded: false, lifted: 'burst_client' });
    expect(await scores('2026-06')).toMatchObject({ n: 2, nExcluded: 0, ikm: 75 });
    expect((await lift(evaluator, { reason: 'lagi' })).status).toBe(409);
    await monthlyMatchesDaily();

    const report = (await (await evaluator('GET', '/api/integrity/excluded?period=2026-06')).json()) as any;
    expect(report.items).toEqual([]);
    expect(report.moderation.units).toEqual([{ unitSlug: UNIT, unitName: 'Dukcapil Uji Gorontalo', pending: 0, excludedByStaff: 0, restoredByStaff: 0, lifted: 1, rejected: 0 }]);
    expect(report.moderation.entries).toEqual([expect.objectContaining({
      responseId: id, action: 'restore', reason: 'burst_client', note: 'Antrean ramai di Wi-Fi unit; dicek dengan buku tamu.',
      requestedBy: { name: 'Evaluator Gorontalo', role: 'evaluator' }, decision: 'approved', decidedBy: { name: 'Evaluator Gorontalo', role: 'evaluator' },
    })]);
    const outside = (await (await outsider('GET', '/api/integrity/excluded?period=2026-06')).json()) as any;
    expect(outside.moderation.entries).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'user_id', 'target']).where('action', '=', 'response.lift').execute();
    expect(audit).toEqual([{ action: 'response.lift', user_id: 'usr-eval-75', target: id }]);
  });

  it('an administrator lifts an exclusion too; staff still restore their own spam exclusion in an open quarter', async () => {
    const { id: honeypot } = await rate(all(3), { website: 'http://spam.example' });
    const { id: spam } = await rate(all(1), { comment: 'Beli pulsa murah di sini' });
    const admin = as(await signIn(t.app, ACCOUNTS.admin));
    const staff = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    expect((await admin('POST', `/api/evaluation/responses/${honeypot}/lift`, { reason: 'Pengisi otomatis peramban, diperiksa.' })).status).toBe(200);
    expect((await staff('POST', `${W}/responses/${spam}/hide`, { reason: 'spam' })).status).toBe(200);
    expect(await scores('2026-06')).toMatchObject({ n: 1, nExcluded: 1 });
    expect((await staff('POST', `${W}/responses/${spam}/restore`, { note: 'keliru' })).status).toBe(200);
    expect(await scores('2026-06')).toMatchObject({ n: 2, nExcluded: 0 });
    await monthlyMatchesDaily();
  });
});

describe('finding 6: excluding a rating without a comment needs a written reason', () => {
  it('answers 400 naming the note, and takes the rating out only with one', async () => {
    const { id } = await rate(all(1));
    const staff = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    const res = await staff('POST', `${W}/responses/${id}/hide`, { reason: 'spam' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', fields: { note: expect.any(String) } } });
    expect(await scores('2026-06')).toMatchObject({ n: 1, nExcluded: 0 });
    const ok = await staff('POST', `${W}/responses/${id}/hide`, { reason: 'spam', note: 'Diisi petugas saat uji coba kios.' });
    expect(ok.status).toBe(200);
    expect(await scores('2026-06')).toMatchObject({ n: 0, nExcluded: 1 });
    const entry = await t.db.selectFrom('moderation_requests').selectAll().executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ response_id: id, action: 'exclude', reason: 'spam', note: 'Diisi petugas saat uji coba kios.', requested_by: 'usr-staff-gtlo', decision: 'applied' });
  });
});

describe('finding 6: in a closed quarter nothing changes a score without an evaluator', () => {
  async function secondQuarter() {
    for (let i = 0; i < 5; i++) await rate(all(4));
    for (let i = 0; i < 2; i++) await rate(all(3));
    return (await rate(all(1))).id;
  }

  it('a staff spam exclusion of a comment-less low rating waits for approval, and the IKM moves only when an evaluator approves', async () => {
    const low = await secondQuarter();
    const { staff, evaluator, outsider } = await at('2026-07-10T02:00:00.000Z');
    const before = await scores('2026-Q2');
    const res = await staff('POST', `${W}/responses/${low}/hide`, { reason: 'spam', note: 'Menurut kami ini iseng.' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id: low, pendingApproval: true });
    expect(await scores('2026-Q2')).toEqual(before);
    expect((await staff('POST', `${W}/responses/${low}/hide`, { reason: 'spam', note: 'lagi' })).status).toBe(409);

    const listed = (await (await staff('GET', `${W}/responses?period=2026-Q2`)).json()) as any;
    expect(listed.items.find((i: any) => i.id === low)).toMatchObject({ status: 'accepted', pendingApproval: 'exclude' });

    const pending = (await (await evaluator('GET', '/api/evaluation/moderation-requests?status=pending')).json()) as any;
    expect(pending.items).toEqual([expect.objectContaining({
      responseId: low, unit: { slug: UNIT, name: 'Dukcapil Uji Gorontalo' }, localDate: '2026-06-15', action: 'exclude', reason: 'spam',
      note: 'Menurut kami ini iseng.', requestedBy: { name: 'Petugas Gorontalo', role: 'staff' }, decision: null,
    })]);
    expect(((await (await outsider('GET', '/api/evaluation/moderation-requests?status=pending')).json()) as any).items).toEqual([]);
    expect((await staff('GET', '/api/evaluation/moderation-requests?status=pending')).status).toBe(403);
    const requestId = pending.items[0].id;
    expect((await staff('POST', `/api/evaluation/moderation-requests/${requestId}/approve`, { reason: 'ya' })).status).toBe(403);
    expect((await outsider('POST', `/api/evaluation/moderation-requests/${requestId}/approve`, { reason: 'ya' })).status).toBe(404);
    expect((await evaluator('POST', `/api/evaluation/moderation-requests/${requestId}/approve`, {})).status).toBe(400);
    const report = (await (await evaluator('GET', '/api/integrity/excluded?period=2026-Q2')).json()) as any;
    expect(report.moderation.units).toEqual([expect.objectContaining({ unitSlug: UNIT, pending: 1 })]);

    const approved = await evaluator('POST', `/api/evaluation/moderation-requests/${requestId}/approve`, { reason: 'Pola isian sama dengan uji coba kios.' });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ id: requestId, decision: 'approved' });
    const after = await scores('2026-Q2');
    expect(after).toMatchObject({ n: before.n - 1, nExcluded: before.nExcluded + 1 });
    expect(after.ikm).toBeGreaterThan(before.ikm);
    expect((await evaluator('POST', `/api/evaluation/moderation-requests/${requestId}/reject`, { reason: 'berubah pikiran' })).status).toBe(409);
    await monthlyMatchesDaily();
    const audit = (await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'moderation.%').orderBy('at').execute()).map((a) => a.action);
    expect(audit).toEqual(['moderation.request', 'moderation.approve']);
    const done = (await (await evaluator('GET', '/api/integrity/excluded?period=2026-Q2')).json()) as any;
    expect(done.items).toEqual([expect.objectContaining({ unitSlug: UNIT, reason: 'spam', n: 1 })]);
    expect(done.moderation.units).toEqual([expect.objectContaining({ pending: 0, excludedByStaff: 1 })]);
    expect(done.moderation.entries[0]).toMatchObject({ decision: 'approved', decidedBy: { name: 'Evaluator Gorontalo', role: 'evaluator' }, decisionReason: 'Pola isian sama dengan uji coba kios.' });
  });

  it('a staff restore in a closed quarter waits too, and a rejection changes nothing', async () => {
    await secondQuarter();
    const { id } = await rate(all(1), { comment: 'Jual akun murah hubungi kami' });
    const open = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    expect((await open('POST', `${W}/responses/${id}/hide`, { reason: 'spam' })).status).toBe(200);
    const { staff, evaluator } = await at('2026-07-10T02:00:00.000Z');
    const before = await scores('2026-Q2');
    const res = await staff('POST', `${W}/responses/${id}/restore`, { note: 'ternyata keluhan asli' });
    expect(res.status).toBe(202);
    expect(await scores('2026-Q2')).toEqual(before);
    const [request] = ((await (await evaluator('GET', '/api/evaluation/moderation-requests?status=pending')).json()) as any).items;
    expect(request).toMatchObject({ action: 'restore', reason: 'spam', note: 'ternyata keluhan asli' });
    const rejected = await evaluator('POST', `/api/evaluation/moderation-requests/${request.id}/reject`, { reason: 'Isinya iklan, tetap spam.' });
    expect(rejected.status).toBe(200);
    expect(await rejected.json()).toMatchObject({ id: request.id, decision: 'rejected' });
    expect(await scores('2026-Q2')).toEqual(before);
    const row = await t.db.selectFrom('responses').select(['exclusion_reason', 'comment_hidden_reason']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ exclusion_reason: 'spam', comment_hidden_reason: 'spam' });
    expect(((await (await staff('GET', `${W}/responses?period=2026-Q2&status=excluded`)).json()) as any).items[0]).toMatchObject({ id, pendingApproval: null });
  });

  it('keeps one request per rating and one decision per request when they arrive at once', async () => {
    const low = await secondQuarter();
    const { staff, evaluator } = await at('2026-07-10T02:00:00.000Z');
    const asked = await Promise.all(Array.from({ length: 5 }, () => staff('POST', `${W}/responses/${low}/hide`, { reason: 'spam', note: 'iseng' })));
    expect(asked.map((r) => r.status).sort()).toEqual([202, 409, 409, 409, 409]);
    const [request] = ((await (await evaluator('GET', '/api/evaluation/moderation-requests')).json()) as any).items;
    const decided = await Promise.all([
      evaluator('POST', `/api/evaluation/moderation-requests/${request.id}/approve`, { reason: 'ya' }),
      evaluator('POST', `/api/evaluation/moderation-requests/${request.id}/reject`, { reason: 'tidak' }),
      evaluator('POST', `/api/evaluation/moderation-requests/${request.id}/approve`, { reason: 'ya' }),
    ]);
    expect(decided.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await t.db.selectFrom('moderation_requests').select('decision').execute()).toHaveLength(1);
    await monthlyMatchesDaily();
  });

  it('hiding only a comment\'s text stays open to staff in a closed quarter', async () => {
    await secondQuarter();
    const { id } = await rate(all(2), { comment: 'kata-kata kasar' });
    const { staff } = await at('2026-07-10T02:00:00.000Z');
    const before = await scores('2026-Q2');
    const res = await staff('POST', `${W}/responses/${id}/hide`, { reason: 'kasar' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, commentHidden: 'kasar', excluded: false });
    expect((await staff('POST', `${W}/responses/${id}/restore`, {})).status).toBe(200);
    expect(await scores('2026-Q2')).toEqual(before);
  });

  it('closes the quarter on the fourth local day after it ends (the 72-hour kiosk window), in the unit\'s time zone', async () => {
    const first = await secondQuarter();
    const second = (await rate(all(2))).id;
    // 23:59 WITA on 3 July: still open.
    const { staff } = await at('2026-07-03T15:59:00.000Z');
    expect((await staff('POST', `${W}/responses/${first}/hide`, { reason: 'spam', note: 'uji' })).status).toBe(200);
    // 00:00 WITA on 4 July (still 3 July in UTC): closed.
    const later = await at('2026-07-03T16:00:00.000Z');
    expect((await later.staff('POST', `${W}/responses/${second}/hide`, { reason: 'spam', note: 'uji' })).status).toBe(202);
  });
});

describe('finding 8: visit codes do not de-anonymise', () => {
  it('staff see how many codes were used and the unused ones, never when or by which rating', async () => {
    const issuer = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    const { codes } = (await (await issuer('POST', `${W}/visit-codes`, { count: 3 })).json()) as { codes: string[] };
    t.clock.now = new Date('2026-06-15T05:17:42.123Z');
    const rated = await rate(all(1), { visitCode: codes[0], respondent: { gender: 'P', age: 41 }, comment: 'Petugas loket dua tidak ramah' });
    const staff = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    const { created_at: createdAt } = await t.db.selectFrom('responses').select('created_at').where('id', '=', rated.id).executeTakeFirstOrThrow();

    const used = await staff('GET', `${W}/visit-codes?status=used`);
    expect(used.status).toBe(400);
    expect((await staff('GET', `${W}/visit-codes?status=all`)).status).toBe(400);
    const res = await staff('GET', `${W}/visit-codes`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.counts).toEqual({ issued: 3, used: 1, unused: 2 });
    expect(body.items.map((c: any) => c.code).sort()).toEqual(codes.slice(1).sort());
    expect(text).not.toContain(codes[0]);
    expect(text).not.toContain(createdAt);
    expect(text).not.toContain('usedAt');
  });

  it('the staff view of ratings shows the day only: no time, no hour, and no time in the cursor', async () => {
    for (const time of ['01:05:00.000', '03:41:17.250', '06:59:59.999']) {
      t.clock.now = new Date(`2026-06-15T${time}Z`);
      await rate(all(3), { comment: `Komentar pukul ${time.slice(0, 2)}` });
    }
    const staff = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    const stamps = (await t.db.selectFrom('responses').select('created_at').execute()).map((r) => r.created_at);
    const first = await staff('GET', `${W}/responses?period=2026-06&limit=2`);
    const text = await first.text();
    const page = JSON.parse(text);
    expect(page.items).toHaveLength(2);
    for (const item of page.items) {
      expect(item).not.toHaveProperty('createdAt');
      expect(item).not.toHaveProperty('localHour');
      expect(item.localDate).toBe('2026-06-15');
    }
    for (const stamp of stamps) {
      expect(text).not.toContain(stamp);
      expect(text).not.toContain(stamp.slice(11, 19));
    }
    const cursor = Buffer.from(page.nextCursor, 'base64url').toString('utf8');
    for (const stamp of stamps) expect(cursor).not.toContain(stamp.slice(11, 16));
    const next = (await (await staff('GET', `${W}/responses?period=2026-06&limit=2&cursor=${page.nextCursor}`)).json()) as any;
    expect(next.items).toHaveLength(1);
    expect(new Set([...page.items, ...next.items].map((i: any) => i.id)).size).toBe(3);
    expect(next.nextCursor).toBeNull();
  });

  it('the public comments give the day only, so the comment cannot be timed there either', async () => {
    t.clock.now = new Date('2026-06-15T05:17:42.123Z');
    const { id } = await rate(all(2), { comment: 'Petugas loket dua lambat melayani' });
    await rate(all(3), { comment: 'Ruang tunggu panas' });
    const res = await t.app.request(`/api/units/${UNIT}/comments?limit=1`);
    const text = await res.text();
    const page = JSON.parse(text);
    expect(page.items[0]).not.toHaveProperty('createdAt');
    expect(page.items[0].localDate).toBe('2026-06-15');
    expect(text).not.toContain('05:17');
    expect(Buffer.from(page.nextCursor, 'base64url').toString('utf8')).not.toContain('05:17');
    const next = (await (await t.app.request(`/api/units/${UNIT}/comments?limit=1&cursor=${page.nextCursor}`)).json()) as any;
    const ids = [page.items[0].id, next.items[0].id];
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain(id);
    expect(next.nextCursor).toBeNull();
  });

  it('the staff export of ratings carries no submission time', async () => {
    t.clock.now = new Date('2026-06-15T05:17:42.123Z');
    await rate(all(3));
    const staff = as(await signIn(t.app, ACCOUNTS.staffGorontalo));
    const csv = await (await staff('GET', `/api/exports/responses.csv?period=2026&unit=${UNIT}`)).text();
    expect(csv.split('\n')[0]).toContain('submitted_at_utc');
    expect(csv).toContain('2026-06-15');
    expect(csv).not.toContain('2026-06-15T05:17:42.123Z');
    expect(csv).not.toContain('05:17');
  });
});
