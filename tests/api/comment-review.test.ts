// Issue 15, finding 14: a comment naming a counter officer and alleging a bribe was published at once, word for word.
// Such a comment counts in the score at once, but its text waits for review by someone outside the unit (an
// evaluator of its region or an administrator); the unit cannot publish, hide or answer it alone (decision 019).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { commentReviewColumns } from '../../db/queries/comment-review.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
const cookies: Partial<Record<keyof typeof ACCOUNTS, string>> = {};
const BRIBE = 'Pak Budi di loket 3 minta uang 50 ribu';
const STAFF_BASE = `/api/staff/units/${FIXTURE.gorontaloUnit}`;

beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
  await insertFixtureUsers(t.db);
  for (const k of Object.keys(cookies)) delete cookies[k as keyof typeof ACCOUNTS];
});
afterEach(async () => {
  await t.close();
});

async function as(account: keyof typeof ACCOUNTS, method: string, path: string, body?: unknown) {
  cookies[account] ??= await signIn(t.app, ACCOUNTS[account]);
  return t.app.request(path, {
    method,
    headers: { cookie: cookies[account]!, origin: 'http://localhost', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function rate(comment: string, unit = FIXTURE.gorontaloUnit) {
  return t.app.request(`/api/units/${unit}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      idempotencyKey: crypto.randomUUID(),
      ...(unit === FIXTURE.gorontaloUnit ? { service: FIXTURE.ktp } : {}),
      answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`U${i}`, 2])),
      comment,
    }),
  });
}

async function publicTexts(unit = FIXTURE.gorontaloUnit): Promise<string[]> {
  const body = (await (await t.app.request(`/api/units/${unit}/comments`)).json()) as { items: { comment: string }[] };
  return body.items.map((c) => c.comment);
}

let seq = 0;
/** A commented rating stored directly, in a given review state (the rating route is not needed for these tests). */
async function seedComment(db: Kysely<Database>, comment: string, review: 'pending' | 'published' | 'withheld' | null, unitId = 'u-gtlo') {
  seq += 1;
  const id = `0190f000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  const cols = commentReviewColumns(comment);
  await db.insertInto('responses').values({
    id, unit_id: unitId, service_id: unitId === 'u-gtlo' ? 's-ktp' : 's-leg', created_at: `2026-08-0${seq % 9 + 1}T02:00:00.000Z`,
    local_date: `2026-08-0${seq % 9 + 1}`, local_hour: 10, channel: 'web',
    u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3, gender: null, age: null, education: null, occupation: null,
    comment, idempotency_key: crypto.randomUUID(), receipt: `R-${seq}`, ip_hash: null, verified: 0, visit_code_id: null,
    exclusion_reason: null, excluded_at: null, comment_hidden_reason: null, comment_hidden_at: null, device_id: null,
    comment_review: review, comment_review_flags: cols.comment_review_flags,
  }).execute();
  return id;
}

const reviewState = async (id: string) =>
  (await t.db.selectFrom('responses').select(['comment_review', 'comment_review_reason', 'comment_reviewed_by']).where('id', '=', id).executeTakeFirstOrThrow());

describe('a comment that names an officer and alleges a bribe (through the rating API)', () => {
  // RED until server/routes/ratings.ts stores the review state (commentReviewColumns) and answers commentReview.
  it('counts at once, waits for the region’s evaluator, and is then published', async () => {
    const res = await rate(BRIBE);
    expect(res.status).toBe(201);
    const ack = (await res.json()) as { id: string; commentReview?: string };
    // The attack of the issue: the text was public at once, word for word.
    expect(await publicTexts()).not.toContain(BRIBE);
    expect(ack.commentReview).toBe('pending');

    // The score counts it at once.
    const scores = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/scores?period=2026-08`)).json()) as { n: number };
    expect(scores.n).toBe(1);

    // The unit sees that a comment waits, not its text, and cannot answer, hide or restore it.
    const list = (await (await as('staffGorontalo', 'GET', `${STAFF_BASE}/responses?period=2026-08`)).json()) as any;
    expect(list.items).toEqual([expect.objectContaining({ id: ack.id, comment: null, commentReview: 'pending' })]);
    expect(JSON.stringify(list)).not.toContain('minta uang');
    const reply = await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${ack.id}/replies`, { body: 'Kami tindak lanjuti.' });
    expect(reply.status).toBe(409);
    expect(((await reply.json()) as any).error.code).toBe('comment_under_review');
    expect((await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${ack.id}/hide`, { reason: 'kasar' })).status).toBe(409);

    // An evaluator of another region can neither see nor decide it.
    const otherQueue = (await (await as('evaluatorPalembang', 'GET', '/api/review/comments?status=pending')).json()) as any;
    expect(otherQueue.items).toEqual([]);
    expect((await as('evaluatorPalembang', 'POST', `/api/review/comments/${ack.id}`, { decision: 'publish' })).status).toBe(404);
    expect(await publicTexts()).not.toContain(BRIBE);

    // The region's evaluator sees it with the reasons, publishes it, and it appears.
    const queue = (await (await as('evaluatorGorontalo', 'GET', '/api/review/comments?status=pending')).json()) as any;
    expect(queue.items).toEqual([expect.objectContaining({ id: ack.id, comment: BRIBE, flags: ['names_person', 'alleges_misconduct'], counted: true })]);
    const decided = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${ack.id}`, { decision: 'publish', reason: 'Keluhan layanan; diteruskan ke inspektorat.' });
    expect(decided.status).toBe(200);
    expect(await publicTexts()).toContain(BRIBE);
  });

  it('publishes a comment about the service at once', async () => {
    const res = await rate('Antrian terlalu lama, mohon tambah loket');
    expect(res.status).toBe(201);
    expect((await res.json()) as object).not.toHaveProperty('commentReview');
    expect(await publicTexts()).toEqual(['Antrian terlalu lama, mohon tambah loket']);
  });
});

describe('the review state (seeded in the database)', () => {
  it('the hook gives a new rating its review state', () => {
    expect(commentReviewColumns(BRIBE)).toEqual({ comment_review: 'pending', comment_review_flags: 'names_person,alleges_misconduct' });
    expect(commentReviewColumns('Pelayanan cepat')).toEqual({ comment_review: null, comment_review_flags: null });
    expect(commentReviewColumns(null)).toEqual({ comment_review: null, comment_review_flags: null });
  });

  it('public lists and the SKM report show only comments that need no review or were published', async () => {
    await seedComment(t.db, 'Pelayanan cepat', null);
    await seedComment(t.db, BRIBE, 'pending');
    await seedComment(t.db, 'Bu Sari sangat membantu', 'published');
    await seedComment(t.db, 'oknum Rudi minta amplop', 'withheld');
    expect((await publicTexts()).sort()).toEqual(['Bu Sari sangat membantu', 'Pelayanan cepat']);
    const report = await (await as('staffGorontalo', 'GET', `/api/reports/skm/${FIXTURE.gorontaloUnit}?period=2026-08`)).text();
    expect(report).toContain('Bu Sari sangat membantu');
    expect(report).not.toContain('minta uang');
    expect(report).not.toContain('amplop');
  });

  it('the unit’s list and export leave the text of a pending or withheld comment out', async () => {
    const pending = await seedComment(t.db, BRIBE, 'pending');
    const withheld = await seedComment(t.db, 'oknum Rudi minta amplop', 'withheld');
    const list = (await (await as('staffGorontalo', 'GET', `${STAFF_BASE}/responses?period=2026-08`)).json()) as any;
    const byId = Object.fromEntries(list.items.map((i: any) => [i.id, i]));
    expect(byId[pending]).toMatchObject({ comment: null, commentReview: 'pending' });
    expect(byId[withheld]).toMatchObject({ comment: null, commentReview: 'withheld' });
    const csv = await (await as('staffGorontalo', 'GET', `/api/exports/responses.csv?period=2026-08&unit=${FIXTURE.gorontaloUnit}`)).text();
    expect(csv).toContain(pending);
    expect(csv).not.toContain('minta uang');
    expect(csv).not.toContain('amplop');
  });

  it('the unit cannot answer, hide or restore a comment under review, nor overrule a reviewer', async () => {
    const pending = await seedComment(t.db, BRIBE, 'pending');
    const withheld = await seedComment(t.db, 'oknum Rudi minta amplop', 'withheld');
    const published = await seedComment(t.db, 'Bu Sari sangat membantu', 'published');
    const code = async (res: Response) => [res.status, ((await res.json()) as any).error?.code];
    expect(await code(await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${pending}/replies`, { body: 'Terima kasih' }))).toEqual([409, 'comment_under_review']);
    expect(await code(await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${withheld}/replies`, { body: 'Terima kasih' }))).toEqual([409, 'comment_withheld']);
    expect(await code(await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${pending}/hide`, { reason: 'spam' }))).toEqual([409, 'comment_under_review']);
    expect(await code(await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${pending}/restore`, {}))).toEqual([409, 'comment_under_review']);
    expect(await code(await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${published}/hide`, { reason: 'kasar' }))).toEqual([409, 'comment_reviewed']);
    expect(await code(await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${withheld}/restore`, {}))).toEqual([409, 'comment_reviewed']);
    // Nothing changed: no reply, no hiding, the score untouched.
    const rows = await t.db.selectFrom('responses').select(['comment_hidden_at', 'exclusion_reason']).execute();
    expect(rows.every((r) => r.comment_hidden_at === null && r.exclusion_reason === null)).toBe(true);
    expect(await t.db.selectFrom('replies').selectAll().execute()).toEqual([]);
    // A published comment may be answered; an administrator may still moderate it.
    expect((await as('staffGorontalo', 'POST', `${STAFF_BASE}/responses/${published}/replies`, { body: 'Terima kasih' })).status).toBe(201);
    expect((await as('admin', 'POST', `${STAFF_BASE}/responses/${published}/hide`, { reason: 'kasar' })).status).toBe(200);
  });
});

describe('the reviewers’ endpoints', () => {
  it('list the queue of the account’s region: evaluators their region, administrators and national evaluators all', async () => {
    const gtlo = await seedComment(t.db, BRIBE, 'pending');
    const plaju = await seedComment(t.db, 'Mas Andi di loket minta uang rokok', 'pending', 'u-plaju');
    await seedComment(t.db, 'Bu Sari sangat membantu', 'published');
    const ids = async (account: keyof typeof ACCOUNTS, query = '') =>
      ((await (await as(account, 'GET', `/api/review/comments${query}`)).json()) as any).items.map((i: any) => i.id);
    expect(await ids('evaluatorGorontalo')).toEqual([gtlo]);
    expect(await ids('evaluatorPalembang')).toEqual([plaju]);
    expect((await ids('evaluatorNational')).sort()).toEqual([gtlo, plaju].sort());
    expect((await ids('admin')).sort()).toEqual([gtlo, plaju].sort());
    expect(await ids('evaluatorGorontalo', '?status=published')).toHaveLength(1);
    const item = ((await (await as('evaluatorGorontalo', 'GET', '/api/review/comments')).json()) as any).items[0];
    expect(item).toEqual({
      id: gtlo, unit: { slug: FIXTURE.gorontaloUnit, name: 'Dukcapil Uji Gorontalo', regionCode: '7571' },
      service: { slug: FIXTURE.ktp, name: 'Perekaman KTP-el' }, localDate: expect.any(String), comment: BRIBE,
      flags: ['names_person', 'alleges_misconduct'], commentReview: 'pending', counted: true, review: null,
    });
    const page = (await (await as('admin', 'GET', '/api/review/comments?limit=1')).json()) as any;
    expect(page.items).toHaveLength(1);
    const next = (await (await as('admin', 'GET', `/api/review/comments?limit=1&cursor=${page.nextCursor}`)).json()) as any;
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(page.items[0].id);
    expect(next.nextCursor).toBeNull();
  });

  it('are closed to staff and to visitors, and refuse bad input with a code', async () => {
    const id = await seedComment(t.db, BRIBE, 'pending');
    expect((await as('staffGorontalo', 'GET', '/api/review/comments')).status).toBe(403);
    expect((await as('staffGorontalo', 'POST', `/api/review/comments/${id}`, { decision: 'publish' })).status).toBe(403);
    expect((await t.app.request('/api/review/comments')).status).toBe(401);
    const bad = async (body: unknown) => {
      const res = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}`, body);
      return [res.status, ((await res.json()) as any).error.fields];
    };
    expect(await bad({ decision: 'withhold' })).toEqual([400, { reason: 'is required to withhold a comment' }]);
    expect(await bad({ decision: 'withhold', reason: '   ' })).toEqual([400, { reason: 'is required to withhold a comment' }]);
    expect(await bad({ decision: 'hapus' })).toEqual([400, { decision: 'must be one of publish, withhold' }]);
    expect((await as('evaluatorGorontalo', 'GET', '/api/review/comments?status=semua')).status).toBe(400);
    expect((await as('evaluatorGorontalo', 'POST', '/api/review/comments/tidak-ada', { decision: 'publish' })).status).toBe(404);
    expect((await reviewState(id)).comment_review).toBe('pending');
  });

  it('withhold with a reason, audited; an evaluator of another region cannot decide', async () => {
    const id = await seedComment(t.db, 'oknum Rudi minta amplop', 'pending');
    const other = await as('evaluatorPalembang', 'POST', `/api/review/comments/${id}`, { decision: 'publish' });
    expect(other.status).toBe(404);
    expect(((await other.json()) as any).error.code).toBe('comment_not_found');
    expect((await reviewState(id)).comment_review).toBe('pending');

    const res = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}`, { decision: 'withhold', reason: 'Tuduhan menyebut nama; arahkan ke SP4N-LAPOR!' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, commentReview: 'withheld', reviewedAt: '2026-08-10T03:00:00.000Z' });
    expect(await reviewState(id)).toEqual({ comment_review: 'withheld', comment_review_reason: 'Tuduhan menyebut nama; arahkan ke SP4N-LAPOR!', comment_reviewed_by: 'usr-eval-75' });
    expect(await publicTexts()).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'comment.review').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: 'usr-eval-75', unit_id: 'u-gtlo', target: id });
    expect(JSON.parse(audit[0]!.details!)).toEqual({ decision: 'withhold', reason: 'Tuduhan menyebut nama; arahkan ke SP4N-LAPOR!', previous: 'pending', flags: ['names_person', 'alleges_misconduct'] });

    // An administrator may decide again; the withheld text then appears.
    expect((await as('admin', 'POST', `/api/review/comments/${id}`, { decision: 'publish' })).status).toBe(200);
    expect(await publicTexts()).toEqual(['oknum Rudi minta amplop']);
  });
});
