// Evaluators' reads (evaluator of a region: that region and below; national evaluator and admin: everything;
// staff: their own unit).
import { Hono } from 'hono';
import { exclusionReport } from '../../db/queries/integrity.ts';
import { kioskShares } from '../../db/queries/kiosks.ts';
import { permitExclusionReport } from '../../db/queries/permits.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { scopeOf } from '../auth/scope.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { notFound, validationFailed } from '../errors.ts';
import { requireUser } from '../middleware/session.ts';
import { periodFromQuery } from './period-query.ts';

export function evaluationRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>().get('/integrity/excluded', async (c) => {
    const user = requireUser(c);
    const scope = await scopeOf(db, user);
    const period = periodFromQuery(c.req.query(), now());
    const region = c.req.query('region');
    if (region && !/^[0-9.]{2,20}$/.test(region)) throw validationFailed({ region: 'must be a region code' });
    const codes = region ? await regionAndDescendants(db, region) : null;
    if (codes && codes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
    const [rows, permitItems, kioskShare] = await Promise.all([
      exclusionReport(db, scope, codes, period.from, period.to),
      permitExclusionReport(db, scope, codes, period.from, period.to),
      kioskShares(db, scope, codes, period.from, period.to),
    ]);
    return c.json({ period: { code: period.code, from: period.from, to: period.to }, items: rows, permitItems, kioskShare }, 200);
  });
}
