// The ASN evidence export (issue 16, items 5–8) recounted from the raw rows of the demo database: the exact shares and
// medians per permit type, the follow-up items that were due, each official's own days in the post, and achievement
// rounded half up from exact values only at the end (DOMAIN.md §8, decision 025).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { holidaySet } from '../../db/queries/holidays.ts';
import { createApp } from '../../server/app.ts';
import { achievementPct, INDICATOR_INFO } from '../../core/domain/asn-evidence.ts';
import { parseCsv } from '../../core/domain/csv.ts';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { permitTiming, type SlaUnit } from '../../core/domain/working-days.ts';
import { demoDb, signIn } from '../support/db.ts';
import { xlsxTable } from '../support/xlsx.ts';

// 1 December 2026: a follow-up item due on 15 December 2026 is not yet due (issue 16, item 6).
const TODAY = '2026-12-01';
let conn: Connection;
let app: ReturnType<typeof createApp>;
let cookie: string;
let holidays: ReadonlySet<string>;

beforeAll(async () => {
  conn = await demoDb();
  app = createApp({ db: conn.db, now: () => new Date(`${TODAY}T03:00:00Z`) });
  cookie = await signIn(app, 'evaluator@demo.rapor.id', 'rapor-demo-2026');
  holidays = await holidaySet(conn.db);
});
afterAll(async () => {
  await conn.close();
});

type Row = Record<string, string>;

