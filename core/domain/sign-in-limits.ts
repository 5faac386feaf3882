// The limits on guessing a password or a sign-in code (docs/decisions/018). Nobody else can lock an account's owner
// out, and nobody can guess fast:
// - a client (address) has 5 failures per account in 15 minutes, and 30 across all accounts;
// - a known device (a browser the account signed in from before, by its rapor_device cookie) has 5 failures per
//   account in 15 minutes, and nothing else slows it;
// - every other client shares the account's growing delay: after 10 failures in 24 hours from clients that are not
//   known devices, each further attempt must wait 2 s, 4 s, 8 s … after the latest failure, at most 5 minutes;
// - except a client that already failed 3 times for the account in 24 hours: it waits in a lane of its own kind
//   (shared by all such clients): 5 more failures, then 2 s, 4 s … up to an hour, so one address that fires whenever Retry-After ends
//   slows itself, never the owner on a new device (issue 24, F9; docs/decisions/043).
import type { ThrottleLimit } from './throttle.ts';

export const PAIR_LIMIT = 5;
export const PAIR_WINDOW_MS = 15 * 60 * 1000;
export const ADDRESS_LIMIT = 30;
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_WINDOW_MS = 24 * 60 * 60 * 1000;
export const ACCOUNT_MAX_DELAY_MS = 5 * 60 * 1000;
/** From this many failures for the account in 24 hours, a client is a repeat guesser and leaves the others' lane. */
export const REPEAT_AFTER_FAILURES = 3;
export const REPEAT_FREE_FAILURES = 5;
export const REPEAT_MAX_DELAY_MS = 60 * 60 * 1000;

/** What is being guessed: a password (sign-in, turning two-factor off) or a code (second factor, enrolment). */
export type Secret = 'password' | 'code';

/** The wait after the latest failure once `earlier` failures from unknown clients are in the account's window. */
export function accountDelayMs(earlier: number): number {
  if (earlier < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_MS, 2000 * 2 ** Math.min(earlier - ACCOUNT_FREE_FAILURES, 30));
}

/**
 * The wait in the repeat guessers' lane: a few free failures (the pair limit of 5 in 15 minutes rules at first), then
 * doubling to an hour. With the other lane: at most about 10 + 288 + 5 + 24 ≈ 330 guesses a day per account.
 */
export function repeatDelayMs(earlier: number): number {
  if (earlier < REPEAT_FREE_FAILURES) return 0;
  return Math.min(REPEAT_MAX_DELAY_MS, 2000 * 2 ** Math.min(earlier - REPEAT_FREE_FAILURES, 30));
}

/** The bucket that counts a client's failures for an account over 24 hours (forgiven when it signs in). */
export function pairDayBucket(secret: Secret, account: string, address: string): string {
  return `${secret === 'password' ? 'login' : '2fa'}:pair-day:${account}:${address}`;
}

/**
 * The buckets an attempt takes a slot in. `account` names the account (its id, or the normalised email when no such
 * account exists) and `address` the client's address, both already hashed; `device` is the hash of a known device's
 * token, when the attempt comes from one. `pairFailures` is how many failures the client already has for the
 * account in 24 hours (the pair-day bucket's count).
 */
export function attemptLimits(secret: Secret, account: string, address: string, device: string | null, pairFailures = 0): { limits: ThrottleLimit[]; pairBuckets: string[] } {
  const kind = secret === 'password' ? 'login' : '2fa';
  if (device) {
    const pairBucket = `${kind}:device:${account}:${device}`;
    return { pairBuckets: [pairBucket], limits: [{ bucket: pairBucket, limit: PAIR_LIMIT, windowMs: PAIR_WINDOW_MS }] };
  }
  const pairBucket = `${kind}:pair:${account}:${address}`;
  const dayBucket = pairDayBucket(secret, account, address);
  // Two lanes of the account's growing delay: a repeat guesser waits behind the other repeat guessers only.
  const lane = pairFailures >= REPEAT_AFTER_FAILURES
    ? { bucket: `${kind}:account-repeat:${account}`, limit: Number.MAX_SAFE_INTEGER, windowMs: ACCOUNT_WINDOW_MS, spacingMs: repeatDelayMs }
    : { bucket: `${kind}:account:${account}`, limit: Number.MAX_SAFE_INTEGER, windowMs: ACCOUNT_WINDOW_MS, spacingMs: accountDelayMs };
  return {
    pairBuckets: [pairBucket, dayBucket],
    limits: [
      { bucket: pairBucket, limit: PAIR_LIMIT, windowMs: PAIR_WINDOW_MS },
      { bucket: dayBucket, limit: Number.MAX_SAFE_INTEGER, windowMs: ACCOUNT_WINDOW_MS },
      { bucket: `${kind}:address:${address}`, limit: ADDRESS_LIMIT, windowMs: PAIR_WINDOW_MS },
      lane,
    ],
  };
}
