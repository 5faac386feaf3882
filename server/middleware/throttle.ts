// Database-backed throttling shared by every server process (docs/decisions/011, 013).
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { takeThrottleSlots, type ThrottleLimit } from '../../db/queries/throttle.ts';
import { ApiError } from '../errors.ts';

/**
 * Takes a slot of every limit for this request, or refuses with 429 and Retry-After when any limit is full (taking
 * none). Returns the slots taken, for a caller that decides later that the request does not count.
 */
export async function enforceLimits(c: Context, db: Kysely<Database>, limits: ThrottleLimit[], now: Date, code: string, message: string): Promise<string[]> {
  const outcome = await takeThrottleSlots(db, limits, now);
  if (!outcome.allowed) {
    c.header('Retry-After', String(outcome.retryAfterSeconds));
    throw new ApiError(429, code, message);
  }
  return outcome.ids;
}
