import type { Kysely } from 'kysely';
import type { PublicComment } from '../../core/api-types.ts';
import type { Database } from '../../core/schema.ts';
import { commentIsPublic } from './comment-review.ts';


/** How many public comments (the same rule as publicComments) a unit has from one local date to another. */
export async function countPublicComments(db: Kysely<Database>, unitId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('responses.unit_id', '=', unitId)
    .where('responses.local_date', '>=', from)
    .where('responses.local_date', '<=', to)
    .where('responses.comment', 'is not', null)
    .where('responses.comment_hidden_at', 'is', null)
    .where(commentIsPublic)
    .where('responses.exclusion_reason', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The nine answers behind a unit's public comments (the same rule as publicComments) from one local date to another,
 * as distinct answer patterns with how many comments share each: what an annual report groups its suggestions by
 * (core/domain/suggestion-groups.ts), bounded however many comments there are.
 */
export async function publicCommentAnswers(db: Kysely<Database>, unitId: string, from: string, to: string): Promise<{ answers: number[]; count: number }[]> {
  const cols = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
  const rows = await db
    .selectFrom('responses')
    .select([...cols.map((c) => `responses.${c}` as const), (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('responses.unit_id', '=', unitId)
    .where('responses.local_date', '>=', from)
    .where('responses.local_date', '<=', to)
    .where('responses.comment', 'is not', null)
    .where('responses.comment_hidden_at', 'is', null)
    .where(commentIsPublic)
    .where('responses.exclusion_reason', 'is', null)
    .groupBy(cols.map((c) => `responses.${c}` as const))
    .execute();
  return rows.map((r) => ({ answers: cols.map((c) => Number(r[c])), count: Number(r.count) }));
}

/**
 * A unit's public comments, newest day first: already redacted when stored; hidden comments, comments of excluded
 * ratings and comments waiting for review or withheld by a reviewer (decision 019) are left out. Keyset pagination on
 * (local_date, id). The day only, never the time: whoever served a resident could otherwise find their comment, and
 * through it their rating and profile (issue 15, finding 8).
 */
export async function publicComments(
  db: Kysely<Database>,
  unitId: string,
  limit: number,
  before?: { localDate: string; id: string },
  range?: { from: string; to: string },
): Promise<PublicComment[]> {
  let query = db
    .selectFrom('responses')
    .leftJoin('services', 'services.id', 'responses.service_id')
    .select([
      'responses.id as id', 'responses.local_date as localDate',
      'responses.comment as comment', 'services.slug as serviceSlug', 'services.name as serviceName',
    ])
    .where('responses.unit_id', '=', unitId)
    .where('responses.comment', 'is not', null)
    .where('responses.comment_hidden_at', 'is', null)
    .where(commentIsPublic)
    .where('responses.exclusion_reason', 'is', null);
  if (range) query = query.where('responses.local_date', '>=', range.from).where('responses.local_date', '<=', range.to);
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('responses.local_date', '<', before.localDate),
        eb.and([eb('responses.local_date', '=', before.localDate), eb('responses.id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('responses.local_date', 'desc').orderBy('responses.id', 'desc').limit(limit).execute();
  const replies = rows.length
    ? await db
        .selectFrom('replies')
        .select(['response_id', 'body', 'created_at'])
        .where('response_id', 'in', rows.map((r) => r.id))
        .orderBy('created_at')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    localDate: r.localDate,
    service: r.serviceSlug && r.serviceName ? { slug: r.serviceSlug, name: r.serviceName } : null,
    comment: r.comment!,
    replies: replies.filter((x) => x.response_id === r.id).map((x) => ({ body: x.body, createdAt: x.created_at })),
  }));
}