async function evidence(period: string, unit?: string): Promise<Row[]> {
  const res = await app.request(`/api/exports/asn-evidence.csv?period=${period}${unit ? `&unit=${unit}` : ''}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const [header, ...rows] = parseCsv(await res.text()).map((r) => r.cells);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** num/den rounded half up to `decimals` places, in integers (the reference the export must equal). */
function halfUp(num: bigint, den: bigint, decimals = 2): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * num * scale + den) / (2n * den);
  return Number(scaled) / Number(scale);
}

/** The official's own days of the period: the period intersected with the tenure. */
function windowOf(row: Row): { from: string; to: string } {
  const p = parsePeriodCode(row.period!);
  const from = row.tenure_from! > p.from ? row.tenure_from! : p.from;
  const to = row.tenure_to && row.tenure_to < p.to ? row.tenure_to : p.to;
  return { from, to };
}

async function unitId(slug: string): Promise<string> {
  return (await conn.db.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

async function permitServices(slug: string) {
  return conn.db.selectFrom('services').select(['id', 'slug', 'sla_value', 'sla_unit']).where('unit_id', '=', await unitId(slug))
    .where('is_permit', '=', 1).where('sla_value', 'is not', null).orderBy('position').execute();
}

/** Recount of one permit type in a window: completed reports in it, and pending ones sent in it already past their SLA. */
async function permitRecount(serviceId: string, w: { from: string; to: string }) {
  const rows = await conn.db.selectFrom('permit_reports').selectAll().where('service_id', '=', serviceId).where('exclusion_reason', 'is', null).execute();
  const completed = rows.filter((r) => r.completed_on !== null && r.completed_on >= w.from && r.completed_on <= w.to);
  const pendingLate = rows.filter((r) => r.completed_on === null && r.submitted_on >= w.from && r.submitted_on <= w.to
    && permitTiming(r.submitted_on, null, TODAY, { value: r.sla_value, unit: r.sla_unit as SlaUnit }, holidays).withinSla === false);
  const within = completed.filter((r) => r.within_sla === 1).length;
  const days = completed.map((r) => r.working_days!).sort((a, b) => a - b);
  const mid = days.length >> 1;
  const median2 = days.length === 0 ? null : days.length % 2 ? 2 * days[mid]! : days[mid - 1]! + days[mid]!; // twice the median
  return { within, n: completed.length + pendingLate.length, completed: completed.length, pendingLate: pendingLate.length, median2 };
}

describe('achievement (issue 16, item 5)', () => {
  it('rounds half up in decimals, not in binary floating point: 83.1 of a target of 80 is 103.88 %', () => {
    expect(achievementPct(80, 83.1, false)).toBe(103.88);
    expect(achievementPct(78, 81.0225, false)).toBe(103.88);
  });

  it('computes the within-SLA share and its achievement from the exact counts (2025–2026-Q2, every unit with one permit type)', async () => {
    let compared = 0;
    const off: string[] = [];
    const periods = ['2025', '2025-S1', '2025-S2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-S1', '2026-Q1', '2026-Q2'];
    const rows = (await Promise.all(periods.map((p) => evidence(p)))).flat();
    for (const row of rows.filter((r) => r.indicator === 'permit_within_sla_share')) {
      const services = await permitServices(row.unit_slug!);
      if (services.length !== 1) continue;
      const c = await permitRecount(services[0]!.id, windowOf(row));
      if (c.n === 0) continue;
      const exact = { realisation: halfUp(BigInt(c.within * 100), BigInt(c.n)), achievement: halfUp(BigInt(c.within * 100 * 100), BigInt(c.n * 90)) };
      expect(Number(row.target)).toBe(90);
      if (Number(row.realisation) !== exact.realisation || Number(row.achievement_pct) !== exact.achievement) {
        off.push(`${row.period} ${row.unit_slug} ${row.nip}: ${row.realisation} → ${row.achievement_pct}, exact ${exact.realisation} → ${exact.achievement}`);
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(25);
    expect(off).toEqual([]);
  });

  it('computes the IKM achievement from the exact IKM (every unit, 2026-Q1), not from the IKM rounded for display', async () => {
    let compared = 0;
    const off: string[] = [];
    for (const row of (await evidence('2026-Q1')).filter((r) => r.indicator === 'ikm')) {
      const w = windowOf(row);
      const sums = await conn.db.selectFrom('responses').select(({ fn }) => [fn.countAll<number>().as('n'),
        fn.sum<number>('u1').as('s1'), fn.sum<number>('u2').as('s2'), fn.sum<number>('u3').as('s3'), fn.sum<number>('u4').as('s4'), fn.sum<number>('u5').as('s5'),
        fn.sum<number>('u6').as('s6'), fn.sum<number>('u7').as('s7'), fn.sum<number>('u8').as('s8'), fn.sum<number>('u9').as('s9')])
        .where('unit_id', '=', await unitId(row.unit_slug!)).where('exclusion_reason', 'is', null)
        .where('local_date', '>=', w.from).where('local_date', '<=', w.to).executeTakeFirstOrThrow();
      const n = Number(sums.n);
      expect(Number(row.n), row.unit_slug).toBe(n);
      if (n === 0) continue;
      const total = [sums.s1, sums.s2, sums.s3, sums.s4, sums.s5, sums.s6, sums.s7, sums.s8, sums.s9].reduce((a, b) => a + Number(b), 0);
      // IKM = Σ NRR × 1/9 × 25 = 25·total / (9n); capaian = IKM ÷ target × 100.
      const exact = halfUp(BigInt(2500 * total), BigInt(9 * n * Number(row.target)));
      if (Number(row.achievement_pct) !== exact) off.push(`${row.unit_slug}: ${row.realisation} → ${row.achievement_pct}, exact ${exact}`);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(30);
    expect(off).toEqual([]);
  });
});

describe('follow-up items (issue 16, item 6)', () => {
  it('counts only the items due in the period up to today, and calls one item not enough to rate', async () => {
    const rows = (await evidence('2026')).filter((r) => r.indicator === 'follow_up_on_time_share');
    const named = rows.find((r) => r.unit_slug === 'disdik-kota-gorontalo')!;
    // Due 31 March 2026 and done on 20 March; the item due on 15 December is not yet due on 1 December.
    expect({ n: named.n, realisation: named.realisation, adequate: named.sample_adequate, rating: named.suggested_rating })
      .toEqual({ n: '1', realisation: '100', adequate: 'false', rating: '' });
    let withItems = 0;
    for (const row of rows) {
      const w = windowOf(row);
      const due = await conn.db.selectFrom('follow_ups').selectAll().where('unit_id', '=', await unitId(row.unit_slug!))
        .where('due_date', '>=', w.from).where('due_date', '<=', w.to < TODAY ? w.to : TODAY).execute();
      expect(Number(row.n), row.unit_slug).toBe(due.length);
      expect(row.sample_adequate).toBe(String(due.length >= INDICATOR_INFO.follow_up_on_time_share.minN));
      if (due.length) withItems++;
    }
    expect(withItems).toBeGreaterThan(5);
    expect(INDICATOR_INFO.follow_up_on_time_share.minN).toBeGreaterThan(1);
  });
});

describe('tenure (issue 16, item 7)', () => {
  it('gives each head of dpmptsp-kabupaten-gorontalo in 2025 the figures of their own days in the post', async () => {
    const rows = await evidence('2025', 'dpmptsp-kabupaten-gorontalo');
    const heads = [...new Set(rows.map((r) => r.nip))];
    expect(heads).toHaveLength(2);
    const [before, after] = heads.map((nip) => rows.filter((r) => r.nip === nip));
    expect([before![0]!.tenure_to, after![0]!.tenure_from]).toEqual(['2025-06-30', '2025-07-01']);
    const ikm = (list: Row[]) => list.find((r) => r.indicator === 'ikm')!;
    const s1 = (await (await app.request('/api/units/dpmptsp-kabupaten-gorontalo/scores?from=2025-01-01&to=2025-06-30')).json()) as any;
    const s2 = (await (await app.request('/api/units/dpmptsp-kabupaten-gorontalo/scores?from=2025-07-01&to=2025-12-31')).json()) as any;
    const year = (await (await app.request('/api/units/dpmptsp-kabupaten-gorontalo/scores?period=2025')).json()) as any;
    expect([Number(ikm(before!).realisation), Number(ikm(before!).n)]).toEqual([s1.ikm, s1.n]);
    expect([Number(ikm(after!).realisation), Number(ikm(after!).n)]).toEqual([s2.ikm, s2.n]);
    expect(s1.n + s2.n).toBe(year.n);
    // Permits completed in each one's days: the two add up to the year's.
    for (const indicator of ['permit_within_sla_share', 'permit_median_days']) {
      const n = (list: Row[]) => list.filter((r) => r.indicator === indicator).reduce((sum, r) => sum + Number(r.n), 0);
      const services = await permitServices('dpmptsp-kabupaten-gorontalo');
      let first = 0;
      let second = 0;
      for (const s of services.filter((x) => indicator === 'permit_within_sla_share' || x.sla_unit === 'working_days')) {
        const a = await permitRecount(s.id, { from: '2025-01-01', to: '2025-06-30' });
        const b = await permitRecount(s.id, { from: '2025-07-01', to: '2025-12-31' });
        first += indicator === 'permit_median_days' ? a.completed : a.n;
        second += indicator === 'permit_median_days' ? b.completed : b.n;
      }
      expect([n(before!), n(after!)], indicator).toEqual([first, second]);
      expect(first * second).toBeGreaterThan(0);
    }
  });
});

describe('permit types (issue 16, item 8)', () => {
  it('gives one row per permit type with its own median and share (dpmptsp-kota-gorontalo 2026-S1)', async () => {
    const rows = await evidence('2026-S1', 'dpmptsp-kota-gorontalo');
    const services = await permitServices('dpmptsp-kota-gorontalo');
    const within = rows.filter((r) => r.indicator === 'permit_within_sla_share');
    expect(within.map((r) => r.service_slug)).toEqual(services.map((s) => s.slug));
    const median = rows.filter((r) => r.indicator === 'permit_median_days');
    expect(median.map((r) => r.service_slug)).toEqual(services.filter((s) => s.sla_unit === 'working_days').map((s) => s.slug));
    for (const row of median) {
      const c = await permitRecount(services.find((s) => s.slug === row.service_slug)!.id, windowOf(row));
      expect(Number(row.n)).toBe(c.completed);
      expect(Number(row.realisation), row.service_slug).toBe(c.median2 === null ? 0 : c.median2 / 2);
      if (c.median2 === null) continue;
      expect(Number(row.achievement_pct), row.service_slug).toBe(c.median2 === 0 ? 200 : Math.min(200, halfUp(BigInt(Number(row.target) * 100 * 2), BigInt(c.median2))));
    }
    const pbg = median.find((r) => r.service_slug === 'penerbitan-pbg')!;
    const reklame = median.find((r) => r.service_slug === 'izin-reklame')!;
    expect(Number(pbg.realisation)).toBeGreaterThan(Number(reklame.realisation));
    // The remaining ikm and follow-up rows name no permit type.
    expect(rows.filter((r) => !r.indicator!.startsWith('permit_')).every((r) => r.service_slug === '')).toBe(true);
  });

  it('counts pending cases already past their SLA as late (every unit, 2026-S2)', async () => {
    let pendingLate = 0;
    let compared = 0;
    for (const row of (await evidence('2026-S2')).filter((r) => r.indicator === 'permit_within_sla_share')) {
      const service = (await permitServices(row.unit_slug!)).find((s) => s.slug === row.service_slug);
      expect(service, `${row.unit_slug} ${row.service_slug}`).toBeDefined();
      const c = await permitRecount(service!.id, windowOf(row));
      expect(Number(row.n), `${row.unit_slug} ${row.service_slug}`).toBe(c.n);
      if (c.n) expect(Number(row.realisation)).toBe(halfUp(BigInt(c.within * 100), BigInt(c.n)));
      pendingLate += c.pendingLate;
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    expect(pendingLate).toBeGreaterThan(0);
  });
});

describe('standards in minutes or hours (issue 25, item 1)', () => {
  const NAMED = [['2025-S1', 'dpmptsp-kota-gorontalo'], ['2026', 'dpmptsp-kota-palembang'], ['2025', 'dpmptsp-kabupaten-gorontalo']] as const;

  it('leaves the realisation, achievement and suggested rating of nib-oss (60 minutes) empty and says why, in CSV, XLSX and NDJSON', async () => {
    for (const [period, unit] of NAMED) {
      const query = `period=${period}&unit=${unit}`;
      const csv = (await evidence(period, unit)).filter((r) => r.service_slug === 'nib-oss');
      const ndjson = (await (await app.request(`/api/exports/asn-evidence.ndjson?${query}`, { headers: { cookie } })).text()).trim().split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>).filter((r) => r.service_slug === 'nib-oss');
      const xlsx = xlsxTable(Buffer.from(await (await app.request(`/api/exports/asn-evidence.xlsx?${query}`, { headers: { cookie } })).arrayBuffer()))
        .filter((r) => r.service_slug === 'nib-oss');
      expect(csv.length, `${period} ${unit}`).toBeGreaterThan(0);
      expect([ndjson.length, xlsx.length]).toEqual([csv.length, csv.length]);
      for (const row of csv) {
        expect(Number(row.n), `${period} ${unit}: reports behind the row`).toBeGreaterThan(0);
        expect({ realisation: row.realisation, achievement: row.achievement_pct, rating: row.suggested_rating }, `${period} ${unit} ${row.nip}`)
          .toEqual({ realisation: '', achievement: '', rating: '' });
        expect(row.realisation_note).toMatch(/^standar 60 menit tidak dapat dinilai dari tanggal/);
      }
      for (const row of ndjson) {
        expect([row.realisation, row.achievement_pct, row.suggested_rating]).toEqual([null, null, null]);
        expect(String(row.realisation_note)).toMatch(/tidak dapat dinilai dari tanggal/);
      }
      for (const row of xlsx) {
        expect([row.realisation, row.achievement_pct, row.suggested_rating]).toEqual(['', '', '']);
        expect(row.realisation_note).toMatch(/tidak dapat dinilai dari tanggal/);
      }
    }
  });

  it('rates no row whose standard the dates cannot judge, in any period (every unit, 2025 and 2026)', async () => {
    const periods = ['2025', '2025-S1', '2025-S2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026', '2026-S1', '2026-S2', '2026-Q1', '2026-Q2', '2026-Q3'];
    const minutes = new Set((await conn.db.selectFrom('services').select('slug').where('sla_unit', 'in', ['minutes', 'hours']).where('is_permit', '=', 1).execute()).map((s) => s.slug));
    expect(minutes.has('nib-oss')).toBe(true);
    const rated = [];
    let rows = 0;
    for (const period of periods) {
      for (const row of (await evidence(period)).filter((r) => r.indicator === 'permit_within_sla_share' && minutes.has(r.service_slug!) && Number(r.n) > 0)) {
        rows++;
        if (row.realisation !== '' || row.achievement_pct !== '' || row.suggested_rating !== '') rated.push(`${period} ${row.unit_slug} ${row.nip}: ${row.realisation} → ${row.achievement_pct} ${row.suggested_rating}`);
      }
    }
    expect(rows).toBeGreaterThan(50);
    expect(rated).toEqual([]);
  });
});
