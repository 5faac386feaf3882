// What the password step and the code step of signing in share (docs/decisions/011, 018): the limits on guessing,
// and the session that a finished sign-in opens.
import type { Context } from 'hono';
import { writeAudit } from '../../db/queries/audit.ts';
import type { User } from '../../core/schema.ts';
import { createSession, deleteSession, SESSION_ABSOLUTE_MS } from '../../db/queries/sessions.ts';
import { clearThrottle, countThrottleEvents, releaseThrottleSlots } from '../../db/queries/throttle.ts';
import { isKnownDevice, rememberDevice } from '../../db/queries/two-factor.ts';
import { publicUser } from '../../db/queries/users.ts';
import { clientAddress } from '../auth/client.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import { ACCOUNT_WINDOW_MS, attemptLimits, pairDayBucket, type Secret } from '../../core/domain/sign-in-limits.ts';
import { KNOWN_DEVICE_MS } from '../../core/domain/two-factor.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { enforceLimits } from '../middleware/throttle.ts';
import { sessionToken, setSessionCookie } from '../middleware/session.ts';
import { deviceToken, setDeviceCookie } from '../middleware/sign-in-cookies.ts';

/** The slots one attempt took, to give back when it succeeds. */
export interface Attempt {
  slots: string[];
  /** This client's (or device's) own failure buckets, emptied when it succeeds. */
  pairBuckets: string[];
}

/**
 * Takes a slot in every limit that applies to guessing `secret` for this account from this client, before the guess is
 * checked (so guesses sent all at once count too), or answers 429 with Retry-After. `email` names an account that does
 * not exist (same limits, same answers as one that does).
 */
export async function beginAttempt(c: Context<AppEnv>, deps: AppDeps, secret: Secret, account: User | { email: string } | undefined, at: Date): Promise<Attempt> {
  const user = account && 'id' in account ? account : undefined;
  const accountKey = sha256(user ? `id:${user.id}` : `email:${account?.email.trim().toLowerCase() ?? ''}`);
  const device = deviceToken(c);
  const known = user && device && (await isKnownDevice(deps.db, sha256(device), user.id, at, KNOWN_DEVICE_MS)) ? sha256(device) : null;
  const address = sha256(clientAddress(c, deps.trustProxy));
  // A client that already failed several times for this account waits in the repeat guessers' lane (issue 24, F9).
  const pairFailures = known ? 0 : await countThrottleEvents(deps.db, pairDayBucket(secret, accountKey, address), new Date(at.getTime() - ACCOUNT_WINDOW_MS));
  const { limits, pairBuckets } = attemptLimits(secret, accountKey, address, known, pairFailures);
  const slots = await enforceLimits(c, deps.db, limits, at, 'too_many_attempts', 'Too many failed attempts; wait before trying again.');
  return { slots, pairBuckets };
}

/** The guess was right: it does not count as a failure anywhere, and this client's (or device's) failures are forgiven. */
export async function attemptSucceeded(deps: AppDeps, attempt: Attempt): Promise<void> {
  await releaseThrottleSlots(deps.db, attempt.slots);
  for (const bucket of attempt.pairBuckets) await clearThrottle(deps.db, bucket);
}

/**
 * Opens a session for a sign-in that passed every factor: a new session id (a token planted before sign-in is dropped:
 * fixation), this browser remembered as a known device of the account, and an audit entry.
 */
export async function openSession(c: Context<AppEnv>, deps: AppDeps, user: User, at: Date, details?: Record<string, unknown>) {
  const previous = sessionToken(c);
  if (previous) await deleteSession(deps.db, sha256(previous));
  const token = newToken();
  await createSession(deps.db, sha256(token), user.id, at);
  const device = deviceToken(c) ?? newToken();
  await rememberDevice(deps.db, sha256(device), user.id, at);
  await writeAudit(deps.db, { userId: user.id, action: 'auth.login', unitId: user.unit_id, details }, at);
  setSessionCookie(c, token, SESSION_ABSOLUTE_MS / 1000, deps.trustProxy);
  setDeviceCookie(c, device, KNOWN_DEVICE_MS, deps.trustProxy);
  return publicUser(deps.db, user);
}
