// The unit workspace: ratings with profiles, replies, moderation (rollups follow), follow-ups, visit codes, poster,
// kiosks and the audit trail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../db/queries/settings.ts';
import { ACCOUNTS, FIXTURE, insertFixtureUsers, signIn, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
let cookie: string;
const BASE = `/api/staff/units/${FIXTURE.gorontaloUnit}`;

beforeEach(async () => {
  t = await testApp(new Date('2026-08-10T03:00:00.000Z'));
  await insertFixtureUsers(t.db);
  cookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
});
afterEach(async () => {
  await t.close();
});

async function rate(answers: number[], extra: Record<string, unknown> = {}) {
  const res = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.ktp, answers: Object.fromEntries(answers.map((v, i) => [`U${i + 1}`, v])), ...extra }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string; status: string });
}

function call(method: string, path: string, body?: unknown) {
  return t.app.request(path, {
    method,
    headers: { cookie, origin: 'http://localhost', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function publicScores() {
  return (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/scores?period=2026-08`)).json()) as any;
}

async function publicComments() {
  return ((await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/comments`)).json()) as any).items;
}

describe('the responses list', () => {
  it('shows the unit ratings with profile, comment and status, filtered', async () => {
    await rate([4, 4, 4, 4, 4, 4, 4, 4, 4], { respondent: { gender: 'P', age: 30 }, comment: 'Bagus sekali' });
    await rate([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const all = (await (await call('GET', `${BASE}/responses?period=2026-08`)).json()) as any;
    expect(all.items).toHaveLength(2);
    const withComment = (await (await call('GET', `${BASE}/responses?period=2026-08&withComment=true`)).json()) as any;
    expect(withComment.items).toEqual([expect.objectContaining({
      comment: 'Bagus sekali', status: 'accepted', respondent: { gender: 'P', age: 30, education: null, occupation: null },
      answers: { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 }, service: { slug: FIXTURE.ktp, name: 'Perekaman KTP-el' },
    })]);
    expect((await call('GET', `${BASE}/responses?status=bogus`)).status).toBe(400);
  });

  it('tabulates the respondent profile as the SKM report does', async () => {
    await rate([3, 3, 3, 3, 3, 3, 3, 3, 3], { respondent: { gender: 'P', age: 30, education: 'SMA', occupation: 'Swasta' } });
    await rate([3, 3, 3, 3, 3, 3, 3, 3, 3], { respondent: { gender: 'L', age: 58, education: 'SMA' } });
    await rate([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const body = (await (await call('GET', `${BASE}/profile?period=2026-08`)).json()) as any;
    expect(body.n).toBe(3);
    expect(body.gender).toEqual([{ key: 'L', n: 1, share: 0.333 }, { key: 'P', n: 1, share: 0.333 }, { key: 'tidak diisi', n: 1, share: 0.333 }]);
    expect(body.age.find((a: any) => a.key === '25–34').n).toBe(1);
    expect(body.age.find((a: any) => a.key === '55–64').n).toBe(1);
    expect(body.education.find((a: any) => a.key === 'SMA').n).toBe(2);
  });
});

describe('replies and moderation', () => {
  it('publishes a reply (with personal data masked) under the comment', async () => {
    const { id } = await rate([3, 3, 3, 3, 3, 3, 3, 3, 3], { comment: 'Antrian lama' });
    const res = await call('POST', `${BASE}/responses/${id}/replies`, { body: 'Mohon maaf, hubungi 0812-3456-7890.' });
    expect(res.status).toBe(201);
    expect((await publicComments())[0].replies).toEqual([{ body: 'Mohon maaf, hubungi [nomor telepon disamarkan].', createdAt: '2026-08-10T03:00:00.000Z' }]);
  });

  it('refuses a reply to a rating without a comment or of another unit', async () => {
    const { id } = await rate([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect((await call('POST', `${BASE}/responses/${id}/replies`, { body: 'Terima kasih' })).status).toBe(404);
    expect((await call('POST', `${BASE}/responses/tidak-ada/replies`, { body: 'Terima kasih' })).status).toBe(404);
    expect((await call('POST', `${BASE}/responses/${id}/replies`, { body: '' })).status).toBe(400);
  });

  it('hides a rude comment from the public but keeps the rating in the score', async () => {
    const { id } = await rate([1, 1, 1, 1, 1, 1, 1, 1, 1], { comment: 'kata-kata kasar' });
    const res = await call('POST', `${BASE}/responses/${id}/hide`, { reason: 'kasar' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, commentHidden: 'kasar', excluded: false });
    expect(await publicComments()).toEqual([]);
    expect((await publicScores()).n).toBe(1);
  });

  it('excludes spam from the score with the rollups following, and restores it', async () => {
    // k = 2, the smallest the small-cell rule allows: the public IKM of two ratings shows, of one it does not (decision 047).
    await writeSetting(t.db, 'min_public_ratings', '2', new Date());
    await rate([4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const { id } = await rate([1, 1, 1, 1, 1, 1, 1, 1, 1], { comment: 'beli obat murah di situs kami' });
    expect(await publicScores()).toMatchObject({ n: 2, nExcluded: 0, ikm: 62.5 });
    expect((await call('POST', `${BASE}/responses/${id}/hide`, { reason: 'spam' })).status).toBe(200);
    expect(await publicScores()).toMatchObject({ n: 1, nExcluded: 1, ikm: null });
    const row = await t.db.selectFrom('responses').select(['exclusion_reason', 'comment']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ exclusion_reason: 'spam', comment: 'beli obat murah di situs kami' });
    expect((await call('POST', `${BASE}/responses/${id}/restore`, { note: 'bukan spam' })).status).toBe(200);
    expect(await publicScores()).toMatchObject({ n: 2, nExcluded: 0, ikm: 62.5 });
    expect((await publicComments())).toHaveLength(1);
    const monthly = await t.db.selectFrom('score_monthly').select(['n', 'n_excluded']).execute();
    expect(monthly).toEqual([{ n: 2, n_excluded: 0 }]);
  });

  it('refuses to hide a comment without a reason, and hides nothing (issue 28 item 2)', async () => {
    const { id } = await rate([2, 2, 2, 2, 2, 2, 2, 2, 2], { comment: 'antrean terlalu lama' });
    for (const body of [{}, { reason: '' }, { reason: null }]) {
      const res = await call('POST', `${BASE}/responses/${id}/hide`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', fields: { reason: expect.any(String) } } });
    }
    const row = await t.db.selectFrom('responses').select(['comment_hidden_reason', 'exclusion_reason']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ comment_hidden_reason: null, exclusion_reason: null });
    expect(await publicComments()).toHaveLength(1);
  });

  it('refuses an unknown reason and records every action in the audit log', async () => {
    const { id } = await rate([3, 3, 3, 3, 3, 3, 3, 3, 3], { comment: 'x' });
    expect((await call('POST', `${BASE}/responses/${id}/hide`, { reason: 'tidak suka' })).status).toBe(400);
    await call('POST', `${BASE}/responses/${id}/hide`, { reason: 'di_luar_topik' });
    await call('POST', `${BASE}/responses/${id}/restore`, {});
    const audit = (await (await call('GET', `${BASE}/audit`)).json()) as any;
    expect(audit.items.map((a: any) => a.action)).toEqual(['response.restore', 'response.hide', 'auth.login']);
    expect(audit.items[1].details).toEqual({ reason: 'di_luar_topik', excluded: false });
  });
});

describe('follow-up plan items', () => {
  const item = { period: '2026-S2', element: 'U3', problem: 'Antrean lama', action: 'Tambah loket', responsible: 'Kepala Bidang Pelayanan', dueDate: '2026-12-15', status: 'rencana', progress: 0, evidenceUrl: null };

  it('suggests the weakest elements with a drafted item', async () => {
    await rate([4, 4, 1, 4, 4, 4, 4, 2, 4]);
    const body = (await (await call('GET', `${BASE}/follow-ups/suggestions?period=2026-08`)).json()) as any;
    expect(body.items.map((s: any) => s.element.code)).toEqual(['U3', 'U8', 'U1']);
    expect(body.items[0]).toMatchObject({ nrr: 1, problem: expect.any(String), action: expect.any(String) });
  });

  it('creates an item, publishes it, and stamps its completion when done', async () => {
    const res = await call('POST', `${BASE}/follow-ups`, item);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const published = ((await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/follow-ups`)).json()) as any).items;
    expect(published).toEqual([expect.objectContaining({ id, element: { code: 'U3', name: 'Waktu penyelesaian' }, status: 'rencana' })]);
    t.clock.now = new Date('2026-11-02T03:00:00.000Z');
    cookie = await signIn(t.app, ACCOUNTS.staffGorontalo);
    const done = await call('PATCH', `${BASE}/follow-ups/${id}`, { status: 'selesai', progress: 100, evidenceUrl: 'https://contoh.go.id/bukti.pdf' });
    expect(await done.json()).toMatchObject({ status: 'selesai', progress: 100, completedOn: '2026-11-02' });
  });

  it.each([
    ['period', { period: '2026-Q9' }],
    ['element', { element: 'U10' }],
    ['dueDate', { dueDate: '31-12-2026' }],
    ['progress', { progress: 120 }],
    ['status', { status: 'batal' }],
    ['evidenceUrl', { evidenceUrl: 'javascript:alert(1)' }],
    ['problem', { problem: '   ' }],
  ])('refuses a bad %s', async (field, override) => {
    const res = await call('POST', `${BASE}/follow-ups`, { ...item, ...override });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.fields).toHaveProperty(field);
  });
});

describe('visit codes, poster and kiosks', () => {
  it('issues one-time codes that verify a rating once', async () => {
    const res = await call('POST', `${BASE}/visit-codes`, { count: 3 });
    expect(res.status).toBe(201);
    const { codes } = (await res.json()) as { codes: string[] };
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    expect((await rate([3, 3, 3, 3, 3, 3, 3, 3, 3], { visitCode: codes[0] })).status).toBe('verified');
    const unused = (await (await call('GET', `${BASE}/visit-codes?status=unused`)).json()) as any;
    expect(unused.items.map((c: any) => c.code).sort()).toEqual(codes.slice(1).sort());
    expect((await call('POST', `${BASE}/visit-codes`, { count: 501 })).status).toBe(400);
  });

  it('draws a QR poster as SVG with the unit name and its rating link', async () => {
    const res = await call('GET', `${BASE}/poster.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await res.text();
    expect(svg).toContain('Dukcapil Uji Gorontalo');
    expect(svg).toContain(`http://localhost/nilai/${FIXTURE.gorontaloUnit}?ch=qr`);
    expect(svg).toMatch(/<path d="M[\d.]+,[\d.]+h\d+v\d+h-\d+z/);
  });

  it('registers a kiosk with a token shown once, lists it without the token, and revokes it', async () => {
    const res = await call('POST', `${BASE}/kiosks`, { name: 'Kios lobi' });
    expect(res.status).toBe(201);
    const kiosk = (await res.json()) as any;
    expect(kiosk.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = await (await call('GET', `${BASE}/kiosks`)).text();
    expect(list).toContain('Kios lobi');
    expect(list).not.toContain(kiosk.token);
    expect((await call('DELETE', `${BASE}/kiosks/${kiosk.id}`)).status).toBe(204);
    expect((await call('DELETE', `${BASE}/kiosks/${kiosk.id}`)).status).toBe(404);
  });
});
