// Issue 16: the SKM report an evaluator files, checked against the demo data (the named units and periods) and
// against a recount straight from the responses table.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { writeSetting } from '../../db/queries/settings.ts';
import { createApp } from '../../server/app.ts';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { demoDb, signIn } from '../support/db.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
let cookie: string;
beforeAll(async () => {
  conn = await demoDb();
  // These tests check the arithmetic of small samples (n = 2 to 5) on the public route too: k = 2, the smallest the
  // small-cell rule allows (decision 047; tests/api/published-people-demo.test.ts checks the rule at the default k).
  await writeSetting(conn.db, 'min_public_ratings', '2', new Date());
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') });
  cookie = await signIn(app, 'evaluator@demo.rapor.id', 'rapor-demo-2026');
});
afterAll(async () => {
  await conn.close();
});

async function report(slug: string, period: string) {
  const res = await app.request(`/api/reports/skm/${slug}?period=${period}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as any;
}

async function scores(slug: string, period: string) {
  const res = await app.request(`/api/units/${slug}/scores?period=${period}`);
  expect(res.status).toBe(200);
  return (await res.json()) as any;
}

const KEYS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
type Row = Record<(typeof KEYS)[number], number>;

/** The reportable responses of a unit and period, straight from the table. */
async function responses(slug: string, period: string): Promise<Row[]> {
  const { from, to } = parsePeriodCode(period);
  const rows = await sql<Row>`
    select r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9 from responses r join units u on u.id = r.unit_id
    where u.slug = ${slug} and r.local_date between ${from} and ${to} and r.exclusion_reason is null`.execute(conn.db);
  return rows.rows.map((r) => Object.fromEntries(KEYS.map((k) => [k, Number(r[k])])) as Row);
}

const half = (x: number) => Math.round(x * 100 + 1e-9) / 100;

describe('NRR × 25 in the report (issue 16, item 1)', () => {
  it.each([
    ['dukcapil-kabupaten-gorontalo', '2026-Q2', 'U8', 64.88],
    // The issue prints "exact 76.616"; on the demo seed the exact value is Σ U4 / 1,484 × 25 = 76.6004 (printed 76,50 either way).
    ['samsat-palembang-1', '2026', 'U4', 76.6],
  ])('%s %s %s is computed from the exact NRR (%s), not from the NRR rounded to two places', async (slug, period, code, expected) => {
    const body = await report(slug, period);
    const element = body.elements.find((e: any) => e.code === code);
    expect(element.nrr25).toBe(expected);
    // Every row equals the recount: Σanswers / n × 25, rounded once at the end.
    const rows = await responses(slug, period);
    body.elements.forEach((e: any, i: number) => expect(e.nrr25, e.code).toBe(half((rows.reduce((s, r) => s + r[KEYS[i]!], 0) / rows.length) * 25)));
  });
});

describe('the weakest elements (issue 16, item 2)', () => {
  it('are ordered by the exact NRR: rsud-aloei-saboe 2025 lists U8, U6, U2 (U6 = 2.8057 is below U2 = 2.8129)', async () => {
    const body = await report('rsud-aloei-saboe', '2025');
    expect(body.weakest.map((w: any) => w.code)).toEqual(['U8', 'U6', 'U2']);
    const rows = await responses('rsud-aloei-saboe', '2025');
    const exact = KEYS.map((k) => rows.reduce((s, r) => s + r[k], 0) / rows.length);
    expect(exact[5]).toBeLessThan(exact[1]!);
    expect((await scores('rsud-aloei-saboe', '2025')).weakest).toEqual(['U8', 'U6', 'U2']);
  });

  it('are ordered the same way in the follow-up suggestions of the unit workspace', async () => {
    const staff = await signIn(app, 'staff.rsud-aloei-saboe@demo.rapor.id', 'rapor-demo-2026');
    const res = await app.request('/api/staff/units/rsud-aloei-saboe/follow-ups/suggestions?period=2025', { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.items.map((i: any) => i.element.code)).toEqual(['U8', 'U6', 'U2']);
  });
});

// The 97.5 % quantiles of Student's t from a printed table (any statistics textbook), for 1–4 degrees of freedom.
const T975: Record<number, number> = { 1: 12.7062047, 2: 4.3026527, 3: 3.1824463, 4: 2.7764451 };

describe('the 95 % interval at small samples (issue 16, item 3)', () => {
  it('equals an independent computation for every demo unit-period with n = 4 or 5', async () => {
    const slugs = ['kecamatan-jambi-selatan', 'kelurahan-bagus-kuning', 'puskesmas-simpang-kawat', 'puskesmas-telaga'];
    const periods = ['2025', '2026', '2025-S1', '2025-S2', '2026-S1', '2026-S2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
    let compared = 0;
    for (const slug of slugs) {
      for (const period of periods) {
        const rows = await responses(slug, period);
        if (rows.length < 4 || rows.length > 5) continue;
        const n = rows.length;
        const means = rows.map((r) => KEYS.reduce((s, k) => s + r[k], 0) / 9);
        const mean = means.reduce((s, x) => s + x, 0) / n;
        const sd = Math.sqrt(means.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
        const h = T975[n - 1]! * sd / Math.sqrt(n);
        const expected = [half(Math.max(25, 25 * (mean - h))), half(Math.min(100, 25 * (mean + h)))];
        expect((await scores(slug, period)).ikmCi95, `${slug} ${period} n=${n}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(7);
  });
});

