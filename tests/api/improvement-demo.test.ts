// Issue 16 item 10: the improvement ranking must not rank noise. Each IKM change comes with its 95 % interval (from the
// two periods' standard errors) and only changes whose interval excludes zero are marked; ties share a rank; permit
// medians are compared per permit type; a period in progress is compared with the same span of the previous one.
import quantile from '@stdlib/stats-base-dists-t-quantile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { demoWorld } from '../support/db.ts';

let conn: Connection;
let app: Awaited<ReturnType<typeof demoWorld>>['app'];
beforeAll(async () => {
  ({ conn, app } = await demoWorld());
});
afterAll(async () => {
  await conn.close();
});

const get = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as any;
};

/** Each respondent's IKM (mean of the nine answers × 25), from the raw reportable ratings. */
async function respondentScores(slug: string, from: string, to: string): Promise<number[]> {
  const rows = await conn.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'])
    .where('units.slug', '=', slug).where('local_date', '>=', from).where('local_date', '<=', to).where('exclusion_reason', 'is', null)
    .execute();
  return rows.map((r) => ((r.u1 + r.u2 + r.u3 + r.u4 + r.u5 + r.u6 + r.u7 + r.u8 + r.u9) / 9) * 25);
}

/** Welch's interval for the difference of two means, by the textbook, with the exact t-quantile. */
function welch(a: number[], b: number[]): [number, number] {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const variance = (x: number[]) => x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / (x.length - 1);
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = quantile(0.975, df) * Math.sqrt(va + vb);
  const d = mean(b) - mean(a);
  return [d - half, d + half];
}

/** Competition ranking: 1 + the number of rows strictly better. */
function expectSharedRanks(rows: { rank: number; change: { change: number } }[], lowerIsBetter: boolean) {
  for (const r of rows) {
    const better = rows.filter((o) => (lowerIsBetter ? o.change.change < r.change.change : o.change.change > r.change.change)).length;
    expect(r.rank).toBe(better + 1);
  }
}

describe('the improvement ranking (2026-Q3 against 2026-Q2)', () => {
  it('gives each of the 20 IKM changes its 95 % interval, and marks none of them as significant', async () => {
    const body = await get('/api/improvement?period=2026-Q3');
    expect(body.ikm).toHaveLength(20);
    for (const r of body.ikm) {
      const [a, b] = [await respondentScores(r.unit.slug, '2026-04-01', '2026-06-30'), await respondentScores(r.unit.slug, '2026-07-01', '2026-09-30')];
      expect([a.length, b.length]).toEqual([r.n.previous, r.n.current]);
      const [lo, hi] = welch(a, b);
      expect(r.ci95, r.unit.slug).toEqual([Math.round(lo * 100) / 100, Math.round(hi * 100) / 100]);
      expect(r.significant, r.unit.slug).toBe(lo > 0 || hi < 0);
      expect(r.significant, r.unit.slug).toBe(false);
    }
  });

  it('lets ties share a rank (dpmptsp-kota-jambi and dukcapil-kota-gorontalo both gained 0.15)', async () => {
    const body = await get('/api/improvement?period=2026-Q3');
    const tied = body.ikm.filter((r: any) => ['dpmptsp-kota-jambi', 'dukcapil-kota-gorontalo'].includes(r.unit.slug));
    expect(tied.map((r: any) => r.change.change)).toEqual([0.15, 0.15]);
    expect(tied[0].rank).toBe(tied[1].rank);
    expectSharedRanks(body.ikm, false);
    expectSharedRanks(body.permitMedianDays, true);
  });

  it('computes each change from the exact IKMs and rounds it once (issue 25 item 4: samsat-kota-gorontalo +0.86, rank 8)', async () => {
    const body = await get('/api/improvement?period=2026-Q3');
    for (const r of body.ikm) {
      // Exact rational change from the raw ratings: 25/9 × (mean respondent total now − before), rounded half up once.
      const totals = async (from: string, to: string) => (await respondentScores(r.unit.slug, from, to)).map((x) => Math.round((x * 9) / 25));
      const [a, b] = [await totals('2026-04-01', '2026-06-30'), await totals('2026-07-01', '2026-09-30')];
      const sum = (x: number[]) => x.reduce((s, v) => s + v, 0);
      const num = 25 * (sum(b) * a.length - sum(a) * b.length);
      const den = 9 * a.length * b.length;
      expect(r.change.change, r.unit.slug).toBe(Math.floor((200 * num + den) / (2 * den)) / 100);
    }
    const samsat = body.ikm.find((r: any) => r.unit.slug === 'samsat-kota-gorontalo');
    expect(samsat.change.change).toBe(0.86);
    expect(samsat.rank).toBe(8);
    expectSharedRanks(body.ikm, false);
  });

  it('compares permit medians per permit type, never a unit\'s mix of types', async () => {
    const body = await get('/api/improvement?period=2026-Q3');
    expect(body.permitMedianDays.length).toBeGreaterThan(5);
    const seen = new Set<string>();
    for (const r of body.permitMedianDays) {
      expect(r.service?.slug, r.unit.slug).toEqual(expect.any(String));
      seen.add(`${r.unit.slug}/${r.service.slug}`);
      const find = async (code: string) => (await get(`/api/units/${r.unit.slug}/permit-times?period=${code}`)).services.find((s: any) => s.slug === r.service.slug);
      const [before, after] = [await find('2026-Q2'), await find('2026-Q3')];
      expect(r.change.previous).toBe(before.medianDays);
      expect(r.change.current).toBe(after.medianDays);
      expect(r.n).toEqual({ previous: before.n, current: after.n });
      expect(Math.min(before.n, after.n)).toBeGreaterThanOrEqual(10);
      expect(r.ci95[0]).toBeLessThanOrEqual(r.ci95[1]);
      expect(r.significant).toBe(r.ci95[0] > 0 || r.ci95[1] < 0);
    }
    expect(seen.size).toBe(body.permitMedianDays.length);
  });
});

describe('a period in progress', () => {
  it('compares 2026-Q4 so far (1 October – 23 November) with the same span of 2026-Q3 (1 July – 23 August)', async () => {
    const body = await get('/api/improvement?period=2026-Q4');
    expect(body.period).toMatchObject({ code: '2026-Q4', from: '2026-10-01', to: '2026-11-23', partial: true });
    expect(body.previous).toMatchObject({ code: '2026-Q3', from: '2026-07-01', to: '2026-08-23' });
    expect(body.ikm.length).toBeGreaterThan(0);
    for (const r of body.ikm) {
      const before = await get(`/api/units/${r.unit.slug}/scores?from=2026-07-01&to=2026-08-23`);
      const after = await get(`/api/units/${r.unit.slug}/scores?from=2026-10-01&to=2026-11-23`);
      expect(r.change.previous, r.unit.slug).toBe(before.ikm);
      expect(r.change.current, r.unit.slug).toBe(after.ikm);
    }
  });

  it('compares a closed period whole', async () => {
    const body = await get('/api/improvement?period=2026-Q3');
    expect(body.period).toMatchObject({ from: '2026-07-01', to: '2026-09-30', partial: false });
    expect(body.previous).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
  });
});
