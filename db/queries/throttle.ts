// Throttling stored in the database, so it holds across server processes and restarts (DESIGN.md "Scale").
import { sql, type Kysely } from 'kysely';
import { uuidV7 } from '../../server/domain/ids.ts';
import type { Database } from '../database.ts';
import { isPostgres } from '../dialect.ts';

export interface ThrottleSlot {
  allowed: boolean;
  /** The event taken, to give back with releaseThrottleSlot (null when refused: it is already given back). */
  id: string | null;
  /** Seconds until the oldest counted event leaves the window (when not allowed). */
  retryAfterSeconds: number;
}

/**
 * Takes one slot of `limit` in the window ending now. One transaction per bucket at a time, across every server
 * process: PostgreSQL holds an advisory lock on the bucket, and SQLite's first statement is a write, which waits for
 * the database's single writer lock. So the count always includes every slot taken before, and a bucket never admits
 * more than `limit`, however many requests race.
 */
export async function takeThrottleSlot(db: Kysely<Database>, bucket: string, now: Date, windowMs: number, limit: number): Promise<ThrottleSlot> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtextextended(${bucket}, 0))`.execute(trx);
    const id = uuidV7(now.getTime());
    await trx.insertInto('throttle_events').values({ id, bucket, at: now.toISOString() }).execute();
    const rows = await trx
      .selectFrom('throttle_events')
      .select('at')
      .where('bucket', '=', bucket)
      .where('at', '>', since)
      .orderBy('at')
      .limit(limit + 1)
      .execute();
    if (rows.length <= limit) return { allowed: true, id, retryAfterSeconds: 0 };
    await trx.deleteFrom('throttle_events').where('id', '=', id).execute();
    const oldest = Date.parse(rows[0]!.at);
    return { allowed: false, id: null, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000)) };
  });
}

/** Gives a taken slot back (the request it was taken for does not count after all). */
export async function releaseThrottleSlot(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('throttle_events').where('id', '=', id).execute();
}

export async function clearThrottle(db: Kysely<Database>, bucket: string): Promise<void> {
  await db.deleteFrom('throttle_events').where('bucket', '=', bucket).execute();
}

/** Removes events older than the longest window in use. */
export async function purgeThrottleEvents(db: Kysely<Database>, olderThan: Date): Promise<number> {
  const r = await db.deleteFrom('throttle_events').where('at', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
