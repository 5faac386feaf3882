// Sign-in, sign-out and the current account (API.md "Accounts"). Guessing is limited per account and client with
// growing delays account-wide (core/domain/sign-in-limits.ts); an account with two-factor sign-in gets a pending
// sign-in for its code instead of a session (server/routes/two-factor.ts, docs/decisions/018).
import { Hono } from 'hono';
import * as v from 'valibot';
import { writeAudit } from '../../db/queries/audit.ts';
import { deleteSession } from '../../db/queries/sessions.ts';
import { createPendingLogin } from '../../db/queries/two-factor.ts';
import { findUserByEmail, publicUser } from '../../db/queries/users.ts';
import { dummyHash, verifyPassword } from '../../core/domain/passwords.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import { PENDING_LOGIN_MS, twoFactorRequired } from '../../core/domain/two-factor.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { clearSessionCookie, requireAccount, sessionToken } from '../middleware/session.ts';
import { setPendingCookie } from '../middleware/sign-in-cookies.ts';
import { attemptSucceeded, beginAttempt, openSession } from './sign-in.ts';

export const loginSchema = v.object({
  email: v.pipe(v.string('is required'), v.trim(), v.minLength(3, 'must be an email address'), v.maxLength(254, 'is too long'), v.email('must be an email address')),
  password: v.pipe(v.string('is required'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long')),
});

export function authRoutes(deps: AppDeps) {
  const { db, now, trustProxy } = deps;
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const parsed = v.safeParse(loginSchema, await readJsonBody(c));
      if (!parsed.success) {
        throw validationFailed(Object.fromEntries(parsed.issues.map((i) => [v.getDotPath(i) ?? '(body)', i.input === undefined ? 'is required' : i.message])));
      }
      const { email, password } = parsed.output;
      const at = now();
      const user = await findUserByEmail(db, email);
      const attempt = await beginAttempt(c, deps, 'password', user ?? { email }, at);
      // Unknown accounts cost the same time and give the same answer as a wrong password.
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
      if (!user || !ok || user.disabled_at) {
        throw new ApiError(401, 'invalid_credentials', 'The email or password is not right.');
      }
      await attemptSucceeded(deps, attempt);
      if (user.totp_enabled_at) {
        const token = newToken();
        await createPendingLogin(db, sha256(token), user.id, at, PENDING_LOGIN_MS);
        await writeAudit(db, { userId: user.id, action: 'auth.2fa.challenge', unitId: user.unit_id }, at);
        setPendingCookie(c, token, PENDING_LOGIN_MS, trustProxy);
        return c.json({ twoFactorRequired: true as const }, 200);
      }
      const publicView = await openSession(c, deps, user, at);
      if (twoFactorRequired(user.role, deps.requireAdminTwoFactor ?? false)) {
        return c.json({ user: publicView, twoFactorSetupRequired: true as const }, 200);
      }
      return c.json({ user: publicView }, 200);
    })
    .post('/logout', async (c) => {
      const token = sessionToken(c);
      if (token) await deleteSession(db, sha256(token));
      const user = c.get('user') ?? c.get('enrolOnly');
      if (user) await writeAudit(db, { userId: user.id, action: 'auth.logout', unitId: user.unit_id }, now());
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      const { user, enrolOnly } = requireAccount(c);
      const publicView = await publicUser(db, user);
      return enrolOnly ? c.json({ user: publicView, twoFactorSetupRequired: true as const }, 200) : c.json({ user: publicView }, 200);
    });
}
