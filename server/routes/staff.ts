// The unit workspace: ratings with profiles, replies, moderation, and the respondent profile tables.
import { Hono } from 'hono';
import * as v from 'valibot';
import { MODERATION_REASONS, hideResponse, restoreResponse } from '../../db/queries/moderation.ts';
import { addReply } from '../../db/queries/replies.ts';
import { refuseUnitModerationOfReviewedComment, replyRefused } from './comment-review.ts';
import { listResponses, profileRows } from '../../db/queries/workspace.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import { redactPersonalData } from '../../core/domain/redaction.ts';
import { tabulateProfile } from '../../core/domain/respondent-profile.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { replyPublished } from '../webhooks/events.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { parseWith } from '../validate.ts';
import { decodeCursor, encodeCursor, parseLimit } from './pagination.ts';
import { periodFromQuery } from './period-query.ts';
import { requireWorkspace } from './workspace-guard.ts';
import { queueReplyNotice } from '../mail/reply-notice.ts';

export const replySchema = v.object({ body: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(2000, 'must be at most 2000 characters')) });
const noteSchema = v.optional(v.pipe(v.string('must be text'), v.maxLength(500, 'must be at most 500 characters')), '');
export const hideSchema = v.object({ reason: v.picklist(MODERATION_REASONS, `must be one of ${MODERATION_REASONS.join(', ')}`), note: noteSchema });
export const restoreSchema = v.object({ note: noteSchema });
const STATUSES = ['accepted', 'verified', 'excluded'] as const;

/** Why a staff moderation action was refused (docs/decisions/021-closed-periods.md). */
function moderationRefusal(error: 'not_found' | 'integrity_exclusion' | 'note_required' | 'approval_pending'): ApiError {
  switch (error) {
    case 'not_found':
      return notFound('A rating of this unit', 'response_not_found');
    case 'note_required':
      return validationFailed({ note: 'is required: say why a rating without a comment is spam' });
    case 'integrity_exclusion':
      return new ApiError(403, 'integrity_exclusion', 'The integrity checks held this rating back; only an evaluator of the region or an administrator can put it back, with a written reason.');
    case 'approval_pending':
      return new ApiError(409, 'approval_pending', 'A request about this rating already waits for an evaluator.');
  }
}

export function staffRoutes(deps: AppDeps) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .get('/units/:slug/responses', async (c) => {
      const { scope, unit } = await requireWorkspace(c, db);
      const q = c.req.query();
      const period = periodFromQuery(q, now());
      if (q.status && !(STATUSES as readonly string[]).includes(q.status)) throw validationFailed({ status: 'must be accepted, verified or excluded' });
      if (q.service && !/^[a-z0-9-]{1,80}$/.test(q.service)) throw validationFailed({ service: 'must be a service slug' });
      const limit = parseLimit(q.limit, 50);
      // Staff see the day of a rating, never its time (docs/decisions/021-closed-periods.md): the cursor holds the day too.
      const after = decodeCursor(q.cursor, ['localDate', 'id'] as const);
      const rows = await listResponses(db, scope, unit.id, {
        from: period.from, to: period.to, serviceSlug: q.service || undefined,
        status: (q.status || undefined) as (typeof STATUSES)[number] | undefined, withComment: q.withComment === 'true',
      }, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json({
        period: { code: period.code, from: period.from, to: period.to },
        items: page.map((r) => ({
          id: r.id, receipt: r.receipt, localDate: r.localDate, channel: r.channel,
          service: r.serviceSlug ? { slug: r.serviceSlug, name: r.serviceName } : null,
          answers: { U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 },
          respondent: { gender: r.gender, age: r.age, education: r.education, occupation: r.occupation },
          comment: r.comment, commentReview: r.commentReview, commentHidden: r.commentHiddenReason,
          status: r.exclusionReason ? 'excluded' : r.verified ? 'verified' : 'accepted', exclusionReason: r.exclusionReason,
          replies: r.replies,
          pendingApproval: r.pendingAction ?? null,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor({ localDate: last.localDate, id: last.id }) : null,
      }, 200);
    })
    .get('/units/:slug/profile', async (c) => {
      const { scope, unit } = await requireWorkspace(c, db);
      const period = periodFromQuery(c.req.query(), now());
      const tables = tabulateProfile(await profileRows(db, scope, unit.id, period.from, period.to));
      return c.json({ period: { code: period.code, from: period.from, to: period.to }, ...tables }, 200);
    })
    .post('/units/:slug/responses/:id/replies', async (c) => {
      const { user, scope, unit } = await requireWorkspace(c, db);
      const { body } = parseWith(replySchema, await readJsonBody(c));
      const at = now();
      // Replies are public: they get the same masking of personal data as residents' comments.
      // A resident who left an address on the receipt is told in the reply's own transaction (decision 063), and the
      // reply.published webhook event is queued there too (decision 064).
      const replyId = uuidV7(at.getTime());
      const reply = await addReply(db, scope, unit.id, c.req.param('id'), { id: replyId, body: redactPersonalData(body), userId: user.id }, at,
        async (trx) => {
          await replyPublished(trx, deps, unit, replyId, at);
          await queueReplyNotice(trx, deps, c.req.param('id'));
        });
      if (!reply) throw notFound('A commented rating of this unit', 'response_not_found');
      if (typeof reply === 'string') throw replyRefused(reply);
      return c.json(reply, 201);
    })
    .post('/units/:slug/responses/:id/hide', async (c) => {
      const { user, scope, unit } = await requireWorkspace(c, db);
      const { reason, note } = parseWith(hideSchema, await readJsonBody(c));
      await refuseUnitModerationOfReviewedComment(db, user, unit.id, c.req.param('id'));
      const result = await hideResponse(db, scope, unit.id, c.req.param('id'), reason, note, user.id, now());
      if (!result.ok) throw moderationRefusal(result.error);
      if (result.pending) return c.json({ id: c.req.param('id'), pendingApproval: true, requestId: result.requestId }, 202);
      return c.json({ id: c.req.param('id'), commentHidden: reason, excluded: result.excluded }, 200);
    })
    .post('/units/:slug/responses/:id/restore', async (c) => {
      const { user, scope, unit } = await requireWorkspace(c, db);
      const { note } = parseWith(restoreSchema, await readJsonBody(c));
      await refuseUnitModerationOfReviewedComment(db, user, unit.id, c.req.param('id'));
      const result = await restoreResponse(db, scope, unit.id, c.req.param('id'), note, user.id, now());
      if (!result.ok) throw moderationRefusal(result.error);
      if (result.pending) return c.json({ id: c.req.param('id'), pendingApproval: true, requestId: result.requestId }, 202);
      return c.json({ id: c.req.param('id'), commentHidden: null, excluded: false }, 200);
    });
}
