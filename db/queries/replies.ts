import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';
import { unitsInScope, type Scope } from './scope.ts';

/**
 * A unit's public reply to a comment of its own; undefined when the rating is not the unit's or has no comment;
 * 'comment_under_review' while the comment waits for review and 'comment_withheld' once a reviewer withheld it
 * (decision 019: the unit does not answer, in public, a comment that nobody may read yet). `published` runs inside the
 * reply's transaction once the reply is written (the resident's reply notice is queued there, decision 063).
 */
export async function addReply(
  db: Kysely<Database>, scope: Scope, unitId: string, responseId: string, reply: { id: string; body: string; userId: string }, now: Date,
  /** Runs in the reply's transaction once it is written: the reply.published webhook event and the resident's reply notice. */
  published?: (trx: Transaction<Database>) => Promise<unknown>,
): Promise<{ id: string; body: string; createdAt: string } | 'comment_under_review' | 'comment_withheld' | undefined> {
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('responses')
      .innerJoin('units', 'units.id', 'responses.unit_id')
      .select(['responses.id', 'responses.comment_review'])
      .where(unitsInScope(scope))
      .where('responses.unit_id', '=', unitId)
      .where('responses.id', '=', responseId)
      .where('responses.comment', 'is not', null)
      .executeTakeFirst();
    if (!target) return undefined;
    if (target.comment_review === 'pending') return 'comment_under_review';
    if (target.comment_review === 'withheld') return 'comment_withheld';
    await trx.insertInto('replies').values({ id: reply.id, response_id: responseId, unit_id: unitId, body: reply.body, author_user_id: reply.userId, created_at: now.toISOString() }).execute();
    await writeAudit(trx, { userId: reply.userId, action: 'reply.create', unitId, target: responseId }, now);
    await published?.(trx);
    return { id: reply.id, body: reply.body, createdAt: now.toISOString() };
  });
}
