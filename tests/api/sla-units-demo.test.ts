// Issue 16 item 12: a service whose standard is in minutes or hours (NIB at the DPMPTSP counters: 60 minutes) was
// measured in days ("median 0,0 hari") and a next-day completion was counted late. A report gives dates only, so it is
// judged against such a standard only where its dates prove the answer (decision 029); the rest "cannot be judged
// from dates" and stay out of the within-SLA share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { judgeFromDates } from '../../core/domain/working-days.ts';
import { demoWorld } from '../support/db.ts';

let conn: Connection;
let app: Awaited<ReturnType<typeof demoWorld>>['app'];
beforeAll(async () => {
  ({ conn, app } = await demoWorld());
});
afterAll(async () => {
  await conn.close();
});

async function nibReports(unitSlug: string, from: string, to: string) {
  return conn.db.selectFrom('permit_reports').innerJoin('services', 'services.id', 'permit_reports.service_id').innerJoin('units', 'units.id', 'services.unit_id')
    .select(['calendar_days', 'within_sla', 'completed_on']).where('units.slug', '=', unitSlug).where('services.slug', '=', 'nib-oss')
    .where('completed_on', '>=', from).where('completed_on', '<=', to).execute();
}

describe('NIB (60 minutes) at dpmptsp-kota-gorontalo, 2026', () => {
  it('stores no verdict for a same-day or next-day completion (dates cannot show 60 minutes), "late" only from two calendar days on', async () => {
    const rows = await nibReports('dpmptsp-kota-gorontalo', '2026-01-01', '2026-12-31');
    // The demo's NIB requests were all completed the same day: nothing a date can hold to 60 minutes.
    expect(rows.filter((r) => r.calendar_days === 0).length).toBeGreaterThan(50);
    for (const r of rows) expect(r.within_sla, `${r.calendar_days} days`).toBe(r.calendar_days! >= 2 ? 0 : null);
  });

  it('has no median in days and no within-SLA share; it counts what dates cannot judge and what they prove late', async () => {
    const body = (await (await app.request('/api/units/dpmptsp-kota-gorontalo/permit-times?period=2026')).json()) as any;
    const nib = body.services.find((s: any) => s.slug === 'nib-oss');
    expect(nib.sla).toMatchObject({ value: 60, unit: 'minutes' });
    const rows = await nibReports('dpmptsp-kota-gorontalo', '2026-01-01', '2026-12-31');
    expect(nib.n).toBe(rows.length);
    expect(nib.medianDays).toBeNull();
    expect(nib.p90Days).toBeNull();
    expect(nib.withinSlaShare).toBeNull();
    expect(nib.judgement).toBe('dates_only');
    expect(nib.notJudgeable).toBe(rows.filter((r) => r.calendar_days! <= 1).length);
    expect(nib.provenLate).toBe(rows.filter((r) => r.calendar_days! >= 2).length);
    // A standard in working days is judged as before.
    const pbg = body.services.find((s: any) => s.slug === 'penerbitan-pbg');
    expect(pbg.judgement).toBe('measured');
    expect(pbg.medianDays).toEqual(expect.any(Number));
    expect(pbg.notJudgeable).toBe(0);
  });
});

describe('what dates can prove against a standard in minutes or hours', () => {
  it.each([
    [0, 60, 'minutes', null], [1, 60, 'minutes', null], [2, 60, 'minutes', false],
    // 24 hours: same day is surely within; two days on is at least 24 h 1 min (23.59 to 00.00).
    [0, 24, 'hours', true], [1, 24, 'hours', null], [2, 24, 'hours', false],
    // 72 hours: two days on is at most 71 h 59 min; four days on at least 72 h 1 min.
    [2, 72, 'hours', true], [3, 72, 'hours', null], [4, 72, 'hours', false],
  ] as const)('%i calendar days against %i %s: %s', (days, value, unit, verdict) => {
    expect(judgeFromDates(days, { value, unit })).toBe(verdict);
  });
});
