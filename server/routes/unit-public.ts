// A unit's public comments (with its replies) and its follow-up plan (the answers are server/views/unit-public.ts's,
// which the unit's page shows too).
import { Hono } from 'hono';
import type { FollowUpsPublic, Page, PublicComment } from '../../core/api-types.ts';
import type { AppDeps } from '../deps.ts';
import { unitComments, unitFollowUps } from '../views/unit-public.ts';
import { decodeCursor, parseLimit } from './pagination.ts';
import { requireUnit } from './units.ts';

export function unitPublicRoutes({ db, now }: AppDeps) {
  return new Hono()
    .get('/:slug/comments', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      const limit = parseLimit(c.req.query('limit'), 20);
      const after = decodeCursor(c.req.query('cursor'), ['localDate', 'id'] as const);
      return c.json((await unitComments(db, unit, limit, after)) satisfies Page<PublicComment>, 200);
    })
    .get('/:slug/follow-ups', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      return c.json((await unitFollowUps(db, unit, now())) satisfies FollowUpsPublic, 200);
    });
}
