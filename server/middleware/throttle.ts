// Database-backed throttling shared by every server process (docs/decisions/011, 013).
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { recordThrottleEvent, throttleState } from '../../db/queries/throttle.ts';
import { ApiError } from '../errors.ts';

export interface Limit {
  bucket: string;
  limit: number;
  windowMs: number;
}

/** Refuses with 429 and Retry-After when any limit is reached; otherwise counts this request against each. */
export async function enforceLimits(c: Context, db: Kysely<Database>, limits: Limit[], now: Date, message: string): Promise<void> {
  for (const l of limits) {
    const state = await throttleState(db, l.bucket, now, l.windowMs, l.limit);
    if (!state.allowed) {
      c.header('Retry-After', String(state.retryAfterSeconds));
      throw new ApiError(429, 'too_many_requests', message);
    }
  }
  for (const l of limits) await recordThrottleEvent(db, l.bucket, now);
}
