// Two-factor sign-in (docs/decisions/018): enrolment (a secret shown once as a QR code, confirmed by a code, which
// answers ten recovery codes once), the code step of signing in, turning it off, and the account's status. Codes are
// limited like passwords (core/domain/sign-in-limits.ts) and a code is never accepted twice.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { writeAudit } from '../../db/queries/audit.ts';
import type { User } from '../../core/schema.ts';
import {
  consumeRecoveryCode, consumeTotpStep, deletePendingLogin, disableTotp, enableTotp, recoveryCodesLeft, storeTotpSecret, userOfPendingLogin,
} from '../../db/queries/two-factor.ts';
import { verifyPassword } from '../../core/domain/passwords.ts';
import { sha256 } from '../auth/tokens.ts';
import { enrolment, newTotpSecret, totpStep } from '../auth/totp.ts';
import { newRecoveryCode, parseCode, RECOVERY_CODE_COUNT, twoFactorAvailable, twoFactorRequired } from '../../core/domain/two-factor.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireAccount } from '../middleware/session.ts';
import { clearPendingCookie, pendingToken } from '../middleware/sign-in-cookies.ts';
import { attemptSucceeded, beginAttempt, openSession } from './sign-in.ts';

const codeField = v.pipe(v.string('is required'), v.minLength(1, 'is required'), v.maxLength(40, 'is too long'));
export const codeSchema = v.object({ code: codeField });
const passwordField = v.pipe(v.string('must be text'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long'));
export const setupSchema = v.object({ password: v.optional(passwordField) });
export const enableSchema = v.object({ code: codeField, password: v.optional(passwordField) });
export const disableSchema = v.object({
  code: v.optional(codeField),
  password: v.optional(v.pipe(v.string('must be text'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long'))),
});

async function parse<T extends v.GenericSchema>(c: Context, schema: T): Promise<v.InferOutput<T>> {
  const parsed = v.safeParse(schema, await readJsonBody(c));
  if (!parsed.success) {
    throw validationFailed(Object.fromEntries(parsed.issues.map((i) => [v.getDotPath(i) ?? '(body)', i.input === undefined ? 'is required' : i.message])));
  }
  return parsed.output;
}

const invalidCode = (status: 400 | 401) => new ApiError(status, 'invalid_code', 'The code is not right, or was already used.');

/**
 * Re-authentication (docs/decisions/043): starting and confirming enrolment need the account's current password, not
 * only a session, so a stolen session cannot enrol its own authenticator and keep the recovery codes (nor create an API
 * token, decision 065). The password
 * is a sign-in password for the limits on guessing (core/domain/sign-in-limits.ts).
 */
export async function reauthenticate(c: Context<AppEnv>, deps: AppDeps, user: User, password: string | undefined, at: Date, why = 'to change two-factor sign-in'): Promise<void> {
  if (!password) {
    throw new ApiError(400, 'reauthentication_required', `Type the account's current password ${why}.`, { password: 'is required' });
  }
  const attempt = await beginAttempt(c, deps, 'password', user, at);
  if (!(await verifyPassword(password, user.password_hash))) throw new ApiError(401, 'invalid_credentials', 'The password is not right.');
  await attemptSucceeded(deps, attempt);
}

/**
 * Checks a code typed by the account's owner: the authenticator's code of the step before, at or after now, never one
 * of a step already used; or an unused recovery code, which is spent. Null when it is neither.
 */
async function checkCode(deps: AppDeps, user: User, input: string, at: Date): Promise<'totp' | 'recovery_code' | null> {
  const code = parseCode(input);
  if (!code || !user.totp_secret || !user.totp_enabled_at) return null;
  if (code.kind === 'totp') {
    const step = totpStep(user.totp_secret, code.code, at);
    return step !== null && (await consumeTotpStep(deps.db, user.id, step)) ? 'totp' : null;
  }
  return (await consumeRecoveryCode(deps.db, user.id, sha256(code.code), at)) ? 'recovery_code' : null;
}

export function twoFactorRoutes(deps: AppDeps) {
  const { db, now, requireAdminTwoFactor = false } = deps;
  const audit = (user: User, action: string, at: Date, details?: Record<string, unknown>) => writeAudit(db, { userId: user.id, action, unitId: user.unit_id, details }, at);

  return new Hono<AppEnv>()
    .get('/2fa', async (c) => {
      const { user } = requireAccount(c);
      return c.json({
        available: twoFactorAvailable(user.role),
        required: twoFactorRequired(user.role, requireAdminTwoFactor),
        enabled: user.totp_enabled_at !== null,
        enabledAt: user.totp_enabled_at,
        recoveryCodesLeft: user.totp_enabled_at ? await recoveryCodesLeft(db, user.id) : 0,
      }, 200);
    })
    .post('/2fa/setup', async (c) => {
      const { user } = requireAccount(c);
      if (!twoFactorAvailable(user.role)) throw new ApiError(403, 'forbidden', 'Two-factor sign-in is for evaluators and administrators.');
      const { password } = await parse(c, setupSchema);
      const at = now();
      if (user.totp_enabled_at) {
        throw new ApiError(409, 'two_factor_enabled', 'Two-factor sign-in is already on; turn it off first to use another authenticator.');
      }
      await reauthenticate(c, deps, user, password, at);
      const secret = newTotpSecret();
      if (!(await storeTotpSecret(db, user.id, secret))) {
        throw new ApiError(409, 'two_factor_enabled', 'Two-factor sign-in is already on; turn it off first to use another authenticator.');
      }
      await audit(user, 'auth.2fa.setup', at);
      return c.json({ secret, ...enrolment(secret, user.email) }, 200);
    })
    .post('/2fa/enable', async (c) => {
      const { user } = requireAccount(c);
      if (!twoFactorAvailable(user.role)) throw new ApiError(403, 'forbidden', 'Two-factor sign-in is for evaluators and administrators.');
      const { code, password } = await parse(c, enableSchema);
      if (user.totp_enabled_at) throw new ApiError(409, 'two_factor_enabled', 'Two-factor sign-in is already on.');
      if (!user.totp_secret) throw new ApiError(409, 'two_factor_not_set_up', 'Start the set-up first (POST /api/auth/2fa/setup).');
      const at = now();
      await reauthenticate(c, deps, user, password, at);
      const attempt = await beginAttempt(c, deps, 'code', user, at);
      const parsed = parseCode(code);
      const step = parsed?.kind === 'totp' ? totpStep(user.totp_secret, parsed.code, at) : null;
      if (step === null) {
        await audit(user, 'auth.2fa.failed', at, { during: 'enable' });
        throw invalidCode(400);
      }
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
      const hashes = recoveryCodes.map((r) => sha256(parseCode(r)!.code));
      if (!(await enableTotp(db, user.id, step, hashes, at))) throw new ApiError(409, 'two_factor_enabled', 'Two-factor sign-in is already on.');
      await attemptSucceeded(deps, attempt);
      await audit(user, 'auth.2fa.enable', at);
      return c.json({ recoveryCodes }, 200);
    })
    .post('/2fa/verify', async (c) => {
      const { code } = await parse(c, codeSchema);
      const token = pendingToken(c);
      const at = now();
      const user = token ? await userOfPendingLogin(db, sha256(token), at) : undefined;
      if (!token || !user || user.disabled_at || !user.totp_enabled_at) {
        throw new ApiError(401, 'sign_in_expired', 'This sign-in has expired; enter the email and password again.');
      }
      const attempt = await beginAttempt(c, deps, 'code', user, at);
      const factor = await checkCode(deps, user, code, at);
      if (!factor) {
        await audit(user, 'auth.2fa.failed', at);
        throw invalidCode(401);
      }
      await attemptSucceeded(deps, attempt);
      await deletePendingLogin(db, sha256(token));
      if (factor === 'recovery_code') await audit(user, 'auth.2fa.recovery_code_used', at, { recoveryCodesLeft: await recoveryCodesLeft(db, user.id) });
      const publicView = await openSession(c, deps, user, at, { secondFactor: factor });
      clearPendingCookie(c);
      return c.json({ user: publicView }, 200);
    })
    .post('/2fa/disable', async (c) => {
      const { user } = requireAccount(c);
      const body = await parse(c, disableSchema);
      if (!body.code && !body.password) throw validationFailed({ code: 'a current code or the password is required', password: 'a current code or the password is required' });
      if (!user.totp_enabled_at) throw new ApiError(409, 'two_factor_not_enabled', 'Two-factor sign-in is not on.');
      if (twoFactorRequired(user.role, requireAdminTwoFactor)) {
        throw new ApiError(409, 'two_factor_required', 'Administrators must keep two-factor sign-in on this portal.');
      }
      const at = now();
      if (body.password) {
        const attempt = await beginAttempt(c, deps, 'password', user, at);
        if (!(await verifyPassword(body.password, user.password_hash))) throw new ApiError(401, 'invalid_credentials', 'The password is not right.');
        await attemptSucceeded(deps, attempt);
      } else {
        const attempt = await beginAttempt(c, deps, 'code', user, at);
        if (!(await checkCode(deps, user, body.code!, at))) {
          await audit(user, 'auth.2fa.failed', at);
          throw invalidCode(401);
        }
        await attemptSucceeded(deps, attempt);
      }
      await disableTotp(db, user.id);
      await audit(user, 'auth.2fa.disable', at, { with: body.password ? 'password' : 'code' });
      return c.json({ enabled: false }, 200);
    });
}
