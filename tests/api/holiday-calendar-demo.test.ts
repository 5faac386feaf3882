// Issue 16 item 14: the demo calendar has holidays for 2025 and 2026 only, so 1 January 2027 would count as a working day
// without a word. Administrators are warned (admin API and page) and /waktu-izin says so when the calendar lacks the
// current or next year; permit figures computed over days of a year without a calendar are flagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { demoDb, signIn } from '../support/db.ts';

let conn: Connection;
const at = (iso: string) => createApp({ db: conn.db, now: () => new Date(iso) });

beforeAll(async () => {
  conn = await demoDb();
});
afterAll(async () => {
  await conn.close();
});

const json = async (res: Response) => {
  expect(res.status).toBe(200);
  return (await res.json()) as any;
};

describe('a calendar without 2027', () => {
  it('the demo calendar holds 2025 and 2026 and nothing of 2027', async () => {
    const years = new Set((await conn.db.selectFrom('holidays').select('date').execute()).map((h) => h.date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2025', '2026']);
  });

  it('warns administrators on 23 November 2026 that next year (2027) has no holidays', async () => {
    const app = at('2026-11-23T03:00:00Z');
    const cookie = await signIn(app, 'admin@demo.rapor.id', 'rapor-demo-2026');
    const body = await json(await app.request('/api/admin/holidays?year=2026', { headers: { cookie } }));
    expect(body.items.length).toBeGreaterThan(10);
    expect(body.calendar).toEqual({ missingYears: [2027] });
  });

  it('says nothing is missing once 2027 has holidays', async () => {
    const app = at('2026-11-23T03:00:00Z');
    const cookie = await signIn(app, 'admin@demo.rapor.id', 'rapor-demo-2026');
    const put = await app.request('/api/admin/holidays/2027-01-01', {
      method: 'PUT', headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ name: 'Tahun Baru 2027 Masehi', kind: 'libur_nasional' }),
    });
    expect(put.status).toBe(200);
    expect((await json(await app.request('/api/admin/holidays', { headers: { cookie } }))).calendar).toEqual({ missingYears: [] });
    expect((await json(await app.request('/api/permit-times?period=2026-Q3'))).calendar.missingYears).toEqual([]);
    await conn.db.deleteFrom('holidays').where('date', '=', '2027-01-01').execute();
  });

  it('tells the permit-times answers (region view and unit page) which years lack a calendar', async () => {
    const app = at('2026-11-23T03:00:00Z');
    const region = await json(await app.request('/api/permit-times?period=2026-Q3'));
    expect(region.calendar).toEqual({ missingYears: [2027], yearsWithoutCalendar: [], flagged: false });
    const unit = await json(await app.request('/api/units/dpmptsp-kota-gorontalo/permit-times?period=2026-Q3'));
    expect(unit.calendar).toEqual({ missingYears: [2027], yearsWithoutCalendar: [], flagged: false });
  });

  it('flags figures that count days of 2027 (pending reports of 2026-Q4 seen on 15 January 2027)', async () => {
    const app = at('2027-01-15T03:00:00Z');
    const region = await json(await app.request('/api/permit-times?period=2026-Q4'));
    expect(region.items.reduce((s: number, i: any) => s + i.open, 0)).toBeGreaterThan(0);
    expect(region.calendar).toEqual({ missingYears: [2027, 2028], yearsWithoutCalendar: [2027], flagged: true });
    // A period wholly within 2026, with nothing still waiting into 2027, is not flagged.
    const closed = await json(await app.request('/api/permit-times?period=2026-Q1'));
    expect(closed.items.reduce((s: number, i: any) => s + i.open, 0)).toBe(0);
    expect(closed.calendar).toMatchObject({ yearsWithoutCalendar: [], flagged: false });
  });
});
