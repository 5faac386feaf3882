// Every state-changing request that carries a session cookie must come from our own origin (API.md "Accounts").
// A cross-site request with an Origin (or, failing that, Referer) of another host is refused with 403.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../errors.ts';
import { SESSION_COOKIE } from './session.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).host;
  } catch {
    return null;
  }
}

export function sameOriginGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const ownHost = c.req.header('host') ?? new URL(c.req.url).host;
      const origin = c.req.header('origin');
      const source = origin !== undefined ? hostOf(origin) : hostOf(c.req.header('referer'));
      const hasSession = getCookie(c, SESSION_COOKIE) !== undefined;
      const crossSite = source !== null && source !== ownHost;
      // With a session cookie the origin must be shown and ours; without one, a foreign origin is still refused
      // on sign-in (login CSRF) and on everything else it could change.
      if (crossSite || (hasSession && source === null)) {
        throw new ApiError(403, 'cross_origin_refused', 'This request did not come from this site.');
      }
    }
    await next();
  };
}
