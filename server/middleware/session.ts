// Server-side sessions: the cookie carries a random token; the database keeps its hash (docs/decisions/011).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { userOfSession } from '../../db/queries/sessions.ts';
import type { User } from '../../core/schema.ts';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../../core/i18n/lang.ts';
import { isHttps, type ProxyTrust } from '../auth/client.ts';
import { sha256 } from '../auth/tokens.ts';
import { twoFactorRequired } from '../../core/domain/two-factor.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { apiTokenMiddleware, bearerToken } from './api-token.ts';

export const SESSION_COOKIE = 'rapor_session';

/**
 * The account of a session cookie's token, by the API's rules: `user` null and `enrolOnly` set for an administrator who
 * must enrol in two-factor sign-in first. A page rendered on demand calls it with the cookie it reads (Astro.cookies).
 */
export async function accountOfToken(
  { db, now, requireAdminTwoFactor = false }: Pick<AppDeps, 'db' | 'now' | 'requireAdminTwoFactor'>,
  token: string | undefined,
): Promise<{ user: User | null; enrolOnly: User | null }> {
  const user = token && token.length <= 100 ? ((await userOfSession(db, sha256(token), now())) ?? null) : null;
  // An account that must have two-factor sign-in and has not enrolled is no account to any route but enrolment's.
  const enrolOnly = user && !user.totp_enabled_at && twoFactorRequired(user.role, requireAdminTwoFactor);
  return { user: enrolOnly ? null : user, enrolOnly: enrolOnly ? user : null };
}

function accountOf(c: Context, deps: AppDeps): Promise<{ user: User | null; enrolOnly: User | null }> {
  return accountOfToken(deps, getCookie(c, SESSION_COOKIE));
}

export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const apiToken = apiTokenMiddleware(deps);
  return async (c, next) => {
    // A request that shows `Authorization: Bearer` is the token's, read-only, whatever cookie it carries (decision 065).
    if (bearerToken(c.req.header('authorization')) !== undefined) return apiToken(c, next);
    const { user, enrolOnly } = await accountOf(c, deps);
    c.set('user', user);
    c.set('enrolOnly', enrolOnly);
    await next();
  };
}

/** The signed-in account of a request outside the API (a page made on the server), by the same rules; null if none. */
export async function signedInUser(c: Context, deps: AppDeps): Promise<User | null> {
  return (await accountOf(c, deps)).user;
}

/**
 * The workspace a page's header links its reader to: the role of any live session (one still to enrol in two-factor
 * sign-in included: their workspace is where they enrol), or null for a visitor. Pages only; the API checks access.
 */
export function headerRole(c: Context, deps: AppDeps): Promise<WorkspaceRole | null> {
  // Asked by the role copies, the on-demand pages and the 404 alike: one session lookup per request.
  let role = headerRoles.get(c.req.raw);
  if (!role) headerRoles.set(c.req.raw, (role = lookUpHeaderRole(c, deps)));
  return role;
}
const headerRoles = new WeakMap<Request, Promise<WorkspaceRole | null>>();

async function lookUpHeaderRole(c: Context, deps: AppDeps): Promise<WorkspaceRole | null> {
  if (!getCookie(c, SESSION_COOKIE)) return null;
  const { user, enrolOnly } = await accountOf(c, deps);
  const role = (user ?? enrolOnly)?.role;
  return role && (WORKSPACE_ROLES as readonly string[]).includes(role) ? (role as WorkspaceRole) : null;
}

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number, trustProxy?: ProxyTrust): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, trustProxy),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function requireUser(c: Context<AppEnv>): User {
  const user = c.get('user');
  if (!user) {
    if (c.get('enrolOnly')) throw new ApiError(403, 'two_factor_required', 'Set up two-factor sign-in first (Akun → Keamanan / Account → Security).');
    throw new ApiError(401, 'not_signed_in', 'Sign in first.');
  }
  return user;
}

/**
 * The signed-in account, including one that may only enrol in two-factor sign-in (for the account's own page, sign-out
 * and enrolment). `enrolOnly` says which.
 */
export function requireAccount(c: Context<AppEnv>): { user: User; enrolOnly: boolean } {
  const restricted = c.get('enrolOnly');
  if (restricted) return { user: restricted, enrolOnly: true };
  return { user: requireUser(c), enrolOnly: false };
}

export function requireRole(c: Context<AppEnv>, ...roles: string[]): User {
  const user = requireUser(c);
  if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden', 'This account may not do that.');
  return user;
}
