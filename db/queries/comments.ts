import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { commentIsPublic } from './comment-review.ts';

export interface PublicComment {
  id: string;
  createdAt: string;
  localDate: string;
  service: { slug: string; name: string } | null;
  comment: string;
  replies: { body: string; createdAt: string }[];
}

/**
 * A unit's public comments, newest first: already redacted when stored; hidden comments, comments of excluded
 * ratings and comments waiting for review or withheld by a reviewer (decision 019) are left out. Keyset pagination on (created_at, id).
 */
export async function publicComments(
  db: Kysely<Database>,
  unitId: string,
  limit: number,
  before?: { createdAt: string; id: string },
): Promise<PublicComment[]> {
  let query = db
    .selectFrom('responses')
    .leftJoin('services', 'services.id', 'responses.service_id')
    .select([
      'responses.id as id', 'responses.created_at as createdAt', 'responses.local_date as localDate',
      'responses.comment as comment', 'services.slug as serviceSlug', 'services.name as serviceName',
    ])
    .where('responses.unit_id', '=', unitId)
    .where('responses.comment', 'is not', null)
    .where('responses.comment_hidden_at', 'is', null)
    .where(commentIsPublic)
    .where('responses.exclusion_reason', 'is', null);
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('responses.created_at', '<', before.createdAt),
        eb.and([eb('responses.created_at', '=', before.createdAt), eb('responses.id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('responses.created_at', 'desc').orderBy('responses.id', 'desc').limit(limit).execute();
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
    createdAt: r.createdAt,
    localDate: r.localDate,
    service: r.serviceSlug && r.serviceName ? { slug: r.serviceSlug, name: r.serviceName } : null,
    comment: r.comment!,
    replies: replies.filter((x) => x.response_id === r.id).map((x) => ({ body: x.body, createdAt: x.created_at })),
  }));
}
