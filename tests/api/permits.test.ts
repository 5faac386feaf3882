// API.md "Reporting a permit's processing time" and the permit-times routes, on a small fixture.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeHoliday, setHoliday } from '../../db/queries/holidays.ts';
import { HOLIDAYS } from '../../db/seed-data.ts';
import { FIXTURE, testApp } from '../support/db.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp(new Date('2026-11-02T03:00:00Z'));
  await t.db.insertInto('holidays').values(HOLIDAYS.flatMap((h) => h.days.map(([date, name]) => ({ date, name, kind: h.kind })))).execute();
});
afterEach(async () => {
  await t.close();
});

function post(body: Record<string, unknown>, slug = FIXTURE.gorontaloUnit) {
  return t.app.request(`/api/units/${slug}/permit-reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), service: FIXTURE.kk, ...body }),
  });
}

describe('POST /api/units/{slug}/permit-reports', () => {
  it('answers with working days against the SLA for a completed permit', async () => {
    // Kartu Keluarga: SLA 1 working day. 17 → 27 Mar 2026: 25, 26, 27 Mar are the only working days.
    const res = await post({ submittedOn: '2026-03-17', completedOn: '2026-03-27' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: expect.any(String), status: 'completed', workingDays: 3, slaValue: 1, slaUnit: 'working_days', withinSla: false, verified: false });
  });

  it('counts a same-day permit as 0 working days, within its SLA', async () => {
    const res = await post({ submittedOn: '2026-10-05', completedOn: '2026-10-05' });
    expect(await res.json()).toMatchObject({ status: 'completed', workingDays: 0, withinSla: true });
  });

  it('reports a pending permit with the working days elapsed until today', async () => {
    // Today is 2 Nov 2026 (Monday) in WITA; 29 Oct (Thursday) → 30 Oct, 2 Nov = 2 working days, past a 1-day SLA.
    const late = await post({ submittedOn: '2026-10-29', completedOn: null });
    expect(late.status).toBe(201);
    expect(await late.json()).toMatchObject({ status: 'pending', workingDays: 2, withinSla: false });
    const fresh = await post({ submittedOn: '2026-11-02', completedOn: null });
    expect(await fresh.json()).toMatchObject({ status: 'pending', workingDays: 0, withinSla: null });
  });

  it('stores a retry with the same key once', async () => {
    const body = { idempotencyKey: crypto.randomUUID(), submittedOn: '2026-10-05', completedOn: '2026-10-06' };
    const first = await post(body);
    const again = await post(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const rows = await t.db.selectFrom('permit_reports').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ submittedOn: '2026-11-03', completedOn: null }, 'submittedOn', 'a submission date in the future'],
    [{ submittedOn: '2026-10-01', completedOn: '2026-11-05' }, 'completedOn', 'a completion date in the future'],
    [{ submittedOn: '2026-10-10', completedOn: '2026-10-09' }, 'completedOn', 'completed before submitted'],
    [{ submittedOn: '2026-02-30', completedOn: null }, 'submittedOn', 'an impossible date'],
    [{ submittedOn: '17/03/2026', completedOn: null }, 'submittedOn', 'a date in another format'],
    [{ submittedOn: '2020-01-06', completedOn: null }, 'submittedOn', 'a date more than three years back'],
    [{ submittedOn: '2026-10-01' }, 'completedOn', 'a missing completedOn'],
    [{ submittedOn: '2026-10-01', completedOn: null, service: FIXTURE.ktp }, 'service', 'a service that is not a permit'],
    [{ submittedOn: '2026-10-01', completedOn: null, idempotencyKey: 'x' }, 'idempotencyKey', 'a bad key'],
  ])('refuses %j with 400 naming %s (%s)', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as any;
    expect(json.error.code).toBe('validation_failed');
    expect(json.error.fields).toHaveProperty(field);
    expect(await t.db.selectFrom('permit_reports').select('id').execute()).toEqual([]);
  });

  it('answers 404 for an unknown service or unit', async () => {
    expect((await post({ submittedOn: '2026-10-01', completedOn: null, service: 'tidak-ada' })).status).toBe(404);
    expect((await post({ submittedOn: '2026-10-01', completedOn: null }, 'tidak-ada')).status).toBe(404);
  });
});

describe('the holiday calendar', () => {
  it('recomputes stored working days when an administrator adds or removes a holiday', async () => {
    const res = await post({ submittedOn: '2026-10-05', completedOn: '2026-10-07' });
    const { id } = (await res.json()) as { id: string };
    const stored = () => t.db.selectFrom('permit_reports').select(['working_days', 'within_sla']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ working_days: 2, within_sla: 0 });

    expect(await setHoliday(t.db, { date: '2026-10-06', name: 'Libur daerah (uji)', kind: 'libur_nasional' })).toBe(1);
    expect(await stored()).toEqual({ working_days: 1, within_sla: 1 });

    expect(await removeHoliday(t.db, '2026-10-06')).toBe(1);
    expect(await stored()).toEqual({ working_days: 2, within_sla: 0 });

    // A holiday outside the report's interval changes nothing.
    expect(await setHoliday(t.db, { date: '2026-10-20', name: 'Libur lain', kind: 'libur_nasional' })).toBe(0);
    expect(await removeHoliday(t.db, '2030-01-01')).toBeNull();
  });
});

describe('GET /api/units/{slug}/permit-times', () => {
  it('gives n, exact median and p90, share within SLA and open reports past their SLA', async () => {
    // Working days: 0, 1, 2, 3 (completed in October), and one pending since 29 Oct (past its 1-day SLA).
    await post({ submittedOn: '2026-10-05', completedOn: '2026-10-05' });
    await post({ submittedOn: '2026-10-05', completedOn: '2026-10-06' });
    await post({ submittedOn: '2026-10-05', completedOn: '2026-10-07' });
    await post({ submittedOn: '2026-10-05', completedOn: '2026-10-08' });
    await post({ submittedOn: '2026-10-29', completedOn: null });
    const res = await t.app.request(`/api/units/${FIXTURE.gorontaloUnit}/permit-times?period=2026-10`);
    const body = (await res.json()) as any;
    expect(body.services).toEqual([
      {
        slug: FIXTURE.kk, name: 'Kartu Keluarga', sla: { value: 1, unit: 'working_days', startsAt: 'sejak berkas lengkap' },
        n: 4, medianDays: 1.5, p90Days: 2.7, withinSlaShare: 0.5, openPastSla: 1, open: 1,
        distribution: [{ days: 0, count: 1 }, { days: 1, count: 1 }, { days: 2, count: 1 }, { days: 3, count: 1 }],
        judgement: 'measured', notJudgeable: 0, provenLate: 2,
      },
    ]);
  });

  it('lists permit services across a region', async () => {
    await post({ submittedOn: '2026-10-05', completedOn: '2026-10-06' });
    const body = (await (await t.app.request('/api/permit-times?region=75&period=2026')).json()) as any;
    expect(body.items).toEqual([expect.objectContaining({ unit: expect.objectContaining({ slug: FIXTURE.gorontaloUnit }), service: { slug: FIXTURE.kk, name: 'Kartu Keluarga' }, n: 1 })]);
  });
});
