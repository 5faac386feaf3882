// Server-side sessions: the cookie carries a random token; the database keeps its hash (docs/decisions/011).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { userOfSession } from '../../db/queries/sessions.ts';
import type { User } from '../../db/database.ts';
import { isHttps, type ProxyTrust } from '../auth/client.ts';
import { sha256 } from '../auth/tokens.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';

export const SESSION_COOKIE = 'rapor_session';

export function sessionMiddleware({ db, now }: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('user', token && token.length <= 100 ? ((await userOfSession(db, sha256(token), now())) ?? null) : null);
    await next();
  };
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
  if (!user) throw new ApiError(401, 'not_signed_in', 'Sign in first.');
  return user;
}

export function requireRole(c: Context<AppEnv>, ...roles: string[]): User {
  const user = requireUser(c);
  if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden', 'This account may not do that.');
  return user;
}
