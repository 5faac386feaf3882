// Every state-changing request that carries a session cookie must come from our own origin (API.md "Accounts"): the
// Origin (or, failing that, Referer) must match the request's own scheme, host and port. The scheme is the
// connection's, or X-Forwarded-Proto's when a trusted proxy sent it, so http://portal cannot post to https://portal.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { requestOrigin, type ProxyTrust } from '../auth/client.ts';
import { ApiError } from '../errors.ts';
import { SESSION_COOKIE } from './session.ts';
import { PENDING_COOKIE } from './sign-in-cookies.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin (scheme, host, port) an Origin or Referer header names, or null for none or an opaque one. */
function originOf(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function sameOriginGuard(trust?: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const source = origin !== undefined ? originOf(origin) : originOf(c.req.header('referer'));
      // A pending second-factor sign-in counts as a session too (docs/decisions/018).
      const hasSession = getCookie(c, SESSION_COOKIE) !== undefined || getCookie(c, PENDING_COOKIE) !== undefined;
      const crossSite = source !== null && source !== requestOrigin(c, trust);
      // With a session cookie the origin must be shown and ours; without one, a foreign origin is still refused
      // on sign-in (login CSRF) and on everything else it could change.
      if (crossSite || (hasSession && source === null)) {
        throw new ApiError(403, 'cross_origin_refused', 'This request did not come from this site.');
      }
    }
    await next();
  };
}
