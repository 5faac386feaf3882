import { Hono } from 'hono';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { sumsByUnit, unitSumsByMonth, unitSumsByService, unitsForBoard } from '../../db/queries/scores.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import { visitCodesOfPeriod } from '../../db/queries/visit-codes.ts';
import { daysInclusive, trendPeriods, type Period } from '../../core/domain/periods.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { emptySums, lowestElements, rankUnits, sampleFlags, serviceScores, summarise, totalOf, weakestElements, type Sums } from '../../core/domain/scores.ts';
import { isBelowMinimum, publicIkm, publicSummary } from '../../core/domain/small-cells.ts';
import { isTimeZone } from '../../core/domain/time-zones.ts';
import { localDayBounds } from '../../core/domain/unit-limits.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, validationFailed } from '../errors.ts';
import { periodFromQuery } from './period-query.ts';
import { requireUnit } from './units.ts';

/** A trend starts at the first period with ratings; the requested period is always the last entry. */
function trimLeadingEmpty<T extends { n: number }>(points: T[]): T[] {
  const first = points.findIndex((p) => p.n > 0);
  return first === -1 ? points.slice(-1) : points.slice(first);
}

/**
 * The public scores (and the scoreboard). `exact`: the figures without the small-cell rule, for the SKM report of the
 * unit's own staff and its evaluators (server/report/skm-file-data.ts); the HTTP routes always apply it (decision 047).
 */
export function scoreRoutes({ db, now }: AppDeps, { exact = false }: { exact?: boolean } = {}) {
  // k of the small-cell rule; 0 publishes every figure (the exact, private use).
  const minimum = async () => (exact ? 0 : minPublicRatings(db));
  return new Hono()
    .get('/units/:slug/scores', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      const period = periodFromQuery(c.req.query(), now());
      const trend = trendPeriods(period, now().toISOString().slice(0, 10));
      const tz = isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta';
      const [byService, byMonth, k, codes] = await Promise.all([
        unitSumsByService(db, unit.id, period.from, period.to),
        unitSumsByMonth(db, unit.id, trend[0]!.from, trend[trend.length - 1]!.to),
        minimum(),
        visitCodesOfPeriod(db, unit.id, localDayBounds(period.from, tz).start, localDayBounds(period.to, tz).end),
      ]);
      const total = totalOf(byService.map((s) => s.sums));
      const summary = summarise(total);
      const declared = unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0) || null;
      const target = sampleTarget(declared, daysInclusive(period.from, period.to));
      const { ikmExact: _exact, ...published } = summary;
      // The unit-wide flag grades the unit's IKM; each service carries its own (docs/decisions/023-sample-adequacy.md).
      const perService = serviceScores(unit.services, byService, daysInclusive(period.from, period.to));
      return c.json(
        {
          unit: { slug: unit.slug, name: unit.name },
          period: { code: period.code, from: period.from, to: period.to },
          ...publicSummary(published, k),
          // Figures behind fewer ratings than this are withheld (null) in public: "kurang dari k penilaian".
          minPublicRatings: k,
          // Beside nVerified and ikmVerified: the codes the unit issued in the period against those used (issue 24 F6),
          // so a unit that mints far more codes than its visitors use shows it.
          visitCodesIssued: codes.issued,
          visitCodesUsed: codes.used,
          sampleTarget: target,
          ...sampleFlags(summary.n, target),
          // The three weakest elements by their exact NRR (issue 16), weakest first.
          weakest: isBelowMinimum(summary.n, k) ? [] : weakestElements(total).map((e) => e.code),
          // Every element tied for the lowest exact NRR: each is marked "terendah" (issue 25, item 6).
          lowest: isBelowMinimum(summary.n, k) ? [] : lowestElements(total),
          services: perService.services.map((sv) => publicIkm(sv, k)),
          servicesSampleAdequate: perService.servicesSampleAdequate,
          trend: trimLeadingEmpty(
            trend.map((p) => {
              const sums: Sums = totalOf(byMonth.filter((m) => m.month >= p.from.slice(0, 7) && m.month <= p.to.slice(0, 7)).map((m) => m.sums));
              const s = summarise(sums);
              const pointTarget = sampleTarget(declared, daysInclusive(p.from, p.to));
              return publicIkm({ period: p.code, from: p.from, to: p.to, n: s.n, ikm: s.ikm, mutu: s.mutu, sampleTarget: pointTarget, provisional: sampleFlags(s.n, pointTarget).provisional }, k);
            }),
          ),
        },
        200,
      );
    })
    .get('/scoreboard', async (c) => {
      const { region, kind } = c.req.query();
      const fields: Record<string, string> = {};
      if (region && !/^[0-9.]{2,20}$/.test(region)) fields.region = 'must be a region code';
      if (kind && !/^[a-z-]{2,30}$/.test(kind)) fields.kind = 'must be a unit kind';
      if (Object.keys(fields).length) throw validationFailed(fields);
      const period = periodFromQuery(c.req.query(), now());
      let regionCodes: string[] | null = null;
      if (region) {
        regionCodes = await regionAndDescendants(db, region);
        if (regionCodes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
      }
      const [units, sums, k] = await Promise.all([
        unitsForBoard(db, regionCodes, kind || null),
        sumsByUnit(db, regionCodes, kind || null, period.from, period.to),
        minimum(),
      ]);
      const board = rankUnits(
        units.map((u) => ({
          unit: { slug: u.slug, name: u.name, kind: u.kind, region: { code: u.regionCode, name: u.regionName } },
          sums: sums.get(u.id) ?? emptySums(),
          declaredUsers: u.declaredUsers,
        })),
        daysInclusive(period.from, period.to),
        // A unit ranks only with at least k ratings as well as its sample target (decision 047).
        k,
      );
      return c.json(
        {
          period: { code: period.code, from: period.from, to: period.to },
          region: region || null,
          priorMean: board.priorMean === null ? null : Math.round(board.priorMean * 100) / 100,
          ranked: board.ranked,
          insufficient: board.insufficient,
        },
        200,
      );
    });
}
