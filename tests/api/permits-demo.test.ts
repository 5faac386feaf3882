// For every demo permit service, the published percentiles equal a recount from the raw reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { demoDb } from '../support/db.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
let holidays: Set<string>;
beforeAll(async () => {
  conn = await demoDb();
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') });
  holidays = new Set((await conn.db.selectFrom('holidays').select('date').execute()).map((h) => h.date));
});
afterAll(async () => {
  await conn.close();
});

/** An independent count: step through each calendar day with Date objects. */
function naiveWorkingDays(from: string, to: string): number {
  let n = 0;
  const d = new Date(from + 'T12:00:00Z');
  const end = new Date(to + 'T12:00:00Z');
  for (d.setUTCDate(d.getUTCDate() + 1); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(iso)) n++;
  }
  return n;
}

/** PERCENTILE.INC by its textbook definition: position 1 + (n − 1)p in the sorted list, interpolated. */
function percentileInc(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = 1 + (sorted.length - 1) * p;
  const k = Math.floor(pos);
  const frac = pos - k;
  return k >= sorted.length ? sorted[sorted.length - 1]! : sorted[k - 1]! + frac * (sorted[k]! - sorted[k - 1]!);
}

describe.each(['2025', '2026-S1'])('permit times for %s', (code) => {
  it('match a recount from the raw reports for every demo permit service', async () => {
    const from = code === '2025' ? '2025-01-01' : '2026-01-01';
    const to = code === '2025' ? '2025-12-31' : '2026-06-30';
    const units = await conn.db.selectFrom('units').select(['id', 'slug']).execute();
    let services = 0;
    let reports = 0;
    for (const unit of units) {
      const body = (await (await app.request(`/api/units/${unit.slug}/permit-times?period=${code}`)).json()) as any;
      for (const s of body.services) {
        const rows = await conn.db
          .selectFrom('permit_reports')
          .innerJoin('services', 'services.id', 'permit_reports.service_id')
          .select(['submitted_on', 'completed_on', 'working_days', 'calendar_days', 'within_sla', 'permit_reports.sla_value', 'permit_reports.sla_unit'])
          .where('services.unit_id', '=', unit.id)
          .where('services.slug', '=', s.slug)
          .where('completed_on', '>=', from)
          .where('completed_on', '<=', to)
          .execute();
        for (const r of rows) expect(r.working_days, `${unit.slug}/${s.slug} ${r.submitted_on}→${r.completed_on}`).toBe(naiveWorkingDays(r.submitted_on, r.completed_on!));
        const days = rows.map((r) => (r.sla_unit === 'working_days' ? r.working_days! : r.calendar_days!));
        expect(s.n).toBe(rows.length);
        if (rows.length === 0) {
          expect(s.medianDays).toBeNull();
          continue;
        }
        expect(s.medianDays).toBeCloseTo(percentileInc(days, 0.5), 1);
        expect(s.p90Days).toBeCloseTo(percentileInc(days, 0.9), 1);
        expect(s.withinSlaShare).toBeCloseTo(rows.filter((r) => r.within_sla === 1).length / rows.length, 3);
        services++;
        reports += rows.length;
      }
    }
    expect(services).toBeGreaterThan(30);
    // Permits only (issue 25 item 11): the civil registry's documents and the letters are no longer counted.
    expect(reports).toBeGreaterThan(code === '2025' ? 1000 : 600);
  });
});

describe('the demo permit reports', () => {
  it('number about 2,800 over 2025–2026, some still waiting and some late', async () => {
    const all = await conn.db.selectFrom('permit_reports').select(['completed_on', 'within_sla']).execute();
    // Permits only (issue 25 item 11): about 5,200 before, when KK, akta and letters counted as permits.
    expect(all.length).toBeGreaterThan(2500);
    expect(all.length).toBeLessThan(3200);
    expect(all.filter((r) => r.completed_on === null).length).toBeGreaterThan(20);
    // 61 late of ~2,800 since the administrative letters left (over 100 of ~5,200 before).
    expect(all.filter((r) => r.within_sla === 0).length).toBeGreaterThan(50);
  });

  it('show Gorontalo units getting faster from 2025 to 2026 (the award program story)', async () => {
    const get = async (code: string) => ((await (await app.request(`/api/units/dpmptsp-kabupaten-gorontalo/permit-times?period=${code}`)).json()) as any).services.find((s: any) => s.slug === 'penerbitan-pbg');
    const [y2025, y2026] = [await get('2025'), await get('2026')];
    expect(y2026.medianDays).toBeLessThan(y2025.medianDays);
  });
});

describe('only permits are permits (issue 25, item 11)', () => {
  // Documents of the civil registry, a vehicle's change of owner, letters of a kecamatan or kelurahan and a school
  // transfer are services, not permits (izin): they have no place in /waktu-izin or the permit ranking.
  const NOT_PERMITS = ['kartu-keluarga', 'akta-kelahiran', 'surat-pindah', 'balik-nama', 'surat-keterangan-ahli-waris', 'surat-keterangan-domisili', 'rekomendasi-mutasi-siswa'];

  it('/waktu-izin (2026) lists no Kartu Keluarga, Akta or Surat Pindah, and no Dukcapil at all', async () => {
    const body = (await (await app.request('/api/permit-times?period=2026')).json()) as any;
    const listed = body.items.map((i: any) => `${i.unit.slug}/${i.service.slug}`);
    expect(listed.filter((x: string) => NOT_PERMITS.includes(x.split('/')[1]!))).toEqual([]);
    expect(listed.filter((x: string) => x.startsWith('dukcapil-'))).toEqual([]);
    expect(listed.filter((x: string) => x.startsWith('dpmptsp-')).length).toBeGreaterThanOrEqual(30);
    const unit = (await (await app.request('/api/units/dukcapil-kota-gorontalo/permit-times?period=2026')).json()) as any;
    expect(unit.services).toEqual([]);
  });

  it('the permit ranking (2026-Q3 against 2026-Q2) ranks permits only', async () => {
    const body = (await (await app.request('/api/improvement?period=2026-Q3')).json()) as any;
    const rows = Object.values(body).filter(Array.isArray).flat().filter((r: any) => r.service);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r: any) => NOT_PERMITS.includes(r.service.slug))).toEqual([]);
  });

  it('no demo permit report is about a service that is not a permit', async () => {
    const rows = await conn.db.selectFrom('permit_reports').innerJoin('services', 'services.id', 'permit_reports.service_id')
      .select(['services.slug as slug', 'services.is_permit as isPermit']).execute();
    expect(rows.filter((r) => r.isPermit !== 1 || NOT_PERMITS.includes(r.slug)).length).toBe(0);
    const flagged = await conn.db.selectFrom('services').select('slug').where('is_permit', '=', 1).where('slug', 'in', NOT_PERMITS).execute();
    expect(flagged).toEqual([]);
  });
});
