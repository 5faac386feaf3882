// Sign-in, sign-out and the current account (API.md "Accounts").
import { Hono } from 'hono';
import * as v from 'valibot';
import { writeAudit } from '../../db/queries/audit.ts';
import { createSession, deleteSession, SESSION_ABSOLUTE_MS } from '../../db/queries/sessions.ts';
import { clearThrottle, releaseThrottleSlots } from '../../db/queries/throttle.ts';
import { enforceLimits } from '../middleware/throttle.ts';
import { findUserByEmail, publicUser } from '../../db/queries/users.ts';
import { clientAddress } from '../auth/client.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { clearSessionCookie, requireUser, sessionToken, setSessionCookie } from '../middleware/session.ts';

const loginSchema = v.object({
  email: v.pipe(v.string('is required'), v.trim(), v.minLength(3, 'must be an email address'), v.maxLength(254, 'is too long'), v.email('must be an email address')),
  password: v.pipe(v.string('is required'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long')),
});

// Repeated failures: 5 per account and 30 per client address in 15 minutes, then 429 until the window passes.
const WINDOW_MS = 15 * 60 * 1000;
const PER_ACCOUNT = 5;
const PER_ADDRESS = 30;

export function authRoutes({ db, now, trustProxy }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/auth/login', async (c) => {
      const parsed = v.safeParse(loginSchema, await readJsonBody(c));
      if (!parsed.success) {
        throw validationFailed(Object.fromEntries(parsed.issues.map((i) => [v.getDotPath(i) ?? '(body)', i.input === undefined ? 'is required' : i.message])));
      }
      const { email, password } = parsed.output;
      const at = now();
      const accountBucket = `login:account:${sha256(email.toLowerCase())}`;
      const addressBucket = `login:address:${sha256(clientAddress(c, trustProxy))}`;
      // Every attempt takes a slot before the password is checked, so guesses sent all at once are counted too; a
      // successful sign-in clears the account's count and gives back its slot of the address's.
      const [, addressSlot] = await enforceLimits(c, db, [
        { bucket: accountBucket, limit: PER_ACCOUNT, windowMs: WINDOW_MS },
        { bucket: addressBucket, limit: PER_ADDRESS, windowMs: WINDOW_MS },
      ], at, 'too_many_attempts', 'Too many failed sign-ins; wait before trying again.');
      const user = await findUserByEmail(db, email);
      // Unknown accounts cost the same time and give the same answer as a wrong password.
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
      if (!user || !ok || user.disabled_at) {
        throw new ApiError(401, 'invalid_credentials', 'The email or password is not right.');
      }
      await releaseThrottleSlots(db, [addressSlot!]);
      await clearThrottle(db, accountBucket);
      // A new session id at every sign-in: a token planted before sign-in is never promoted (fixation).
      const previous = sessionToken(c);
      if (previous) await deleteSession(db, sha256(previous));
      const token = newToken();
      await createSession(db, sha256(token), user.id, at);
      await writeAudit(db, { userId: user.id, action: 'auth.login', unitId: user.unit_id }, at);
      setSessionCookie(c, token, SESSION_ABSOLUTE_MS / 1000, trustProxy);
      return c.json({ user: await publicUser(db, user) }, 200);
    })
    .post('/auth/logout', async (c) => {
      const token = sessionToken(c);
      if (token) await deleteSession(db, sha256(token));
      const user = c.get('user');
      if (user) await writeAudit(db, { userId: user.id, action: 'auth.logout', unitId: user.unit_id }, now());
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/auth/me', async (c) => {
      const user = requireUser(c);
      return c.json({ user: await publicUser(db, user) }, 200);
    });
}
