import { Hono } from 'hono';
import { minPublicRatings } from '../../db/queries/settings.ts';
import type { Scoreboard } from '../../core/api-types.ts';
import type { AppDeps } from '../deps.ts';
import { scoreboard, scoreboardQuery } from '../views/scoreboard.ts';
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
  const scoreboardApp = new Hono()
    .get('/', async (c) => c.json(await scoreboard(db, scoreboardQuery(c.req.query(), now())) satisfies Scoreboard, 200));
  return { units, scoreboard: scoreboardApp };
}
