// Issue 27 item 7: a held comment that alleges misconduct is handed to SP4N-LAPOR! by the region's evaluator (or an
// administrator): the complaint prepared (text and a JSON file), then LAPOR!'s tracking number, then the agency's
// answer, each step audited and scope-checked; due dates in working days (decision 066).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { commentReviewColumns } from '../../db/queries/comment-review.ts';
import { laporHandoffsDue } from '../../db/queries/lapor.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
const cookies: Partial<Record<keyof typeof ACCOUNTS, string>> = {};
const BRIBE = 'Petugas loket 3 minta uang 50 ribu supaya KTP cepat jadi';

// Thursday 2026-08-20, 11:00 in Gorontalo (UTC+8). The comment arrived on Thursday 2026-08-13; Monday 2026-08-17 is a
// holiday (Independence Day), so its three working days are Friday 14, Tuesday 18 and Wednesday 19.
beforeEach(async () => {
  t = await testApp(new Date('2026-08-20T03:00:00.000Z'));
  await insertFixtureUsers(t.db);
  await t.db.insertInto('holidays').values({ date: '2026-08-17', name: 'Hari Kemerdekaan', kind: 'libur_nasional' }).execute();
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

let seq = 0;
async function seedComment(db: Kysely<Database>, comment: string, localDate = '2026-08-13', unitId = 'u-gtlo') {
  seq += 1;
  const id = `0190f000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  const cols = commentReviewColumns(comment);
  await db.insertInto('responses').values({
    id, unit_id: unitId, service_id: unitId === 'u-gtlo' ? 's-ktp' : 's-leg', created_at: `${localDate}T02:00:00.000Z`,
    local_date: localDate, local_hour: 10, channel: 'web',
    u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3, gender: null, age: null, education: null, occupation: null,
    comment, idempotency_key: crypto.randomUUID(), receipt: `R-L${seq}`, ip_hash: null, verified: 0, visit_code_id: null,
    exclusion_reason: null, excluded_at: null, comment_hidden_reason: null, comment_hidden_at: null, device_id: null,
    comment_review: cols.comment_review, comment_review_flags: cols.comment_review_flags,
  }).execute();
  return id;
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const audit = (action: string) => t.db.selectFrom('audit_log').select(['user_id', 'target', 'details']).where('action', '=', action).execute();

describe('the SP4N-LAPOR! hand-off, step by step', () => {
  it('prepares the complaint (anonymous and confidential by default) as JSON, text and a downloadable file', async () => {
    const id = await seedComment(t.db, BRIBE);
    const res = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor`, {});
    expect(res.status).toBe(200);
    const h = (await res.json()) as any;
    expect(h).toMatchObject({
      id, stage: 'prepared', heldOn: '2026-08-13', trackingNumber: null, answer: null,
      complaint: {
        jenis: 'pengaduan', isi: BRIBE, tanggalKejadian: '2026-08-13', lokasi: 'Dukcapil Uji Gorontalo, Jl. Uji 1',
        instansi: 'Pemerintah Kota Gorontalo', anonim: true, rahasia: true,
      },
      // Held Thursday 13 August; Friday 14, (weekend, holiday Monday 17), Tuesday 18, Wednesday 19: overdue on the 20th.
      due: { step: 'forward', dueOn: '2026-08-19', overdue: true },
    });
    expect(h.complaint.judul).toContain('Dukcapil Uji Gorontalo');
    expect(h.text).toContain(`Isi laporan:\n${BRIBE}`);
    expect(h.text).toContain('Anonim (identitas pelapor disembunyikan): Ya');
    expect(h.text).toContain('Rahasia (laporan tidak dipublikasikan): Ya');

    const file = await as('evaluatorGorontalo', 'GET', `/api/review/comments/${id}/lapor.json`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="sp4n-lapor-[0-9a-f]{8}\.json"$/);
    expect(await file.json()).toEqual(h.complaint);

    // The evaluator may change the draft until it is forwarded; the audit names the step, not the resident's words.
    const edited = await as('admin', 'POST', `/api/review/comments/${id}/lapor`, { judul: 'Pungli di loket KTP', anonim: false, kategori: 'Pungutan Liar' });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as any).complaint).toMatchObject({ judul: 'Pungli di loket KTP', anonim: false, rahasia: true, kategori: 'Pungutan Liar', isi: BRIBE });
    const entries = await audit('lapor.prepare');
    expect(entries.map((e) => e.user_id)).toEqual(['usr-eval-75', 'usr-admin']);
    expect(entries.map((e) => e.target)).toEqual([id, id]);
    expect(entries.map((e) => e.details).join()).not.toContain('minta uang');
  });

  it('records the tracking number, then the agency’s answer, with the answer due 5 working days after forwarding', async () => {
    const id = await seedComment(t.db, BRIBE);
    expect((await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor`, {})).status).toBe(200);

    const forwarded = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/tracking`, { trackingNumber: 'LAPOR-5123456', forwardedOn: '2026-08-14' });
    expect(forwarded.status).toBe(200);
    // Forwarded Friday 14 August: Tuesday 18, Wednesday 19, Thursday 20, Friday 21, Monday 24 (the weekend and the 17th skipped).
    expect(await forwarded.json()).toMatchObject({ stage: 'forwarded', trackingNumber: 'LAPOR-5123456', forwardedOn: '2026-08-14', due: { step: 'answer', dueOn: '2026-08-24', overdue: false } });
    expect(await audit('lapor.forward')).toEqual([expect.objectContaining({ user_id: 'usr-eval-75', target: id })]);

    const answered = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/answer`, { answeredOn: '2026-08-19', summary: 'Inspektorat memeriksa petugas; uang dikembalikan.' });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ stage: 'answered', answer: { answeredOn: '2026-08-19', summary: 'Inspektorat memeriksa petugas; uang dikembalikan.' }, due: null });
    expect(await audit('lapor.answer')).toEqual([expect.objectContaining({ user_id: 'usr-eval-75', target: id })]);

    // Once forwarded the complaint is no longer edited; once answered, the answer is not recorded twice.
    const again = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor`, {});
    expect([again.status, await errorCode(again)]).toEqual([409, 'lapor_already_forwarded']);
    const twice = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/answer`, { answeredOn: '2026-08-20', summary: 'lagi' });
    expect([twice.status, await errorCode(twice)]).toEqual([409, 'lapor_already_answered']);
  });
});

describe('refusals', () => {
  it('answers 409 for steps out of order and for a comment that alleges no misconduct', async () => {
    const id = await seedComment(t.db, BRIBE);
    const early = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/tracking`, { trackingNumber: 'LAPOR-1' });
    expect([early.status, await errorCode(early)]).toEqual([409, 'lapor_not_prepared']);
    expect((await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor`, {})).status).toBe(200);
    const answerFirst = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/answer`, { answeredOn: '2026-08-19', summary: 'Dijawab' });
    expect([answerFirst.status, await errorCode(answerFirst)]).toEqual([409, 'lapor_not_forwarded']);

    const named = await seedComment(t.db, 'Bu Sari sangat membantu');
    const notMisconduct = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${named}/lapor`, {});
    expect([notMisconduct.status, await errorCode(notMisconduct)]).toEqual([409, 'lapor_not_misconduct']);
  });

  it('answers 400 for malformed fields and impossible dates', async () => {
    const id = await seedComment(t.db, BRIBE);
    const badPrepare = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor`, { anonim: 'ya', tanggalKejadian: '2026-02-30' });
    expect(badPrepare.status).toBe(400);
    expect(((await badPrepare.json()) as any).error.fields).toEqual({ anonim: 'must be true or false', tanggalKejadian: 'must be a date YYYY-MM-DD' });
    await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor`, {});
    const noNumber = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/tracking`, { trackingNumber: '<script>' });
    expect([noNumber.status, await errorCode(noNumber)]).toEqual([400, 'validation_failed']);
    const future = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/tracking`, { trackingNumber: 'LAPOR-1', forwardedOn: '2026-08-21' });
    expect(future.status).toBe(400);
    const beforeHeld = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/tracking`, { trackingNumber: 'LAPOR-1', forwardedOn: '2026-08-12' });
    expect(((await beforeHeld.json()) as any).error.fields).toEqual({ forwardedOn: 'must not be before the day the comment arrived' });
    expect((await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/tracking`, { trackingNumber: 'LAPOR-1', forwardedOn: '2026-08-18' })).status).toBe(200);
    const beforeForwarded = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/answer`, { answeredOn: '2026-08-17', summary: 'Dijawab' });
    expect(((await beforeForwarded.json()) as any).error.fields).toEqual({ answeredOn: 'must not be before the day the complaint was forwarded' });
    const empty = await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor/answer`, { answeredOn: '2026-08-19', summary: '  ' });
    expect(((await empty.json()) as any).error.fields).toEqual({ summary: 'must not be empty' });
  });

  it('refuses an evaluator of another region (403), staff (403) and an unknown comment (404)', async () => {
    const id = await seedComment(t.db, BRIBE);
    for (const [method, path, body] of [
      ['POST', `/api/review/comments/${id}/lapor`, {}],
      ['GET', `/api/review/comments/${id}/lapor`, undefined],
      ['GET', `/api/review/comments/${id}/lapor.json`, undefined],
      ['POST', `/api/review/comments/${id}/lapor/tracking`, { trackingNumber: 'LAPOR-1' }],
      ['POST', `/api/review/comments/${id}/lapor/answer`, { answeredOn: '2026-08-19', summary: 'x' }],
    ] as const) {
      const other = await as('evaluatorPalembang', method, path, body);
      expect([path, other.status, await errorCode(other)]).toEqual([path, 403, 'forbidden']);
      expect((await as('staffGorontalo', method, path, body)).status).toBe(403);
    }
    expect(await t.db.selectFrom('lapor_handoffs').selectAll().execute()).toEqual([]);
    const unknown = await as('evaluatorGorontalo', 'POST', '/api/review/comments/0190f000-0000-7000-8000-999999999999/lapor', {});
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'comment_not_found']);
    // The national evaluator and an administrator may.
    expect((await as('evaluatorNational', 'POST', `/api/review/comments/${id}/lapor`, {})).status).toBe(200);
  });
});

describe('due and overdue hand-offs', () => {
  it('lists the open hand-offs in the scope, soonest due first, for the screen and (as a (db, …) query) the alerts', async () => {
    const held13 = await seedComment(t.db, BRIBE, '2026-08-13');
    const held19 = await seedComment(t.db, 'Ada calo di depan kantor', '2026-08-19');
    const answered = await seedComment(t.db, 'Diminta uang rokok', '2026-08-13');
    for (const id of [held13, held19, answered]) expect((await as('evaluatorGorontalo', 'POST', `/api/review/comments/${id}/lapor`, {})).status).toBe(200);
    await as('evaluatorGorontalo', 'POST', `/api/review/comments/${answered}/lapor/tracking`, { trackingNumber: 'LAPOR-9', forwardedOn: '2026-08-14' });
    await as('evaluatorGorontalo', 'POST', `/api/review/comments/${answered}/lapor/answer`, { answeredOn: '2026-08-18', summary: 'Selesai' });

    const list = (await (await as('evaluatorGorontalo', 'GET', '/api/review/lapor')).json()) as any;
    // Held Wednesday 19 August: Thursday 20, Friday 21, Monday 24.
    expect(list.items.map((h: any) => [h.id, h.due])).toEqual([
      [held13, { step: 'forward', dueOn: '2026-08-19', overdue: true }],
      [held19, { step: 'forward', dueOn: '2026-08-24', overdue: false }],
    ]);
    expect(((await (await as('evaluatorPalembang', 'GET', '/api/review/lapor')).json()) as any).items).toEqual([]);
    const dueBy = (await (await as('evaluatorGorontalo', 'GET', '/api/review/lapor?dueBy=2026-08-20')).json()) as any;
    expect(dueBy.items.map((h: any) => h.id)).toEqual([held13]);
    expect((await as('evaluatorGorontalo', 'GET', '/api/review/lapor?dueBy=kemarin')).status).toBe(400);

    // The alerts' query: no account needed, the whole portal by default, the same due days.
    const due = await laporHandoffsDue(t.db, new Date('2026-08-25T03:00:00.000Z'));
    expect(due.map((h) => [h.id, h.due!.overdue])).toEqual([[held13, true], [held19, true]]);
  });
});
