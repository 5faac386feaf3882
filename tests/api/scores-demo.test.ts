// For the demo data, every unit's published scores equal a recount from the raw responses (issue: public scores).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { gradeOf } from '../../core/domain/ikm.ts';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { demoDb } from '../support/db.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
let slugs: string[];
beforeAll(async () => {
  conn = await demoDb();
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') });
  slugs = (await conn.db.selectFrom('units').select('slug').orderBy('slug').execute()).map((u) => u.slug);
});
afterAll(async () => {
  await conn.close();
});

interface Recount {
  n: number;
  ikm: number | null;
  nrr: number[];
}

/** A recount straight from the responses table, in floating point, by the regulation's steps. */
async function recount(slug: string, from: string, to: string): Promise<Recount> {
  const rows = await sql<{ u1: number; u2: number; u3: number; u4: number; u5: number; u6: number; u7: number; u8: number; u9: number }>`
    select r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9 from responses r join units u on u.id = r.unit_id
    where u.slug = ${slug} and r.local_date between ${from} and ${to} and r.exclusion_reason is null`.execute(conn.db);
  const n = rows.rows.length;
  if (n === 0) return { n, ikm: null, nrr: [] };
  const keys = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
  const nrr = keys.map((k) => rows.rows.reduce((s, r) => s + r[k], 0) / n);
  const ikm = nrr.reduce((s, x) => s + x * (1 / 9), 0) * 25;
  return { n, ikm, nrr };
}

const PERIODS = [
  { query: 'period=2026-Q2', ...parsePeriodCode('2026-Q2') },
  { query: 'period=2025-S2', ...parsePeriodCode('2025-S2') },
  { query: 'period=2025', ...parsePeriodCode('2025') },
  // A range with partial months at both edges (daily rollups) around whole months (monthly rollups).
  { query: 'from=2025-03-17&to=2025-06-10', code: '2025-03-17..2025-06-10', from: '2025-03-17', to: '2025-06-10' },
];

describe.each(PERIODS)('scores for $query', ({ query, code, from, to }) => {
  it('equal a recount from raw responses for every demo unit', async () => {
    const period = { from, to };
    let compared = 0;
    for (const slug of slugs) {
      const res = await app.request(`/api/units/${slug}/scores?${query}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      const expected = await recount(slug, period.from, period.to);
      expect(body.period).toEqual({ code, from: period.from, to: period.to });
      expect(body.n, slug).toBe(expected.n);
      // No ratings, or fewer than k: the public route withholds the figures (small cells, decision 047).
      if (expected.ikm === null || expected.n < body.minPublicRatings) {
        expect(body.ikm).toBeNull();
        expect(body.elements.every((e: any) => e.nrr === null)).toBe(true);
        continue;
      }
      expect(Math.abs(body.ikm - expected.ikm), `${slug} ikm ${body.ikm} vs ${expected.ikm}`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(body.mutu).toBe(gradeOf(expected.ikm).mutu);
      body.elements.forEach((e: any, i: number) => expect(Math.abs(e.nrr - expected.nrr[i]!)).toBeLessThanOrEqual(0.005 + 1e-9));
      expect(body.services.reduce((s: number, x: any) => s + x.n, 0)).toBe(expected.n);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});

describe('the scoreboard on demo data', () => {
  it('lists every unit of a region once, ranks only units that met their sample target, in shrunk-score order', async () => {
    const res = await app.request('/api/scoreboard?region=75&period=2026');
    const body = (await res.json()) as any;
    const listed = [...body.ranked, ...body.insufficient].map((r: any) => r.unit.slug).sort();
    const inRegion = await sql<{ slug: string }>`select slug from units where region_code in ('75', '7501', '7571') order by slug`.execute(conn.db);
    expect(listed).toEqual(inRegion.rows.map((r) => r.slug));
    expect(body.ranked.length).toBeGreaterThan(5);
    expect(body.insufficient.length).toBeGreaterThan(0);
    for (const r of body.insufficient) expect(r.n).toBeLessThan(r.sampleTarget);
    const shrunk = body.ranked.map((r: any) => r.shrunkIkm);
    expect(shrunk).toEqual([...shrunk].sort((a, b) => b - a));
    expect(body.ranked.map((r: any) => r.rank)[0]).toBe(1);
    for (const r of body.ranked) {
      const expected = await recount(r.unit.slug, '2026-01-01', '2026-12-31');
      expect(r.n).toBe(expected.n);
      expect(Math.abs(r.ikm - expected.ikm!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('keeps units with very few ratings out of the ranking', async () => {
    const body = (await (await app.request('/api/scoreboard?period=2026')).json()) as any;
    const tiny = ['puskesmas-telaga', 'kelurahan-bagus-kuning', 'kecamatan-jambi-selatan', 'puskesmas-simpang-kawat'];
    for (const slug of tiny) expect(body.insufficient.map((r: any) => r.unit.slug)).toContain(slug);
  });
});
