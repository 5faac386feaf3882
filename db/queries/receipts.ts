import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';

/**
 * What a resident's receipt may show (issue 17, /tanda-terima/{receipt}): the unit, the day, the state of the comment and
 * the unit's replies. Never the answers, the profile, the time or anything else about who rated.
 */
export async function ratingByReceipt(db: Kysely<Database>, receipt: string) {
  const row = await db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .select([
      'responses.id as id', 'responses.local_date as localDate', 'responses.comment as comment',
      'responses.comment_hidden_reason as hiddenReason', 'responses.comment_review as review',
      'units.slug as unitSlug', 'units.name as unitName',
    ])
    .where('responses.receipt', '=', receipt)
    .executeTakeFirst();
  if (!row) return undefined;
  const replies = await db.selectFrom('replies').select(['body', 'created_at']).where('response_id', '=', row.id).orderBy('created_at').execute();
  return {
    localDate: row.localDate,
    unit: { slug: row.unitSlug, name: row.unitName },
    comment: { present: row.comment !== null, hiddenReason: row.hiddenReason, review: row.review },
    replies: replies.map((r) => ({ body: r.body, createdAt: r.created_at })),
  };
}
