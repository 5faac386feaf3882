// Throttling stored in the database, so it holds across server processes and restarts (DESIGN.md "Scale").
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export interface ThrottleState {
  allowed: boolean;
  count: number;
  /** Seconds until the oldest counted event leaves the window (when not allowed). */
  retryAfterSeconds: number;
}

/** How many events a bucket holds in the window ending now, and whether one more is allowed under `limit`. */
export async function throttleState(db: Kysely<Database>, bucket: string, now: Date, windowMs: number, limit: number): Promise<ThrottleState> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  const rows = await db
    .selectFrom('throttle_events')
    .select('at')
    .where('bucket', '=', bucket)
    .where('at', '>', since)
    .orderBy('at')
    .limit(limit)
    .execute();
  if (rows.length < limit) return { allowed: true, count: rows.length, retryAfterSeconds: 0 };
  const oldest = Date.parse(rows[0]!.at);
  return { allowed: false, count: rows.length, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000)) };
}

export async function recordThrottleEvent(db: Kysely<Database>, bucket: string, now: Date): Promise<void> {
  await db.insertInto('throttle_events').values({ bucket, at: now.toISOString() }).execute();
}

export async function clearThrottle(db: Kysely<Database>, bucket: string): Promise<void> {
  await db.deleteFrom('throttle_events').where('bucket', '=', bucket).execute();
}

/** Removes events older than the longest window in use. */
export async function purgeThrottleEvents(db: Kysely<Database>, olderThan: Date): Promise<number> {
  const r = await db.deleteFrom('throttle_events').where('at', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
