// PEER BASELINE, BENCHMARK ONLY: nothing in the portal uses this file.
//
// The same two score reads as server/routes/scores.ts (a unit's scores with its trend, and a scoreboard), computed
// the way typical e-SKM apps compute them: a plain GROUP BY over the raw `responses` table on every request, with no
// rollups. The answers are built by the same domain functions from the same sums, so the JSON is the same as Rapor's
// (bench/scores.ts checks that at the smallest size) and only the way the sums are read differs. The peer has the
// benefit of Rapor's responses index on (unit_id, local_date); it keeps Rapor's rule that an excluded response counts
// only in n_excluded. SQL lives here, not in db/queries/, on purpose: it is a foil for the benchmark, not a query of
// the portal.
import { Hono } from 'hono';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../core/schema.ts';
import { boardEntries } from '../server/views/scoreboard.ts';
import { regionAndDescendants } from '../db/queries/regions.ts';
import { unitsForBoard } from '../db/queries/scores.ts';
import { daysInclusive, trendPeriods, type Period } from '../core/domain/periods.ts';
import { sampleTarget } from '../core/domain/sample-size.ts';
import { rankUnits, sampleFlags, serviceScores, summarise, totalOf, weakestElements, type Sums } from '../core/domain/scores.ts';
import { ApiError } from '../server/errors.ts';
import { periodFromQuery } from '../server/routes/period-query.ts';
import { requireUnit } from '../server/routes/units.ts';

type Row = Record<string, number | string | null> & { key: string };
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
const TOTAL = sql`(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9)`;
const kept = (expr: RawBuilder<unknown>) => sql`sum(case when exclusion_reason is null then ${expr} end)`;

/** The peer's one query shape: every sum of the rollups, recounted from the responses of a date range. */
async function peerSums(db: Kysely<Database>, key: RawBuilder<unknown>, where: RawBuilder<unknown>): Promise<Map<string, Sums>> {
  const elements = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => sql`${kept(sql.ref(`u${i}`))} as ${sql.ref(`s${i}`)}`);
  const { rows } = await sql<Row>`select ${key} as key,
      sum(case when exclusion_reason is null then 1 else 0 end) as n,
      sum(case when exclusion_reason is null and verified = 1 then 1 else 0 end) as nv,
      sum(case when exclusion_reason is null then 0 else 1 end) as nx,
      ${sql.join(elements)},
      ${kept(TOTAL)} as t, ${kept(sql`${TOTAL} * ${TOTAL}`)} as tsq,
      ${kept(sql`case when verified = 1 then ${TOTAL} else 0 end`)} as vt,
      ${kept(sql`case when verified = 1 then ${TOTAL} * ${TOTAL} else 0 end`)} as vtsq
    from responses ${where} group by ${key}`.execute(db);
  return new Map(rows.map((r) => [String(r.key), {
    n: num(r.n), nVerified: num(r.nv), nExcluded: num(r.nx),
    elementSums: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => num(r[`s${i}`])),
    total: num(r.t), totalSq: num(r.tsq), verifiedTotal: num(r.vt), verifiedTotalSq: num(r.vtsq),
  }]));
}

/** An app answering GET /api/units/:slug/scores and GET /api/scoreboard like Rapor, from the raw responses. */
export function createPeerApp(db: Kysely<Database>, now: () => Date): Hono {
  const app = new Hono();
  app.onError((error, c) => (error instanceof ApiError ? c.json({ error: error.code }, error.status) : c.json({ error: String(error) }, 500)));
  app.get('/api/units/:slug/scores', async (c) => {
    const unit = await requireUnit(db, c.req.param('slug'));
    const period = periodFromQuery(c.req.query(), now());
    if (period.kind === 'range') throw new Error('the peer baseline reads named periods only');
    // The same periods as the route (one rule, core/domain/periods.ts), so the answers can be compared.
    const trend = trendPeriods(period, now().toISOString().slice(0, 10));
    const inUnit = (from: string, to: string) => sql`where unit_id = ${unit.id} and local_date between ${from} and ${to}`;
    const [byServiceMap, byMonthMap] = await Promise.all([
      peerSums(db, sql`coalesce(service_id, '')`, inUnit(period.from, period.to)),
      peerSums(db, sql`substr(local_date, 1, 7)`, inUnit(trend[0]!.from, trend[trend.length - 1]!.to)),
    ]);
    const byService = [...byServiceMap].map(([serviceId, sums]) => ({ serviceId, sums }));
    const byMonth = [...byMonthMap].map(([month, sums]) => ({ month, sums }));
    const total = totalOf(byService.map((s) => s.sums));
    const summary = summarise(total);
    const declared = unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0) || null;
    const target = sampleTarget(declared, daysInclusive(period.from, period.to));
    const { ikmExact: _exact, ...published } = summary;
    const perService = serviceScores(unit.services, byService, daysInclusive(period.from, period.to));
    const points = trend.map((p) => {
      const s = summarise(totalOf(byMonth.filter((m) => m.month >= p.from.slice(0, 7) && m.month <= p.to.slice(0, 7)).map((m) => m.sums)));
      const pointTarget = sampleTarget(declared, daysInclusive(p.from, p.to));
      return { period: p.code, from: p.from, to: p.to, n: s.n, ikm: s.ikm, mutu: s.mutu, sampleTarget: pointTarget, provisional: sampleFlags(s.n, pointTarget).provisional };
    });
    const first = points.findIndex((p) => p.n > 0);
    return c.json({
      unit: { slug: unit.slug, name: unit.name },
      period: { code: period.code, from: period.from, to: period.to },
      ...published,
      sampleTarget: target,
      ...sampleFlags(summary.n, target),
      weakest: weakestElements(total).map((e) => e.code),
      services: perService.services,
      servicesSampleAdequate: perService.servicesSampleAdequate,
      trend: first === -1 ? points.slice(-1) : points.slice(first),
    });
  });
  app.get('/api/scoreboard', async (c) => {
    const { region, kind } = c.req.query();
    const period = periodFromQuery(c.req.query(), now());
    const regionCodes = region ? await regionAndDescendants(db, region) : null;
    const conditions = [sql`local_date between ${period.from} and ${period.to}`];
    if (regionCodes || kind) {
      const unitWhere = [
        ...(regionCodes ? [sql`region_code in (${sql.join(regionCodes)})`] : []),
        ...(kind ? [sql`kind = ${kind}`] : []),
      ];
      conditions.push(sql`unit_id in (select id from units where ${sql.join(unitWhere, sql` and `)})`);
    }
    const [units, sums] = await Promise.all([
      unitsForBoard(db, regionCodes, kind || null),
      peerSums(db, sql`unit_id`, sql`where ${sql.join(conditions, sql` and `)}`),
    ]);
    const board = rankUnits(
      boardEntries(units, sums),
      daysInclusive(period.from, period.to),
    );
    return c.json({
      period: { code: period.code, from: period.from, to: period.to },
      region: region || null,
      priorMean: board.priorMean === null ? null : Math.round(board.priorMean * 100) / 100,
      ranked: board.ranked,
      insufficient: board.insufficient,
    });
  });
  return app;
}
