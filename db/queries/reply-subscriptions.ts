// A resident's address for the unit's reply (issue 27 item 4, docs/decisions/063-reply-subscriptions.md). The only
// queries that read reply_subscriptions: leaving an address, taking it (and deleting it) when the reply is queued, and
// the purge. No export, snapshot or staff view joins this table.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { REPLY_NOTICE_KIND, REPLY_SUBSCRIPTION_KEPT_DAYS } from '../../core/domain/reply-subscription.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The rating a receipt names, with what decides whether its comment can get a reply; undefined when unknown. */
export async function subscriptionTarget(db: Db, receipt: string) {
  return db
    .selectFrom('responses')
    .leftJoin('reply_subscriptions', 'reply_subscriptions.response_id', 'responses.id')
    .select([
      'responses.id as id', 'responses.comment as comment', 'responses.comment_hidden_reason as hiddenReason',
      'responses.comment_review as review', 'reply_subscriptions.response_id as subscribed',
    ])
    .where('responses.receipt', '=', receipt)
    .executeTakeFirst();
}

/** Leaves (or replaces) the address for one rating: at most one per rating, the latest wins. */
export async function saveReplySubscription(db: Kysely<Database>, responseId: string, email: string, language: 'id' | 'en', now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reply_subscriptions').where('response_id', '=', responseId).execute();
    await trx.insertInto('reply_subscriptions').values({ response_id: responseId, email, language, created_at: now.toISOString() }).execute();
  });
}

/**
 * Takes the address waiting for a reply to this rating and deletes it, inside the reply's transaction: used once.
 * Undefined when nobody waits.
 */
export async function takeReplySubscription(trx: Transaction<Database>, responseId: string): Promise<{ email: string; language: string; receipt: string } | undefined> {
  const row = await trx
    .selectFrom('reply_subscriptions')
    .innerJoin('responses', 'responses.id', 'reply_subscriptions.response_id')
    .select(['reply_subscriptions.email', 'reply_subscriptions.language', 'responses.receipt'])
    .where('reply_subscriptions.response_id', '=', responseId)
    .executeTakeFirst();
  if (!row) return undefined;
  await trx.deleteFrom('reply_subscriptions').where('response_id', '=', responseId).execute();
  return row;
}

/**
 * DOMAIN.md §9 retention, run by the hourly purge: deletes addresses left more than 90 days before `now` (nobody
 * replied) and reply notices queued as long ago that still hold an address (a sent one forgets it at once; one the
 * outbox gave up on would keep it). Returns how many addresses went.
 */
export async function purgeReplySubscriptions(db: Kysely<Database>, now: Date): Promise<number> {
  const at = new Date(now.getTime() - REPLY_SUBSCRIPTION_KEPT_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const result = await db.deleteFrom('reply_subscriptions').where('created_at', '<', at).executeTakeFirst();
  await db.deleteFrom('outbox').where('kind', '=', REPLY_NOTICE_KIND).where('created_at', '<', at).where(sql<boolean>`recipient <> ''`).execute();
  return Number(result.numDeletedRows);
}
