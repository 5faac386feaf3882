import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

/** A unit's follow-up plan items (public), latest due date first. */
export async function listFollowUps(db: Kysely<Database>, unitId: string) {
  return db
    .selectFrom('follow_ups')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('due_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
