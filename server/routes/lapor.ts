// The SP4N-LAPOR! hand-off of a held comment that alleges misconduct (issue 27 item 7, decision 066), beside the
// review (mounted under /api/review): an evaluator of the unit's region or an administrator prepares the complaint
// (shown as text, downloadable as a JSON file), records LAPOR!'s tracking number, then the agency's answer. There is no
// connector to LAPOR! itself: its API is documented only to registered agencies.
import { Hono } from 'hono';
import { laporAnswerSchema, laporPrepareSchema, laporTrackingSchema } from '../../core/domain/lapor.ts';
import { isValidDate } from '../../core/domain/periods.ts';
import {
  laporHandoff, laporHandoffsDue, prepareLaporHandoff, recordLaporAnswer, recordLaporTracking, type LaporOutcome, type LaporRefusal,
} from '../../db/queries/lapor.ts';
import { scopeOf } from '../auth/scope.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';

const ID = /^[0-9a-zA-Z-]{1,64}$/;

function refusal(error: LaporRefusal): ApiError {
  switch (error) {
    case 'not_found':
      return notFound('A commented rating', 'comment_not_found');
    case 'forbidden':
      return new ApiError(403, 'forbidden', 'This comment belongs to a unit outside this account’s region.');
    case 'not_misconduct':
      return new ApiError(409, 'lapor_not_misconduct', 'Only a comment held because it alleges misconduct is handed to SP4N-LAPOR!.');
    case 'not_prepared':
      return new ApiError(409, 'lapor_not_prepared', 'Prepare the complaint for SP4N-LAPOR! first.');
    case 'not_forwarded':
      return new ApiError(409, 'lapor_not_forwarded', 'Record LAPOR!’s tracking number before the agency’s answer.');
    case 'already_forwarded':
      return new ApiError(409, 'lapor_already_forwarded', 'This complaint was already forwarded to SP4N-LAPOR! with a tracking number.');
    case 'already_answered':
      return new ApiError(409, 'lapor_already_answered', 'The agency’s answer to this complaint is already recorded.');
    case 'date_in_future':
      return validationFailed({ date: 'must not be after today' });
    case 'date_before_held':
      return validationFailed({ forwardedOn: 'must not be before the day the comment arrived' });
    case 'date_before_forwarded':
      return validationFailed({ answeredOn: 'must not be before the day the complaint was forwarded' });
  }
}

function answer(outcome: LaporOutcome) {
  if (!outcome.ok) throw refusal(outcome.error);
  return outcome.handoff;
}

export function laporRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/lapor', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const dueBy = c.req.query('dueBy');
      if (dueBy !== undefined && !isValidDate(dueBy)) throw validationFailed({ dueBy: 'must be a date YYYY-MM-DD' });
      const items = await laporHandoffsDue(db, now(), { scope: await scopeOf(db, user), dueBy });
      return c.json({ items }, 200);
    })
    .get('/comments/:id/lapor', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const id = c.req.param('id');
      if (!ID.test(id)) throw refusal('not_found');
      return c.json(answer(await laporHandoff(db, await scopeOf(db, user), id, now())), 200);
    })
    .get('/comments/:id/lapor.json', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const id = c.req.param('id');
      if (!ID.test(id)) throw refusal('not_found');
      const handoff = answer(await laporHandoff(db, await scopeOf(db, user), id, now()));
      c.header('Content-Disposition', `attachment; filename="sp4n-lapor-${id.slice(0, 8)}.json"`);
      c.header('Cache-Control', 'no-store');
      return c.json(handoff.complaint, 200);
    })
    .post('/comments/:id/lapor', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const changes = parseWith(laporPrepareSchema, await readJsonBody(c));
      const id = c.req.param('id');
      if (!ID.test(id)) throw refusal('not_found');
      return c.json(answer(await prepareLaporHandoff(db, await scopeOf(db, user), id, changes, user.id, now())), 200);
    })
    .post('/comments/:id/lapor/tracking', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const input = parseWith(laporTrackingSchema, await readJsonBody(c));
      const id = c.req.param('id');
      if (!ID.test(id)) throw refusal('not_found');
      return c.json(answer(await recordLaporTracking(db, await scopeOf(db, user), id, input, user.id, now())), 200);
    })
    .post('/comments/:id/lapor/answer', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const input = parseWith(laporAnswerSchema, await readJsonBody(c));
      const id = c.req.param('id');
      if (!ID.test(id)) throw refusal('not_found');
      return c.json(answer(await recordLaporAnswer(db, await scopeOf(db, user), id, input, user.id, now())), 200);
    });
}
