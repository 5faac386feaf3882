// Throttling stored in the database, so it holds across server processes and restarts (DESIGN.md "Scale").
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidV7 } from '../../core/domain/ids.ts';
import type { ThrottleLimit } from '../../core/domain/throttle.ts';
import type { Database } from '../../core/schema.ts';
import { isPostgres } from '../dialect.ts';
import { reusable } from './compiled.ts';


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
 * takeThrottleSlots inside the caller's transaction (a rating takes its slots in the transaction that stores it). Two
 * statements however many limits: one read of every bucket's earlier events in its window, then, when every limit has
 * room, one insert of all the slots. A refused request inserts nothing; the caller rolls back whatever else it did.
 */
export async function takeThrottleSlotsIn(trx: Transaction<Database>, limits: ThrottleLimit[], now: Date, locked = false): Promise<ThrottleOutcome> {
  if (limits.length === 0) return { allowed: true, ids: [] };
  const at = now.toISOString();
  // `locked`: the caller's transaction already holds the buckets' advisory locks (a group commit's batch takes them first).
  if (isPostgres(trx) && !locked) {
    for (const bucket of limits.map((l) => l.bucket).sort()) await lockBucket(trx, bucket);
  }
  const windowArgs: Record<string, string> = {};
  limits.forEach(({ bucket, windowMs }, i) => {
    windowArgs[`bucket${i}`] = bucket;
    windowArgs[`since${i}`] = new Date(now.getTime() - windowMs).toISOString();
  });
  const earlier = new Map((await earlierEvents(limits.length).execute(trx, windowArgs)).rows.map((r) => [Number(r.i), r]));
  for (const [i, { limit, windowMs, spacingMs }] of limits.entries()) {
    const row = earlier.get(i);
    const n = Number(row?.n ?? 0);
    if (n >= limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(String(row!.first)) + windowMs - now.getTime()) / 1000)) };
    }
    // A growing delay (docs/decisions/018) after the latest earlier event.
    const wait = spacingMs && n > 0 ? Date.parse(String(row!.last)) + spacingMs(n) - now.getTime() : 0;
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  const ids = limits.map(() => uuidV7(now.getTime()));
  const insertArgs: Record<string, string> = { at };
  limits.forEach(({ bucket }, i) => {
    insertArgs[`id${i}`] = ids[i]!;
    insertArgs[`bucket${i}`] = bucket;
  });
  await insertEvents(limits.length).execute(trx, insertArgs);
  return { allowed: true, ids };
}

/** Holds a bucket's advisory lock (PostgreSQL) until the transaction ends; taking it again in the same one is free. */
export async function lockBucket(trx: Transaction<Database>, bucket: string): Promise<void> {
  await advisoryLock.execute(trx, { bucket });
}

// The statements of takeThrottleSlotsIn, compiled once per dialect (db/queries/compiled.ts).
const advisoryLock = reusable<{ bucket: string }>()((_db, p) => sql`select pg_advisory_xact_lock(hashtextextended(${p('bucket')}, 0))`);

/** A statement whose shape depends on a count (of buckets), compiled once per count. */
const perCount = <Q>(make: (n: number) => Q) => {
  const made = new Map<number, Q>();
  return (n: number): Q => {
    let query = made.get(n);
    if (!query) made.set(n, (query = make(n)));
    return query;
  };
};

/**
 * Per bucket i: how many events it holds in its window, the oldest and the latest of them (a range of the
 * (bucket, at) index; a bucket never holds more than its limit in its window, since a refused request inserts nothing).
 */
const earlierEvents = perCount((n) => reusable<Record<string, string>>()((db, p) => {
  const one = (i: number) => db
    .selectFrom('throttle_events')
    .select((eb) => [sql.lit(i).as('i'), eb.fn.countAll<number | string>().as('n'), eb.fn.min('at').as('first'), eb.fn.max('at').as('last')])
    .where('bucket', '=', p(`bucket${i}`))
    .where('at', '>', p(`since${i}`));
  let query = one(0);
  for (let i = 1; i < n; i++) query = query.unionAll(one(i));
  return query;
}));

/** One slot in each of n buckets, in one statement. */
const insertEvents = perCount((n) => reusable<Record<string, string>>()((db, p) =>
  db.insertInto('throttle_events').values(Array.from({ length: n }, (_, i) => ({ id: p(`id${i}`), bucket: p(`bucket${i}`), at: p('at') })))));

/** Gives taken slots back (the request they were taken for does not count after all). */
export async function releaseThrottleSlots(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('throttle_events').where('id', 'in', ids).execute();
}

/** How many events a bucket holds since `since` (what a caller needs to choose the limits of a request). */
export async function countThrottleEvents(db: Kysely<Database>, bucket: string, since: Date): Promise<number> {
  const row = await db.selectFrom('throttle_events').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('bucket', '=', bucket).where('at', '>', since.toISOString()).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function clearThrottle(db: Kysely<Database>, bucket: string): Promise<void> {
  await db.deleteFrom('throttle_events').where('bucket', '=', bucket).execute();
}

/** Removes events older than the longest window in use. */
export async function purgeThrottleEvents(db: Kysely<Database>, olderThan: Date): Promise<number> {
  const r = await db.deleteFrom('throttle_events').where('at', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
