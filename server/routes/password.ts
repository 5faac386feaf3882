// Passwords by mail and on the account page (issue 27 item 2, docs/decisions/061):
// - POST /auth/password-reset {email}: the same 202 for every address (known, unknown, disabled), throttled per
//   address and per client; a known, enabled account gets a single-use link valid 1 h by mail.
// - POST /auth/password {token, password}: sets the password from an invitation's or a reset's link, once; every
//   session of the account ends.
// - PUT /auth/password {currentPassword, password}: the signed-in account changes its own password (the current one
//   is checked under the sign-in limits); every other session of the account ends.
// The two POSTs also take plain HTML form posts from /lupa-sandi and /atur-sandi (303 on success; a refused post renders
// the page again with its messages, decision 057).
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { findAccountToken, setPasswordEndingSessions, spendAccountToken, spendOpenTokens } from '../../db/queries/account-tokens.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { findUserByEmail, findUserById } from '../../db/queries/users.ts';
import { newPasswordField, resetRequestLimits, TOKEN_PATTERN, tokenState, tokenUseLimits, type TokenState } from '../../core/domain/account-tokens.ts';
import { formLang, formValues } from '../../core/domain/form-input.ts';
import { hashPassword, verifyPassword } from '../../core/domain/passwords.ts';
import { href, type Lang } from '../../core/i18n/lang.ts';
import { mailAccountStrings } from '../../core/i18n/i18n-mail-accounts.ts';
import { renderFormAnswer } from '../astro-pages.ts';
import { clientAddress } from '../auth/client.ts';
import { sha256 } from '../auth/tokens.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { queueAccountLink } from '../mail/account-mails.ts';
import { readJsonBody, readTextBody, SUBMISSION_LIMIT_BYTES } from '../middleware/json-body.ts';
import { requireUser, sessionToken } from '../middleware/session.ts';
import { enforceLimits } from '../middleware/throttle.ts';
import { parseWith } from '../validate.ts';
import { isFormPost } from './html-forms.ts';
import { attemptSucceeded, beginAttempt } from './sign-in.ts';

