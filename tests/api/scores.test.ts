// The scores routes on a small fixture: periods, time zones, validation, comments and follow-ups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../db/queries/settings.ts';
import { FIXTURE, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

async function rate(at: string, answers: number[], slug = FIXTURE.gorontaloUnit, comment?: string) {
  t.clock.now = new Date(at);
  const res = await t.app.request(`/api/units/${slug}/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      idempotencyKey: crypto.randomUUID(),
      service: slug === FIXTURE.gorontaloUnit ? FIXTURE.ktp : undefined,
      answers: Object.fromEntries(answers.map((v, i) => [`U${i + 1}`, v])),
      comment,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

async function scores(query: string, slug = FIXTURE.gorontaloUnit) {
  const res = await t.app.request(`/api/units/${slug}/scores?${query}`);
  return { status: res.status, body: (await res.json()) as any };
}

describe('GET /api/units/{slug}/scores', () => {
  it('counts a rating at 00:30 WITA on 1 April in Q2 for a Gorontalo unit', async () => {
    await rate('2026-03-31T16:30:00Z', [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect((await scores('period=2026-Q2')).body.n).toBe(1);
    expect((await scores('period=2026-Q1')).body.n).toBe(0);
  });

  it('counts the same instant in Q1 for a Palembang unit (23:30 WIB on 31 March)', async () => {
    await rate('2026-03-31T16:30:00Z', [4, 4, 4, 4, 4, 4, 4, 4, 4], FIXTURE.palembangUnit);
    expect((await scores('period=2026-Q1', FIXTURE.palembangUnit)).body.n).toBe(1);
    expect((await scores('period=2026-Q2', FIXTURE.palembangUnit)).body.n).toBe(0);
  });

  it('publishes IKM, grade, elements, services, sample target and trend', async () => {
    // k = 2 (small cells, decision 047): three ratings stand behind Q3's figures; Q2's one rating is withheld.
    await writeSetting(t.db, 'min_public_ratings', '2', new Date());
    await rate('2026-08-03T02:00:00Z', [4, 3, 2, 4, 3, 4, 4, 3, 3]);
    await rate('2026-08-04T02:00:00Z', [3, 3, 3, 4, 3, 3, 4, 2, 3]);
    await rate('2026-08-05T02:00:00Z', [4, 4, 3, 4, 4, 4, 4, 3, 4]);
    await rate('2026-05-05T02:00:00Z', [2, 3, 2, 3, 3, 3, 3, 2, 2]);
    const { status, body } = await scores('period=2026-Q3');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      unit: { slug: FIXTURE.gorontaloUnit, name: 'Dukcapil Uji Gorontalo' },
      period: { code: '2026-Q3', from: '2026-07-01', to: '2026-09-30' },
      n: 3, nVerified: 0, nExcluded: 0,
      // (30 + 28 + 34) / 27 × 25 = 85.185… → 85.19, B
      ikm: 85.19, mutu: 'B', kinerja: 'Baik',
      sampleAdequate: false,
    });
    expect(body.sampleTarget).toBeGreaterThan(3);
    expect(body.ikmCi95[0]).toBeLessThan(85.19);
    expect(body.ikmCi95[1]).toBeGreaterThan(85.19);
    expect(body.elements[2]).toEqual({ code: 'U3', name: 'Waktu penyelesaian', nrr: 2.67, nrr25: 66.67, n: 3 });
    // Existing fields as before (issue 16 only adds: each service's own sample target and flags).
    expect(body.services).toMatchObject([
      { slug: FIXTURE.ktp, name: 'Perekaman KTP-el', n: 3, ikm: 85.19, mutu: 'B' },
      { slug: FIXTURE.kk, name: 'Kartu Keluarga', n: 0, ikm: null, mutu: null },
    ]);
    // Eight quarters back at most, starting from the first with ratings.
    expect(body.trend).toMatchObject([
      // 23 / 9 × 25 = 63.89 (D), but from one rating: withheld.
      { period: '2026-Q2', from: '2026-04-01', to: '2026-06-30', n: 1, ikm: null, mutu: null },
      { period: '2026-Q3', from: '2026-07-01', to: '2026-09-30', n: 3, ikm: 85.19, mutu: 'B' },
    ]);
  });

  it.each([
    ['period=2026-Q5', 'period'],
    ['period=kemarin', 'period'],
    ['from=2026-01-01', 'to'],
    ['from=2026-05-01&to=2026-04-01', 'to'],
    ['from=2026-13-01&to=2026-12-01', 'from'],
    ['period=2026&from=2026-01-01&to=2026-02-01', 'period'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const { status, body } = await scores(query);
    expect(status).toBe(400);
    expect(body.error.fields).toHaveProperty(field);
  });

  it('accepts a from/to range and trends it by month', async () => {
    await rate('2026-08-03T02:00:00Z', [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const { body } = await scores('from=2026-07-15&to=2026-09-10');
    expect(body.period).toEqual({ code: '2026-07-15..2026-09-10', from: '2026-07-15', to: '2026-09-10' });
    expect(body.n).toBe(1);
    // July had no rating, so the trend starts in August.
    expect(body.trend.map((p: any) => p.period)).toEqual(['2026-08', '2026-09']);
  });

  it('trends a year by month, from its first month with ratings up to the current month (issue 17)', async () => {
    await rate('2026-05-05T02:00:00Z', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    await rate('2026-08-03T02:00:00Z', [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    t.clock.now = new Date('2026-09-20T02:00:00Z');
    const { body } = await scores('period=2026');
    expect(body.trend.map((p: any) => p.period)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(body.trend.map((p: any) => p.n)).toEqual([1, 0, 0, 1, 0]);
    // A past year shows all twelve months from the first with ratings.
    t.clock.now = new Date('2027-02-01T02:00:00Z');
    expect((await scores('period=2026')).body.trend.at(-1).period).toBe('2026-12');
  });

  it('answers 404 for an unknown unit', async () => {
    expect((await scores('period=2026', 'tidak-ada')).status).toBe(404);
  });
});

describe('public comments and follow-ups', () => {
  it('lists comments newest first with the unit replies, leaving out hidden ones, paged by cursor', async () => {
    const a = await rate('2026-08-03T02:00:00Z', [3, 3, 3, 3, 3, 3, 3, 3, 3], FIXTURE.gorontaloUnit, 'Pertama');
    await rate('2026-08-04T02:00:00Z', [3, 3, 3, 3, 3, 3, 3, 3, 3], FIXTURE.gorontaloUnit, 'Kedua, WA 0812-1111-2222');
    const c = await rate('2026-08-05T02:00:00Z', [3, 3, 3, 3, 3, 3, 3, 3, 3], FIXTURE.gorontaloUnit, 'Ketiga');
    await rate('2026-08-06T02:00:00Z', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    await t.db.insertInto('replies').values({ id: 'rep1', response_id: a.id, unit_id: 'u-gtlo', body: 'Terima kasih', author_user_id: null, created_at: '2026-08-04T00:00:00.000Z' }).execute();
    await t.db.updateTable('responses').set({ comment_hidden_reason: 'kasar', comment_hidden_at: '2026-08-06T00:00:00.000Z' }).where('id', '=', c.id).execute();

    const first = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/comments?limit=1`)).json()) as any;
    expect(first.items.map((x: any) => x.comment)).toEqual(['Kedua, WA [nomor telepon disamarkan]']);
    const second = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/comments?limit=1&cursor=${first.nextCursor}`)).json()) as any;
    expect(second.items).toEqual([
      expect.objectContaining({ comment: 'Pertama', replies: [{ body: 'Terima kasih', createdAt: '2026-08-04T00:00:00.000Z' }], service: { slug: FIXTURE.ktp, name: 'Perekaman KTP-el' } }),
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('lists follow-up items with their element', async () => {
    await t.db.insertInto('follow_ups').values({
      id: 'f1', unit_id: 'u-gtlo', period: '2026-S1', element: 'U3', problem: 'Lambat', action: 'Tambah loket',
      responsible: 'Kepala Bidang', due_date: '2026-12-01', status: 'berjalan', progress: 40, evidence_url: null,
      completed_on: null, created_at: '2026-07-01T00:00:00.000Z', updated_at: '2026-07-01T00:00:00.000Z',
    }).execute();
    const body = (await (await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/follow-ups`)).json()) as any;
    expect(body.items).toEqual([
      expect.objectContaining({ period: '2026-S1', element: { code: 'U3', name: 'Waktu penyelesaian' }, status: 'berjalan', progress: 40, dueDate: '2026-12-01' }),
    ]);
  });
});
