// Alerts and digests chosen per account (issue 27 item 3): the choices as JSON and as a plain form, the administrator's
// run route with its errors, and the unsubscribe token (a GET changes nothing; a forged token is refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPreferences } from '../../db/queries/notifications.ts';
import { sendFollowUpAlerts, sendLaporHandoffAlerts, sendReplyOverdueAlerts, sendReviewWaitingAlerts } from '../../server/jobs/notifications.ts';
import { ACCOUNTS, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type T = Awaited<ReturnType<typeof testApp>>;
let t: T;
let staff: string;
let admin: string;
const json = (cookie: string, method: string, body: unknown) => ({ method, headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  // Monday 7 December 2026, 10:00 WITA.
  t = await testApp(new Date('2026-12-07T02:00:00Z'));
  await insertFixtureUsers(t.db);
  staff = await signIn(t.app, ACCOUNTS.staffGorontalo);
  admin = await signIn(t.app, ACCOUNTS.admin);
});
afterAll(() => t.close());

const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();

describe('an account’s choices', () => {
  it('answers the defaults a unit office gets, stores a JSON change, and refuses a kind or frequency it may not choose', async () => {
    expect((await t.app.request('/api/account/notifications')).status).toBe(401);
    const before = await (await t.app.request('/api/account/notifications', { headers: { cookie: staff } })).json();
    expect(before.preferences.find((p: { kind: string }) => p.kind === 'unit-digest')).toEqual({ kind: 'unit-digest', frequency: 'weekly', allowed: ['daily', 'weekly', 'off'] });
    const hourly = await t.app.request('/api/account/notifications', json(staff, 'PUT', { preferences: { 'unit-digest': 'hourly' } }));
    expect([hourly.status, await hourly.json()]).toMatchObject([400, { error: { code: 'validation_failed', fields: { 'preferences.unit-digest': 'must be immediately, daily, weekly, off' } } }]);
    const bad = await t.app.request('/api/account/notifications', json(staff, 'PUT', { preferences: { 'unit-digest': 'immediately', 'review-waiting': 'daily' } }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed', fields: { 'unit-digest': 'must be one of daily, weekly, off', 'review-waiting': 'is not a kind of mail for a staff account' } } });
    const ok = await t.app.request('/api/account/notifications', json(staff, 'PUT', { preferences: { 'score-alert': 'daily' } }));
    expect(ok.status).toBe(200);
    expect((await ok.json()).preferences.find((p: { kind: string }) => p.kind === 'score-alert').frequency).toBe('daily');
  });

  it('takes the plain HTML form from /akun and goes back to it with 303', async () => {
    const res = await t.app.request('/api/account/notifications', {
      method: 'POST', headers: { cookie: staff, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'lang=en&unit-digest=daily&followup-overdue=off',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/akun?pemberitahuan=tersimpan#notifikasi');
    const now = await (await t.app.request('/api/account/notifications', { headers: { cookie: staff } })).json();
    expect(Object.fromEntries(now.preferences.map((p: { kind: string; frequency: string }) => [p.kind, p.frequency]))).toMatchObject({ 'unit-digest': 'daily', 'followup-overdue': 'off', 'score-alert': 'daily' });
  });
});

describe('POST /api/admin/notifications/run', () => {
  it('is for administrators, refuses a bad kind and an unknown unit, and queues a digest with one-click unsubscribe headers', async () => {
    expect((await t.app.request('/api/admin/notifications/run', json(staff, 'POST', { kind: 'weekly-digest' }))).status).toBe(403);
    const badKind = await t.app.request('/api/admin/notifications/run', json(admin, 'POST', { kind: 'monthly' }));
    expect([badKind.status, (await badKind.json()).error.code]).toEqual([400, 'validation_failed']);
    const unknown = await t.app.request('/api/admin/notifications/run', json(admin, 'POST', { kind: 'weekly-digest', unit: 'tidak-ada' }));
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'unit_not_found']);
    const run = await t.app.request('/api/admin/notifications/run', json(admin, 'POST', { kind: 'weekly-digest', unit: 'dukcapil-uji-gorontalo' }));
    expect(await run.json()).toEqual({ kind: 'weekly-digest', unit: 'dukcapil-uji-gorontalo', queued: 1, skipped: 0 });
    const [mail] = await outbox();
    expect(mail!.recipient).toBe(ACCOUNTS.staffGorontalo);
    expect(mail!.kind).toBe('weekly-digest');
    // The window is explicit: the seven days up to yesterday (local).
    expect(mail!.text).toContain('Ringkasan ini mencakup 30 November 2026 sampai 6 Desember 2026.');
    const headers = JSON.parse(mail!.headers) as Record<string, string>;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/notifications\/unsubscribe\?token=u1\.usr-/);
  });
});

describe('unsubscribe links', () => {
  it('changes nothing on GET, refuses a forged token, and turns the kind off on the one-click POST so the next run skips the address', async () => {
    const [mail] = await outbox();
    const link = new URL(/^<(.+)>$/.exec((JSON.parse(mail!.headers) as Record<string, string>)['List-Unsubscribe']!)![1]!);
    const path = link.pathname + link.search;
    const get = await t.app.request(path);
    expect(get.status).toBe(303);
    expect(get.headers.get('location')).toBe(`/berhenti-langganan${link.search}`);
    const forged = await t.app.request(path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect([forged.status, (await forged.json()).error.code]).toEqual([404, 'unsubscribe_link_invalid']);
    const again = await t.app.request('/api/admin/notifications/run', json(admin, 'POST', { kind: 'weekly-digest', unit: 'dukcapil-uji-gorontalo' }));
    expect((await again.json()).queued).toBe(1);
    const post = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(await post.json()).toEqual({ unsubscribed: true, kind: 'unit-digest', changed: true });
    const after = await t.app.request('/api/admin/notifications/run', json(admin, 'POST', { kind: 'weekly-digest', unit: 'dukcapil-uji-gorontalo' }));
    expect(await after.json()).toMatchObject({ queued: 0, skipped: 1 });
    expect((await outbox()).filter((m) => m.recipient === ACCOUNTS.staffGorontalo)).toHaveLength(2);
  });
});

describe('follow-up overdue alerts', () => {
  it('alert each staff account that wants them once about an item that just became overdue, never about old, finished or other units’ items', async () => {
    const item = (id: string, unit: string, due: string, status: string, problem: string) => ({
      id, unit_id: unit, period: '2026-Q4', element: 'U3', problem, action: 'Tambah loket', responsible: 'Kepala seksi', due_date: due, status,
      progress: 0, evidence_url: null, completed_on: status === 'selesai' ? '2026-12-01' : null, created_at: '2026-10-01T00:00:00.000Z',
      updated_at: '2026-10-01T00:00:00.000Z', planned_on: '2026-10-01', started_on: null,
    });
    await t.db.insertInto('follow_ups').values([
      item('f-new', 'u-gtlo', '2026-12-05', 'berjalan', 'Antrean lama'),
      item('f-today', 'u-gtlo', '2026-12-07', 'rencana', 'Belum jatuh tempo'),
      item('f-old', 'u-gtlo', '2026-10-01', 'rencana', 'Lama sekali'),
      item('f-done', 'u-gtlo', '2026-12-04', 'selesai', 'Sudah selesai'),
      item('f-plaju', 'u-plaju', '2026-12-05', 'rencana', 'Di Plaju'),
    ]).execute();
    // The form earlier turned these alerts off for Gorontalo's staff: on again; Plaju's staff turn them off.
    expect((await t.app.request('/api/account/notifications', json(staff, 'PUT', { preferences: { 'followup-overdue': 'immediately' } }))).status).toBe(200);
    await setPreferences(t.db, 'usr-staff-plaju', [{ kind: 'followup-overdue', frequency: 'off' }], t.clock.now);
    const deps = { db: t.db, now: () => t.clock.now };
    expect(await sendFollowUpAlerts(deps)).toEqual({ queued: 1, skipped: 1 });
    expect(await sendFollowUpAlerts(deps)).toEqual({ queued: 0, skipped: 1 });
    const alerts = (await outbox()).filter((m) => m.kind === 'followup-overdue');
    expect(alerts.map((m) => [m.recipient, m.subject])).toEqual([[ACCOUNTS.staffGorontalo, 'Tindak lanjut melewati tenggat: Dukcapil Uji Gorontalo']]);
    expect(alerts[0]!.text).toContain('Rencana tindak lanjut “Antrean lama” belum selesai dan melewati tenggat 5 Desember 2026.');
    expect(JSON.parse(alerts[0]!.headers)['List-Unsubscribe']).toMatch(/token=u1\.usr-staff-gtlo\.followup-overdue\./);
  });
});

let seq = 0;
/** A commented rating stored directly (the rating route is not what these alerts are about). */
async function comment(unitId: string, localDate: string, review: 'pending' | null = null) {
  seq += 1;
  const id = `0190f000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  await t.db.insertInto('responses').values({
    id, unit_id: unitId, service_id: unitId === 'u-gtlo' ? 's-ktp' : 's-leg', created_at: `${localDate}T02:00:00.000Z`,
    local_date: localDate, local_hour: 10, channel: 'web',
    u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3, gender: null, age: null, education: null, occupation: null,
    comment: `Komentar rahasia ${seq}`, idempotency_key: crypto.randomUUID(), receipt: `R-N${seq}`, ip_hash: null, verified: 0, visit_code_id: null,
    exclusion_reason: null, excluded_at: null, comment_hidden_reason: null, comment_hidden_at: null, device_id: null,
    comment_review: review, comment_review_flags: review ? 'names_person' : null,
  }).execute();
  return id;
}
const at = (iso: string) => { t.clock.now = new Date(iso); };
let held = '';
let heldDec2 = '';

describe('reply-overdue alerts', () => {
  it('alert each staff account that wants them once about a comment without a reply after more than 3 working days (holidays not counted)', async () => {
    at('2026-12-07T02:00:00Z'); // Monday 10:00 WITA
    const late = await comment('u-gtlo', '2026-12-01'); // Dec 2, 3, 4, 7: four working days
    const edge = await comment('u-gtlo', '2026-12-02'); // Dec 3, 4, 7: three; Dec 8 is a holiday; Dec 9 makes four
    const answered = await comment('u-gtlo', '2026-12-01');
    held = await comment('u-gtlo', '2026-12-01', 'pending'); // held for review: not the unit's to answer yet (the next test's too)
    await comment('u-gtlo', '2026-11-02'); // older than the look-back: the digest lists it
    await comment('u-plaju', '2026-12-01'); // Plaju's staff turned the kind off
    await t.db.insertInto('replies').values({ id: 'rep-1', response_id: answered, unit_id: 'u-gtlo', body: 'Terima kasih', author_user_id: 'usr-staff-gtlo', created_at: '2026-12-02T01:00:00.000Z' }).execute();
    await t.db.insertInto('holidays').values({ date: '2026-12-08', name: 'Libur uji', kind: 'libur_nasional' }).execute();
    const deps = { db: t.db, now: () => t.clock.now };
    // The default is daily (no bundles yet): an account that has not chosen "immediately" gets none.
    expect(await sendReplyOverdueAlerts(deps)).toEqual({ queued: 0, skipped: 3 });
    expect((await t.app.request('/api/account/notifications', json(staff, 'PUT', { preferences: { 'reply-overdue': 'immediately' } }))).status).toBe(200);
    await setPreferences(t.db, 'usr-staff-plaju', [{ kind: 'reply-overdue', frequency: 'off' }], t.clock.now);
    expect(await sendReplyOverdueAlerts(deps)).toEqual({ queued: 1, skipped: 2 });
    expect(await sendReplyOverdueAlerts(deps)).toEqual({ queued: 0, skipped: 2 });
    at('2026-12-08T02:00:00Z'); // the holiday: still three working days
    expect(await sendReplyOverdueAlerts(deps)).toEqual({ queued: 0, skipped: 2 });
    at('2026-12-09T02:00:00Z');
    expect(await sendReplyOverdueAlerts(deps)).toEqual({ queued: 1, skipped: 1 });
    expect(await sendReplyOverdueAlerts(deps)).toEqual({ queued: 0, skipped: 1 });
    const alerts = (await outbox()).filter((m) => m.kind === 'reply-overdue');
    expect(alerts.map((m) => m.recipient)).toEqual([ACCOUNTS.staffGorontalo, ACCOUNTS.staffGorontalo]);
    expect(alerts[0]!.subject).toBe('Komentar menunggu tanggapan: Dukcapil Uji Gorontalo');
    expect(alerts[0]!.text).toContain('Komentar dari 1 Desember 2026 belum ditanggapi setelah 4 hari kerja.');
    expect(alerts[1]!.text).toContain('Komentar dari 2 Desember 2026 belum ditanggapi setelah 4 hari kerja.');
    expect(alerts.some((m) => m.text.includes('Komentar rahasia') || m.html.includes('Komentar rahasia'))).toBe(false);
    expect(JSON.parse(alerts[0]!.headers)['List-Unsubscribe']).toMatch(/token=u1\.usr-staff-gtlo\.reply-overdue\./);
    const sent = await t.db.selectFrom('notification_alerts_sent').select('subject_key').where('kind', '=', 'reply-overdue').orderBy('subject_key').execute();
    expect(sent.map((r) => r.subject_key)).toEqual([late, edge]);
  });
});

describe('review-waiting alerts', () => {
  it('alert the evaluators whose scope holds the unit and the administrators once per comment held for review over 3 working days', async () => {
    at('2026-12-07T02:00:00Z');
    // The previous test left Gorontalo's comment of 1 December held for review, and 8 December a holiday.
    const plaju = await comment('u-plaju', '2026-12-01', 'pending');
    const edge = heldDec2 = await comment('u-gtlo', '2026-12-02', 'pending');
    await comment('u-gtlo', '2026-11-02', 'pending'); // older than the look-back: the review queue lists it
    const published = await comment('u-gtlo', '2026-12-01', 'pending');
    await t.db.updateTable('responses').set({ comment_review: 'published' }).where('id', '=', published).execute();
    const deps = { db: t.db, now: () => t.clock.now };
    // The default is daily (no bundles yet). In scope: Gorontalo's two for eval-75, national and admin; Plaju's for eval-1671, national and admin.
    expect(await sendReviewWaitingAlerts(deps)).toEqual({ queued: 0, skipped: 9 });
    const evaluator = await signIn(t.app, ACCOUNTS.evaluatorGorontalo);
    expect((await t.app.request('/api/account/notifications', json(evaluator, 'PUT', { preferences: { 'review-waiting': 'immediately' } }))).status).toBe(200);
    expect((await t.app.request('/api/account/notifications', json(admin, 'PUT', { preferences: { 'review-waiting': 'immediately' } }))).status).toBe(200);
    await setPreferences(t.db, 'usr-eval-all', [{ kind: 'review-waiting', frequency: 'immediately' }], t.clock.now);
    await setPreferences(t.db, 'usr-eval-1671', [{ kind: 'review-waiting', frequency: 'off' }], t.clock.now);
    expect(await sendReviewWaitingAlerts(deps)).toEqual({ queued: 5, skipped: 4 });
    expect(await sendReviewWaitingAlerts(deps)).toEqual({ queued: 0, skipped: 4 });
    at('2026-12-08T02:00:00Z'); // the holiday
    expect(await sendReviewWaitingAlerts(deps)).toEqual({ queued: 0, skipped: 4 });
    at('2026-12-09T02:00:00Z');
    expect(await sendReviewWaitingAlerts(deps)).toEqual({ queued: 3, skipped: 1 });
    expect(await sendReviewWaitingAlerts(deps)).toEqual({ queued: 0, skipped: 1 });
    const alerts = (await outbox()).filter((m) => m.kind === 'review-waiting');
    const sent = await t.db.selectFrom('notification_alerts_sent').select(['user_id', 'subject_key']).where('kind', '=', 'review-waiting').execute();
    const pairs = sent.map((r) => `${r.user_id} ${r.subject_key}`).sort();
    expect(pairs).toEqual([
      ...['usr-admin', 'usr-eval-75', 'usr-eval-all'].flatMap((u) => [`${u} ${held}`, `${u} ${edge}`]),
      `usr-admin ${plaju}`, `usr-eval-all ${plaju}`,
    ].sort());
    expect(alerts.map((m) => m.recipient).sort()).toEqual([
      ACCOUNTS.admin, ACCOUNTS.admin, ACCOUNTS.admin, ACCOUNTS.evaluatorGorontalo, ACCOUNTS.evaluatorGorontalo,
      ACCOUNTS.evaluatorNational, ACCOUNTS.evaluatorNational, ACCOUNTS.evaluatorNational,
    ].sort());
    const first = alerts.find((m) => m.recipient === ACCOUNTS.evaluatorGorontalo)!;
    expect(first.subject).toBe('Komentar menunggu tinjauan: Dukcapil Uji Gorontalo');
    expect(first.text).toContain('Komentar dari 1 Desember 2026 menunggu tinjauan selama 4 hari kerja (SP4N-LAPOR! meminta paling lama 3 hari kerja).');
    expect(alerts.some((m) => m.text.includes('Komentar rahasia') || m.html.includes('Komentar rahasia'))).toBe(false);
    expect(JSON.parse(first.headers)['List-Unsubscribe']).toMatch(/token=u1\.usr-eval-75\.review-waiting\./);
  });
});

describe('SP4N-LAPOR! hand-off alerts', () => {
  it('tell the evaluators whose scope holds the unit once when a step falls due and once when it is overdue, in working days', async () => {
    at('2026-12-07T02:00:00Z');
    const handoff = (response: string, unit: string, forwarded: string | null, answered: string | null = null) => ({
      response_id: response, unit_id: unit, title: 'Dugaan pungli', body: 'Isi rahasia', incident_date: '2026-12-01', location: 'Loket',
      agency: 'Pemerintah Kota', category: 'Pelayanan Publik', anonymous: 1, confidential: 1, prepared_at: '2026-12-01T03:00:00.000Z',
      prepared_by: 'usr-eval-75', tracking_number: forwarded ? `LAP-${response.slice(-4)}` : null, forwarded_on: forwarded, forwarded_by: forwarded ? 'usr-eval-75' : null,
      answered_on: answered, answer_summary: answered ? 'Dijawab' : null, answered_by: answered ? 'usr-eval-75' : null,
    });
    const forwarded = await comment('u-plaju', '2026-12-01');
    const done = await comment('u-gtlo', '2026-12-01');
    await t.db.insertInto('lapor_handoffs').values([
      handoff(held, 'u-gtlo', null), // held 1 Dec: forwarding due 4 Dec, overdue now
      handoff(heldDec2, 'u-gtlo', null), // held 2 Dec: forwarding due today (7 Dec)
      handoff(forwarded, 'u-plaju', '2026-12-01'), // answer due 5 working days later: 9 Dec (8 Dec is a holiday)
      handoff(done, 'u-gtlo', '2026-12-01', '2026-12-03'), // answered: nothing due
    ]).execute();
    // The national evaluator turns these off; the regions' evaluators keep the default (immediately).
    await setPreferences(t.db, 'usr-eval-all', [{ kind: 'lapor-handoff-due', frequency: 'off' }], t.clock.now);
    const deps = { db: t.db, now: () => t.clock.now };
    expect(await sendLaporHandoffAlerts(deps)).toEqual({ queued: 2, skipped: 2 });
    expect(await sendLaporHandoffAlerts(deps)).toEqual({ queued: 0, skipped: 2 });
    at('2026-12-08T02:00:00Z'); // the holiday: the answer is not due yet; forwarding of the 2 Dec comment is now overdue
    expect(await sendLaporHandoffAlerts(deps)).toEqual({ queued: 1, skipped: 2 });
    at('2026-12-09T02:00:00Z');
    expect(await sendLaporHandoffAlerts(deps)).toEqual({ queued: 1, skipped: 3 });
    expect(await sendLaporHandoffAlerts(deps)).toEqual({ queued: 0, skipped: 3 });
    // Mails queued in one pass share a time: within it, by subject.
    const alerts = (await outbox()).filter((m) => m.kind === 'lapor-handoff-due').sort((a, b) => a.created_at.localeCompare(b.created_at) || b.subject.localeCompare(a.subject));
    expect(alerts.map((m) => [m.recipient, m.subject])).toEqual([
      [ACCOUNTS.evaluatorGorontalo, 'Penerusan ke SP4N-LAPOR! melewati tenggat: Dukcapil Uji Gorontalo'],
      [ACCOUNTS.evaluatorGorontalo, 'Penerusan ke SP4N-LAPOR! jatuh tempo hari ini: Dukcapil Uji Gorontalo'],
      [ACCOUNTS.evaluatorGorontalo, 'Penerusan ke SP4N-LAPOR! melewati tenggat: Dukcapil Uji Gorontalo'],
      [ACCOUNTS.evaluatorPalembang, 'Jawaban SP4N-LAPOR! jatuh tempo hari ini: Kecamatan Uji Plaju'],
    ]);
    expect(alerts[0]!.text).toContain('Pengaduan dari komentar tanggal 1 Desember 2026 harus diteruskan ke SP4N-LAPOR! dalam 3 hari kerja, paling lambat 4 Desember 2026.');
    expect(alerts[3]!.text).toContain('Jawaban instansi atas pengaduan yang diteruskan ke SP4N-LAPOR! pada 1 Desember 2026 ditunggu dalam 5 hari kerja, paling lambat 9 Desember 2026.');
    expect(alerts.some((m) => /rahasia|pungli/i.test(m.text + m.html))).toBe(false);
    expect(JSON.parse(alerts[3]!.headers)['List-Unsubscribe']).toMatch(/token=u1\.usr-eval-1671\.lapor-handoff-due\./);
  });
});
