// API tokens for systems (issue 27 item 6, docs/decisions/065-api-tokens.md): what a token looks like and what a new
// token's fields must be. The token is `rpr_` and 32 random bytes in base64url: 256 bits, so its SHA-256 is all the
// database needs (nobody can search 2^256 tokens for a hash, so a slow password hash would only slow every request).
import * as v from 'valibot';
import { instantOfLocal } from './time-zones.ts';

export const API_TOKEN_PREFIX = 'rpr_';
/** `rpr_` and 43 base64url characters (32 bytes). */
export const API_TOKEN_PATTERN = /^rpr_[A-Za-z0-9_-]{43}$/;
/** How far ahead an expiry may lie: a typo such as 20227 is refused rather than stored. */
export const MAX_EXPIRY_YEARS = 5;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar day (no 30 February) written as YYYY-MM-DD, alone or at the start of an ISO 8601 instant. */
function isDayOrInstant(s: string): boolean {
  if (!DATE.test(s) && !DATE_TIME.test(s)) return false;
  const day = new Date(`${s.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s.slice(0, 10) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s));
}

export const apiTokenSchema = v.object({
  name: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(80, 'must be at most 80 characters')),
  /** A day (the token works to the end of it, WIB) or an instant (ISO 8601 with Z or an offset); empty: no expiry. */
  expiresAt: v.optional(v.pipe(
    v.string('must be text'), v.trim(), v.maxLength(40, 'must be a date (YYYY-MM-DD) or a date and time (ISO 8601)'),
    v.check((s) => s === '' || isDayOrInstant(s), 'must be a date (YYYY-MM-DD) or a date and time (ISO 8601)'),
  )),
  /** The account's current password (re-authentication, as for two-factor set-up: docs/decisions/043). */
  password: v.optional(v.pipe(v.string('must be text'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long'))),
});

/**
 * The instant a token stops working, from the field as given (already of a valid form): a day means the end of that
 * day in Asia/Jakarta (WIB); null for none. 'past' or 'too_far' when it is not within (now, now + 5 years].
 */
export function tokenExpiry(expiresAt: string | undefined, now: Date): string | null | 'past' | 'too_far' {
  if (!expiresAt) return null;
  const at = DATE.test(expiresAt) ? instantOfLocal(expiresAt, 24, 0, 0, 'Asia/Jakarta') : new Date(expiresAt);
  if (at.getTime() <= now.getTime()) return 'past';
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_EXPIRY_YEARS);
  if (at.getTime() > limit.getTime()) return 'too_far';
  return at.toISOString();
}