describe("the period's suggestions and follow-up plan in the report (issue 16, item 4)", () => {
  it('lists every public suggestion of the period with its count: dukcapil-kota-gorontalo 2025', async () => {
    const body = await report('dukcapil-kota-gorontalo', '2025');
    const [{ count }] = (await sql<{ count: number }>`
      select count(*) as count from responses r join units u on u.id = r.unit_id
      where u.slug = 'dukcapil-kota-gorontalo' and r.local_date between '2025-01-01' and '2025-12-31'
        and r.exclusion_reason is null and r.comment is not null and r.comment_hidden_at is null`.execute(conn.db)).rows as [{ count: number }];
    expect(Number(count)).toBeGreaterThan(200);
    expect(body.suggestionsTotal).toBeGreaterThan(200);
    expect(body.suggestions).toHaveLength(body.suggestionsTotal); // all of them (the report lists up to 2,000)
    expect(body.suggestionsTotal).toBeLessThanOrEqual(Number(count));
    for (const s of body.suggestions) expect(s.localDate >= '2025-01-01' && s.localDate <= '2025-12-31').toBe(true);
  });

  it("lists only the period's follow-up items, and the previous period's items with how they went", async () => {
    const body = await report('dukcapil-kota-gorontalo', '2025');
    expect(body.followUps.length).toBeGreaterThan(0);
    for (const f of body.followUps) expect(f.period.startsWith('2025')).toBe(true);
    expect(body.followUps.some((f: any) => f.dueDate >= '2027-01-01')).toBe(false);
    const s1 = await report('dukcapil-kota-gorontalo', '2026-S1');
    for (const f of s1.followUps) expect(f.period).toBe('2026-S1');
    expect(s1.previousPeriod.code).toBe('2025-S2');
    expect(s1.previousFollowUps.length).toBeGreaterThan(0);
    // The seed's 2025-S2 item was done on 20 March 2026, before its due date of 31 March.
    expect(s1.previousFollowUps[0]).toMatchObject({ period: '2025-S2', status: 'selesai', completedOn: '2026-03-20', outcome: 'done-on-time' });
  });
});

describe('small samples (issue 16, item 11)', () => {
  it('marks an IKM below its sample target as provisional: puskesmas-telaga 2026-Q4 (n = 2 of 19)', async () => {
    const body = await scores('puskesmas-telaga', '2026-Q4');
    expect(body).toMatchObject({ n: 2, sampleTarget: 19, mutu: 'B', provisional: true });
    const r = await report('puskesmas-telaga', '2026-Q4');
    expect(r.provisional).toBe(true);
    const adequate = await scores('dukcapil-kota-gorontalo', '2026-S1');
    expect(adequate.sampleAdequate).toBe(true);
    expect(adequate.provisional).toBe(false);
    for (const p of body.trend) expect(p.provisional, p.period).toBe(p.n > 0 && (p.sampleTarget === null || p.n < p.sampleTarget));
  });

  it('says what an interval is worth: too few for n = 2 (kelurahan-bagus-kuning 2025-Q1, 83,33 – 83,33), wide, or ordinary', async () => {
    const degenerate = await scores('kelurahan-bagus-kuning', '2025-Q1');
    expect(degenerate.ikmCi95).toEqual([83.33, 83.33]);
    expect(degenerate.intervalNote).toBe('too-few');
    expect((await scores('puskesmas-telaga', '2026-Q4')).intervalNote).toBe('too-few');
    expect((await scores('kelurahan-bagus-kuning', '2025-Q3')).intervalNote).toBe('wide');
    expect((await scores('dukcapil-kota-gorontalo', '2026-S1')).intervalNote).toBe('ok');
    expect((await report('kelurahan-bagus-kuning', '2025-Q1')).intervalNote).toBe('too-few');
  });
});

describe('sample adequacy per service (issue 16, item 15)', () => {
  it('gives each service its own Krejcie & Morgan target and flag beside the unit-wide one, in the scores and the report', async () => {
    const body = await scores('dukcapil-kota-gorontalo', '2026-S1');
    const r = await report('dukcapil-kota-gorontalo', '2026-S1');
    const units = await conn.db.selectFrom('services').innerJoin('units', 'units.id', 'services.unit_id')
      .select(['services.slug', 'services.declared_users']).where('units.slug', '=', 'dukcapil-kota-gorontalo').execute();
    for (const s of [...body.services, ...r.services]) {
      const declared = units.find((u) => u.slug === s.slug)!.declared_users;
      expect(s).toHaveProperty('sampleTarget');
      expect(s.sampleAdequate).toBe(s.sampleTarget !== null && s.n >= s.sampleTarget);
      if (declared) expect(s.sampleTarget).toBeGreaterThan(0);
    }
    // The unit-wide target is one Krejcie & Morgan sample of all users; per service the targets add up to more.
    const perService = body.services.reduce((sum: number, s: any) => sum + (s.sampleTarget ?? 0), 0);
    expect(perService).toBeGreaterThan(body.sampleTarget);
    const targeted = body.services.filter((s: any) => s.sampleTarget !== null);
    expect(body.servicesSampleAdequate).toBe(targeted.length > 0 && targeted.every((s: any) => s.sampleAdequate));
    expect(r.servicesSampleAdequate).toBe(body.servicesSampleAdequate);
    expect(r.sampleAdequate).toBe(body.sampleAdequate);
  });
});
