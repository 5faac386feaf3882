// Throttling stored in the database, so it holds across server processes and restarts (DESIGN.md "Scale").
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidV7 } from '../../server/domain/ids.ts';
import type { Database } from '../database.ts';
import { isPostgres } from '../dialect.ts';
import { reusable } from './compiled.ts';

export interface ThrottleLimit {
  bucket: string;
  limit: number;
  windowMs: number;
  /**
   * A growing delay (docs/decisions/018): given how many events the bucket already holds in the window, how long after
   * the latest of them the next one may come (0: at once). Refused earlier, with Retry-After until then.
   */
  spacingMs?: (earlier: number) => number;
}

export type ThrottleOutcome =
  /** The events taken, one per limit, to give back with releaseThrottleSlots. */
  | { allowed: true; ids: string[] }
  /** Seconds until the oldest counted event of the full bucket leaves its window. */
  | { allowed: false; retryAfterSeconds: number };

class BucketFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('throttle bucket full');
  }
}

/**
 * Takes one slot of every limit in the window ending now, or none when any limit is full. One transaction for them
 * all, and one transaction per bucket at a time across every server process: PostgreSQL holds an advisory lock on
 * each bucket (taken in a fixed order), and SQLite's first statement is a write, which waits for the database's single
 * writer lock. So each count includes every slot taken before, and a bucket never admits more than its limit, however
 * many requests race. A refused request rolls back, leaving nothing behind.
 */
export async function takeThrottleSlots(db: Kysely<Database>, limits: ThrottleLimit[], now: Date): Promise<ThrottleOutcome> {
  if (limits.length === 0) return { allowed: true, ids: [] };
  try {
    const ids = await db.transaction().execute(async (trx) => {
      const outcome = await takeThrottleSlotsIn(trx, limits, now);
      // A refused request rolls back, leaving nothing behind.
      if (!outcome.allowed) throw new BucketFull(outcome.retryAfterSeconds);
      return outcome.ids;
    });
    return { allowed: true, ids };
  } catch (error) {
    if (error instanceof BucketFull) return { allowed: false, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

/**
 * takeThrottleSlots inside the caller's transaction (a rating takes its slots in the transaction that stores it). When
 * a limit is full, the slots inserted so far stay in the transaction: the caller must roll it (or its savepoint) back.
 */
export async function takeThrottleSlotsIn(trx: Transaction<Database>, limits: ThrottleLimit[], now: Date, locked = false): Promise<ThrottleOutcome> {
  const at = now.toISOString();
  // `locked`: the caller's transaction already holds the buckets' advisory locks (a group commit's batch takes them first).
  if (isPostgres(trx) && !locked) {
    for (const bucket of limits.map((l) => l.bucket).sort()) await lockBucket(trx, bucket);
  }
  const taken: string[] = [];
  for (const { bucket, limit, windowMs, spacingMs } of limits) {
    const id = uuidV7(now.getTime());
    await insertEvent.execute(trx, { id, bucket, at });
    const since = new Date(now.getTime() - windowMs).toISOString();
    if (spacingMs) {
      const earlier = (await spacingCounts.execute(trx, { bucket, since, id })).rows[0]!;
      const n = Number(earlier.n);
      if (n >= limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(earlier.first!) + windowMs - now.getTime()) / 1000)) };
      const wait = n > 0 ? Date.parse(earlier.last!) + spacingMs(n) - now.getTime() : 0;
      if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
      taken.push(id);
      continue;
    }
    const rows = (await windowEvents.execute(trx, { bucket, since, limit: limit + 1 })).rows;
    if (rows.length > limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(rows[0]!.at) + windowMs - now.getTime()) / 1000)) };
    }
    taken.push(id);
  }
  return { allowed: true, ids: taken };
}

/** Holds a bucket's advisory lock (PostgreSQL) until the transaction ends; taking it again in the same one is free. */
export async function lockBucket(trx: Transaction<Database>, bucket: string): Promise<void> {
  await advisoryLock.execute(trx, { bucket });
}

// The statements of takeThrottleSlotsIn, compiled once per dialect (db/queries/compiled.ts).
const advisoryLock = reusable<{ bucket: string }>()((_db, p) => sql`select pg_advisory_xact_lock(hashtextextended(${p('bucket')}, 0))`);
const insertEvent = reusable<{ id: string; bucket: string; at: string }>()((db, p) =>
  db.insertInto('throttle_events').values({ id: p('id'), bucket: p('bucket'), at: p('at') }));
const spacingCounts = reusable<{ bucket: string; since: string; id: string }>()((db, p) => db
  .selectFrom('throttle_events')
  .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('at').as('first'), eb.fn.max('at').as('last')])
  .where('bucket', '=', p('bucket'))
  .where('at', '>', p('since'))
  .where('id', '<>', p('id')));
const windowEvents = reusable<{ bucket: string; since: string; limit: number }>()((db, p) => db
  .selectFrom('throttle_events')
  .select('at')
  .where('bucket', '=', p('bucket'))
  .where('at', '>', p('since'))
  .orderBy('at')
  .limit(p('limit')));

/** Gives taken slots back (the request they were taken for does not count after all). */
export async function releaseThrottleSlots(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('throttle_events').where('id', 'in', ids).execute();
}

export async function clearThrottle(db: Kysely<Database>, bucket: string): Promise<void> {
  await db.deleteFrom('throttle_events').where('bucket', '=', bucket).execute();
}

/** Removes events older than the longest window in use. */
export async function purgeThrottleEvents(db: Kysely<Database>, olderThan: Date): Promise<number> {
  const r = await db.deleteFrom('throttle_events').where('at', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