const emailField = v.pipe(v.string('must be an email address'), v.trim(), v.toLowerCase(), v.maxLength(254, 'is too long'), v.email('must be an email address'));
export const resetRequestSchema = v.object({ email: emailField });
export const setPasswordSchema = v.object({
  token: v.pipe(v.string('is required'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long')),
  password: newPasswordField,
});
export const changePasswordSchema = v.object({
  currentPassword: v.pipe(v.string('is required'), v.minLength(1, 'is required'), v.maxLength(200, 'is too long')),
  password: newPasswordField,
});

/** The same answer for every address (no account enumeration). */
const RESET_ACCEPTED = { accepted: true as const, message: 'If the address belongs to an account, a link to choose a new password has been mailed; it works once and for 1 hour.' };

const TOKEN_ERRORS: Record<Exclude<TokenState, 'valid'>, ApiError> = {
  unknown: new ApiError(404, 'token_unknown', 'This link is not known; ask for a new one.'),
  used: new ApiError(410, 'token_used', 'This link was already used; each link works once.'),
  expired: new ApiError(410, 'token_expired', 'This link has expired; ask for a new one.'),
};
const tokenError = (state: Exclude<TokenState, 'valid'>) => {
  const e = TOKEN_ERRORS[state];
  return new ApiError(e.status, e.code, e.message);
};

type Body = { form: URLSearchParams | null; body: unknown };
async function readBody(c: Context): Promise<Body> {
  if (!isFormPost(c)) return { form: null, body: await readJsonBody(c) };
  const form = new URLSearchParams(await readTextBody(c, ['application/x-www-form-urlencoded'], SUBMISSION_LIMIT_BYTES));
  return { form, body: formValues(form) };
}

/** A page's message for a refused field (the API's message is English and technical). */
function fieldMessage(lang: Lang, field: string, message: string): string {
  const w = mailAccountStrings(lang);
  if (field === 'email') return w.emailInvalid;
  if (field === 'password' || field === 'passwordAgain') {
    if (message === 'is too long') return w.passwordTooLong;
    if (message === 'must match') return w.passwordMismatch;
    return w.passwordTooShort;
  }
  return message;
}

export function passwordRoutes(deps: AppDeps) {
  const { db, now, trustProxy } = deps;

  /** A refused plain form post: its page again, with the values (never a password) and the messages. */
  const pageAgain = (c: Context, form: URLSearchParams, path: string, error: ApiError) => {
    if (!deps.distDir) throw error;
    const lang = formLang(form);
    const w = mailAccountStrings(lang);
    const values = Object.fromEntries(Object.entries(formValues(form)).filter(([k]) => !/password/i.test(k)));
    const errors = Object.fromEntries(Object.entries(error.fields ?? {}).map(([f, m]) => [f, fieldMessage(lang, f, m)]));
    const formError = error.status === 429 ? w.throttled
      : error.code.startsWith('token_') ? w.token[error.code.slice('token_'.length)]
      : error.code === 'account_disabled' ? w.token.disabled
      : error.fields ? undefined : w.serverError;
    return renderFormAnswer(deps, c, href(lang, path), { status: error.status, values, errors, formError, idempotencyKey: '' });
  };

  return new Hono<AppEnv>()
    .post('/password-reset', async (c) => {
      const { form, body } = await readBody(c);
      try {
        const { email } = parseWith(resetRequestSchema, body);
        const at = now();
        await enforceLimits(c, db, resetRequestLimits(sha256(`email:${email}`), sha256(clientAddress(c, trustProxy))), at,
          'too_many_reset_requests', 'Too many password reset requests; wait before asking again.');
        const user = await findUserByEmail(db, email);
        if (user && !user.disabled_at) {
          await db.transaction().execute(async (trx) => {
            await queueAccountLink(trx, deps, user, 'reset');
            await writeAudit(trx, { userId: user.id, action: 'auth.password_reset.requested', unitId: user.unit_id }, at);
          });
        }
        if (form) return c.redirect(`${href(formLang(form), '/lupa-sandi')}?terkirim=1`, 303);
        return c.json(RESET_ACCEPTED, 202);
      } catch (error) {
        if (form && error instanceof ApiError) return pageAgain(c, form, '/lupa-sandi', error);
        throw error;
      }
    })
    .post('/password', async (c) => {
      const { form, body } = await readBody(c);
      try {
        const input = parseWith(setPasswordSchema, body);
        if (form && form.get('passwordAgain') !== input.password) throw validationFailed({ passwordAgain: 'must match' });
        const at = now();
        await enforceLimits(c, db, tokenUseLimits(sha256(clientAddress(c, trustProxy))), at, 'too_many_attempts', 'Too many tries; wait before trying again.');
        const tokenHash = sha256(input.token);
        const row = TOKEN_PATTERN.test(input.token) ? await findAccountToken(db, tokenHash) : undefined;
        const state = tokenState(row, at);
        if (state !== 'valid') throw tokenError(state);
        const user = await findUserById(db, row!.user_id);
        if (!user) throw tokenError('unknown');
        if (user.disabled_at) throw new ApiError(403, 'account_disabled', 'This account is disabled; an administrator can enable it.');
        // scrypt before the transaction, so the database's writer is never held for it.
        const hash = await hashPassword(input.password);
        const ended = await db.transaction().execute(async (trx) => {
          if (!(await spendAccountToken(trx, tokenHash, user.id, at))) return null;
          const sessions = await setPasswordEndingSessions(trx, user.id, hash);
          await writeAudit(trx, { userId: user.id, action: `auth.password.set_by_${row!.purpose}`, unitId: user.unit_id, details: { sessionsEnded: sessions } }, at);
          return sessions;
        });
        // Another use of the same link committed first.
        if (ended === null) throw tokenError(tokenState(await findAccountToken(db, tokenHash), at) as Exclude<TokenState, 'valid'>);
        if (form) return c.redirect(`${href(formLang(form), '/atur-sandi')}?selesai=1`, 303);
        return c.json({ passwordSet: true as const, email: user.email }, 200);
      } catch (error) {
        if (form && error instanceof ApiError) return pageAgain(c, form, '/atur-sandi', error);
        throw error;
      }
    })
    .put('/password', async (c) => {
      const user = requireUser(c);
      const input = parseWith(changePasswordSchema, await readJsonBody(c));
      const at = now();
      // The current password is a sign-in password for the limits on guessing (a stolen session cannot guess it fast).
      const attempt = await beginAttempt(c, deps, 'password', user, at);
      if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
        throw new ApiError(401, 'invalid_credentials', 'The current password is not right.', { currentPassword: 'is not right' });
      }
      await attemptSucceeded(deps, attempt);
      const hash = await hashPassword(input.password);
      const current = sessionToken(c);
      const ended = await db.transaction().execute(async (trx) => {
        const sessions = await setPasswordEndingSessions(trx, user.id, hash, current ? sha256(current) : undefined);
        await spendOpenTokens(trx, user.id, at);
        await writeAudit(trx, { userId: user.id, action: 'auth.password.changed', unitId: user.unit_id, details: { otherSessionsEnded: sessions } }, at);
        return sessions;
      });
      return c.json({ passwordChanged: true as const, otherSessionsEnded: ended }, 200);
    });
}
