// Database-backed throttling shared by every server process (docs/decisions/011, 013).
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/schema.ts';
import type { ThrottleLimit } from '../../core/domain/throttle.ts';
import { takeThrottleSlots, takeThrottleSlotsIn } from '../../db/queries/throttle.ts';
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

/**
 * enforceLimits inside the caller's transaction: a refusal throws, and the caller's transaction (or savepoint) must
 * roll back the slots taken before the full one (db/group-commit.ts does). `locked`: the transaction already holds the
 * buckets' advisory locks.
 */
export async function enforceLimitsIn(c: Context, trx: Transaction<Database>, limits: ThrottleLimit[], now: Date, code: string, message: string, locked = false): Promise<string[]> {
  const outcome = await takeThrottleSlotsIn(trx, limits, now, locked);
  if (!outcome.allowed) {
    c.header('Retry-After', String(outcome.retryAfterSeconds));
    throw new ApiError(429, code, message);
  }
  return outcome.ids;
}

const MINUTE = 60_000;

/**
 * The throttles of a web or QR submission (a rating or a permit report), refused with 429 past them. They guard the
 * server, not the score (the integrity checks guard the score), so they are generous to a busy shared address: one
 * browser (or, without a browser token, one address) 10 per unit in 10 minutes; one address 600 per unit in 10 minutes
 * and 2,400 in an hour across units.
 */
export function submissionLimits(kind: 'rating' | 'permit', unitId: string, ipHash: string, browserHash: string | null): ThrottleLimit[] {
  return [
    { bucket: `${kind}:unit:${unitId}:${ipHash}:${browserHash ?? '-'}`, limit: 10, windowMs: 10 * MINUTE },
    { bucket: `${kind}:unit:${unitId}:${ipHash}`, limit: 600, windowMs: 10 * MINUTE },
    { bucket: `${kind}:client:${ipHash}`, limit: 2400, windowMs: 60 * MINUTE },
  ];
}
