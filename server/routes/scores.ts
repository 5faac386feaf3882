import { Hono } from 'hono';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { sumsByUnit, unitsForBoard } from '../../db/queries/scores.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import { daysInclusive } from '../../core/domain/periods.ts';
import { emptySums, rankUnits } from '../../core/domain/scores.ts';
import type { Scoreboard } from '../../core/api-types.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, validationFailed } from '../errors.ts';
import { unitScores } from '../views/unit-scores.ts';
import { periodFromQuery } from './period-query.ts';
import { requireUnit } from './units.ts';

/** The public scores (under /units) and the scoreboard, with the small-cell rule always applied (decision 047). */
export function scoreRoutes({ db, now }: AppDeps) {
  const minimum = () => minPublicRatings(db);
  const units = new Hono()
    .get('/:slug/scores', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      return c.json(await unitScores(db, unit, periodFromQuery(c.req.query(), now()), now(), await minimum()), 200);
    });
  const scoreboard = new Hono()
    .get('/', async (c) => {
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
        } satisfies Scoreboard,
        200,
      );
    });
  return { units, scoreboard };
}
