// Review of comments that name a person or allege misconduct (decision 019), by someone outside the unit: an
// evaluator sees and decides the comments of their region (and below), an administrator all of them; staff never.
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../core/schema.ts';
import { commentReviewOf, decideCommentReview, reviewQueue } from '../../db/queries/comment-review.ts';
import { scopeOf } from '../auth/scope.ts';
import { COMMENT_REVIEW_STATES, reviewDecisionSchema, type CommentReviewState } from '../../core/domain/comment-review.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';
import { decodeCursor, encodeCursor, parseLimit } from './pagination.ts';

export const commentUnderReview = () =>
  new ApiError(409, 'comment_under_review', 'This comment waits for review by an evaluator of the region or an administrator; the unit cannot publish, hide or answer it until then.');

/** The 409 for a reply that addReply refused (db/queries/replies.ts). */
export function replyRefused(reason: 'comment_under_review' | 'comment_withheld'): ApiError {
  return reason === 'comment_under_review'
    ? commentUnderReview()
    : new ApiError(409, 'comment_withheld', 'A reviewer withheld this comment; it is not public, so it cannot be answered in public.');
}

/**
 * Before a unit hides or restores a comment (server/routes/staff.ts): a comment waiting for review is nobody's to
 * moderate in the workspace, and once reviewed, a comment that named a person or alleged misconduct stays the
 * reviewers' decision (staff may not hide what a reviewer published, nor restore what one withheld).
 */
export async function refuseUnitModerationOfReviewedComment(db: Kysely<Database>, user: User, unitId: string, responseId: string): Promise<void> {
  const review = await commentReviewOf(db, unitId, responseId);
  if (!review?.state) return;
  if (review.state === 'pending') throw commentUnderReview();
  if (user.role === 'staff') {
    throw new ApiError(409, 'comment_reviewed', 'An evaluator of the region or an administrator decided about this comment; ask them to change the decision.');
  }
}

export function commentReviewRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/comments', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const q = c.req.query();
      const status = (q.status || 'pending') as CommentReviewState;
      if (!(COMMENT_REVIEW_STATES as readonly string[]).includes(status)) throw validationFailed({ status: `must be one of ${COMMENT_REVIEW_STATES.join(', ')}` });
      const limit = parseLimit(q.limit, 50);
      const after = decodeCursor(q.cursor, ['createdAt', 'id'] as const);
      const rows = await reviewQueue(db, await scopeOf(db, user), status, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json({
        status,
        items: page.map(({ createdAt: _, ...item }) => item),
        nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
      }, 200);
    })
    .post('/comments/:id', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const { decision, reason } = parseWith(reviewDecisionSchema, await readJsonBody(c));
      const id = c.req.param('id');
      const result = /^[0-9a-zA-Z-]{1,64}$/.test(id)
        ? await decideCommentReview(db, await scopeOf(db, user), id, decision, reason || null, user.id, now())
        : ({ ok: false, error: 'not_found' } as const);
      if (!result.ok) throw notFound('A commented rating in this account’s region', 'comment_not_found');
      return c.json({ id: result.id, commentReview: result.commentReview, reviewedAt: result.reviewedAt }, 200);
    });
}
