// Database-backed throttling shared by every server process (docs/decisions/011, 013).
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { releaseThrottleSlot, takeThrottleSlot } from '../../db/queries/throttle.ts';
import { ApiError } from '../errors.ts';

export interface Limit {
  bucket: string;
  limit: number;
  windowMs: number;
}

/**
 * Takes a slot of every limit for this request, or refuses with 429 and Retry-After when any limit is full (giving
 * back the slots it took). Returns the slots taken, for a caller that decides later that the request does not count.
 */
export async function enforceLimits(c: Context, db: Kysely<Database>, limits: Limit[], now: Date, code: string, message: string): Promise<string[]> {
  const taken: string[] = [];
  for (const l of limits) {
    const slot = await takeThrottleSlot(db, l.bucket, now, l.windowMs, l.limit);
    if (!slot.allowed) {
      for (const id of taken) await releaseThrottleSlot(db, id);
      c.header('Retry-After', String(slot.retryAfterSeconds));
      throw new ApiError(429, code, message);
    }
    taken.push(slot.id!);
  }
  return taken;
}
