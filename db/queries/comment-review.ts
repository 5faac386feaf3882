// Review of comments that name a person or allege misconduct (decision 019): the review state stored with a new
// rating, the reviewers' queue (evaluators: their region; administrators: everything) and their decisions, audited.
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { commentReviewNeeded, type CommentReviewState, type ReviewDecision } from '../../core/domain/comment-review.ts';
import type { CommentReviewItem } from '../../core/api-types.ts';
import type { Database, NewResponse } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';
import { unitsInScope, type Scope } from './scope.ts';

export type CommentReviewColumns = Required<Pick<NewResponse, 'comment_review_flags'>> & { comment_review: 'pending' | null };

/**
 * The review columns of a new rating's row, from its (already redacted) comment: spread them into the insert of
 * `responses` (db/queries/ratings.ts insertRating), so that the row and its review state are written together.
 * `comment_review` is 'pending' when the text must wait for review, else null.
 */
export function commentReviewColumns(comment: string | null): CommentReviewColumns {
  const { review, reasons } = commentReviewNeeded(comment);
  return review ? { comment_review: 'pending', comment_review_flags: reasons.join(',') } : { comment_review: null, comment_review_flags: null };
}

/** For a rating's answer (first or replayed): 'pending' when its comment was held for review when it arrived. */
export function ackCommentReview(row: { comment_review_flags: string | null }): 'pending' | undefined {
  return row.comment_review_flags ? 'pending' : undefined;
}

/** The condition that keeps only comments whose text may be shown to the public and to the unit. */
export function commentIsPublic(eb: ExpressionBuilder<Database, 'responses'>) {
  return eb.or([eb('responses.comment_review', 'is', null), eb('responses.comment_review', '=', 'published')]);
}

/** The review state and flags of one of a unit's ratings; undefined when the unit has no such rating. */
export async function commentReviewOf(
  db: Kysely<Database> | Transaction<Database>, unitId: string, responseId: string,
): Promise<{ state: CommentReviewState | null; flags: string | null } | undefined> {
  const row = await db
    .selectFrom('responses')
    .select(['comment_review', 'comment_review_flags'])
    .where('unit_id', '=', unitId)
    .where('id', '=', responseId)
    .executeTakeFirst();
  return row && { state: row.comment_review as CommentReviewState | null, flags: row.comment_review_flags };
}

/** A queue item: the API's shape (core/api-types.ts), written once. */
export type ReviewItem = CommentReviewItem;

/**
 * Comments in a review state within the scope, oldest first (a queue), keyset on (created_at, id). Only a
 * reviewer's scope is passed here: evaluators see their region and below, administrators everything.
 */
export async function reviewQueue(
  db: Kysely<Database>, scope: Scope, state: CommentReviewState, limit: number, after?: { createdAt: string; id: string },
): Promise<(ReviewItem & { createdAt: string })[]> {
  let q = db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .leftJoin('services', 'services.id', 'responses.service_id')
    .leftJoin('users', 'users.id', 'responses.comment_reviewed_by')
    .select([
      'responses.id as id', 'responses.created_at as createdAt', 'responses.local_date as localDate', 'responses.comment as comment',
      'responses.comment_review as commentReview', 'responses.comment_review_flags as flags', 'responses.exclusion_reason as exclusionReason',
      'responses.comment_review_reason as reason', 'responses.comment_reviewed_at as reviewedAt', 'users.name as reviewedBy',
      'units.slug as unitSlug', 'units.name as unitName', 'units.region_code as regionCode',
      'services.slug as serviceSlug', 'services.name as serviceName',
    ])
    .where(unitsInScope(scope))
    .where('responses.comment_review', '=', state)
    .where('responses.comment', 'is not', null);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('responses.created_at', '>', after.createdAt),
        eb.and([eb('responses.created_at', '=', after.createdAt), eb('responses.id', '>', after.id)]),
      ]),
    );
  }
  const rows = await q.orderBy('responses.created_at').orderBy('responses.id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    unit: { slug: r.unitSlug, name: r.unitName, regionCode: r.regionCode },
    service: r.serviceSlug && r.serviceName ? { slug: r.serviceSlug, name: r.serviceName } : null,
    localDate: r.localDate,
    comment: r.comment!,
    flags: r.flags ? r.flags.split(',') : [],
    commentReview: r.commentReview as CommentReviewState,
    counted: r.exclusionReason === null,
    review: r.reviewedAt ? { reason: r.reason, reviewedAt: r.reviewedAt, reviewedBy: r.reviewedBy } : null,
  }));
}

export type ReviewOutcome =
  | { ok: true; id: string; commentReview: 'published' | 'withheld'; reviewedAt: string }
  | { ok: false; error: 'not_found' };

/**
 * A reviewer's decision on a commented rating within their scope: publish the text or withhold it. Any state may be
 * decided again (a reviewer can withhold a comment the rules missed, or undo a decision); each decision is audited.
 */
export async function decideCommentReview(
  db: Kysely<Database>, scope: Scope, responseId: string, decision: ReviewDecision, reason: string | null, userId: string, now: Date,
): Promise<ReviewOutcome> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('responses')
      .innerJoin('units', 'units.id', 'responses.unit_id')
      .select(['responses.id as id', 'responses.unit_id as unitId', 'responses.comment_review as previous', 'responses.comment_review_flags as flags'])
      .where(unitsInScope(scope))
      .where('responses.id', '=', responseId)
      .where('responses.comment', 'is not', null)
      .executeTakeFirst();
    if (!r) return { ok: false, error: 'not_found' } as const;
    const state = decision === 'publish' ? 'published' : 'withheld';
    const at = now.toISOString();
    await trx
      .updateTable('responses')
      .set({ comment_review: state, comment_review_reason: reason, comment_reviewed_by: userId, comment_reviewed_at: at })
      .where('id', '=', r.id)
      .execute();
    await writeAudit(trx, {
      userId, action: 'comment.review', unitId: r.unitId, target: r.id,
      details: { decision, reason, previous: r.previous, flags: r.flags ? r.flags.split(',') : [] },
    }, now);
    return { ok: true, id: r.id, commentReview: state, reviewedAt: at } as const;
  });
}
