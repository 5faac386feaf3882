// Accounts by mail (issue 27 item 2, docs/decisions/061): how long an invitation's and a reset's single-use link lives,
// what a link's state is, the new-password rule both share with the admin forms (decision 011), and the limits on
// asking for reset mail. Pure: no clock, no I/O.
import * as v from 'valibot';
import type { Lang } from '../i18n/lang.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import type { ThrottleLimit } from './throttle.ts';

export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;
export type TokenPurpose = 'invite' | 'reset';
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = { invite: INVITE_TTL_MS, reset: RESET_TTL_MS };

/** A new password, as every form that sets one checks it (decision 011: 10 to 200 characters). */
export const newPasswordField = v.pipe(
  v.string('must be text'),
  v.minLength(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`),
  v.maxLength(200, 'is too long'),
);

/** A token as a link carries it (43 base64url characters); anything else is unknown without a database read. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

export type TokenState = 'valid' | 'used' | 'expired' | 'unknown';

/** The state of a link's row at `now` (undefined: no such token). */
export function tokenState(row: { expires_at: string; used_at: string | null } | undefined, now: Date): TokenState {
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  return now.toISOString() >= row.expires_at ? 'expired' : 'valid';
}

/**
 * The language of an account's mail. The accounts table holds no language choice yet (issue 27 item 3 may add one):
 * until then every account mail is in Bahasa Indonesia, the interface's first language.
 */
export function accountLanguage(_user: { id: string }): Lang {
  return 'id';
}

const MINUTE = 60_000;
/** Reset mails per address: 3 an hour, so a stranger cannot flood an inbox. */
export const RESET_PER_ADDRESS = 3;
/** Reset requests per client: 10 an hour across addresses, so a client cannot mail many accounts or probe many. */
export const RESET_PER_CLIENT = 10;
export const RESET_WINDOW_MS = 60 * MINUTE;

/**
 * The buckets a reset request takes a slot in, known and unknown addresses alike (the same answers): `email` is the
 * hashed normalised address asked for, `address` the hashed client address.
 */
export function resetRequestLimits(email: string, address: string): ThrottleLimit[] {
  return [
    { bucket: `reset:email:${email}`, limit: RESET_PER_ADDRESS, windowMs: RESET_WINDOW_MS },
    { bucket: `reset:client:${address}`, limit: RESET_PER_CLIENT, windowMs: RESET_WINDOW_MS },
  ];
}

/** Tries of a link's token per client (a token is 256 random bits; this bounds the work, not the odds): 30 in 15 min. */
export function tokenUseLimits(address: string): ThrottleLimit[] {
  return [{ bucket: `password-token:client:${address}`, limit: 30, windowMs: 15 * MINUTE }];
}
