// Every state-changing request that carries a session cookie must come from our own origin (API.md "Accounts"): the
// Origin (or, failing that, Referer) must match the request's own scheme, host and port. The scheme is the
// connection's, or X-Forwarded-Proto's when a trusted proxy sent it, so http://portal cannot post to https://portal.
// `Origin: null` (a sandboxed frame, a no-referrer page's form) is a foreign origin, and a browser's `Sec-Fetch-Site`
// other than same-origin or none is refused whatever the other headers say (docs/decisions/043). A client that sends
// neither header nor a session (an API client, curl) is not a browser on another site and may post as documented.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { requestOrigin, type ProxyTrust } from '../auth/client.ts';
import { ApiError } from '../errors.ts';
import { SESSION_COOKIE } from './session.ts';
import { PENDING_COOKIE } from './sign-in-cookies.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a browser sets on a request its own page started (or the person typed): nothing else is ours. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * The origin (scheme, host, port) an Origin or Referer header names; null for none; 'opaque' for a value that names no
 * origin we could be (`null`, which Chromium sends from sandboxed frames and no-referrer pages, or anything unreadable).
 */
function originOf(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? 'opaque' : origin;
  } catch {
    return 'opaque';
  }
}

export function sameOriginGuard(trust?: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const source = origin !== undefined ? originOf(origin) : originOf(c.req.header('referer'));
      // A pending second-factor sign-in counts as a session too (docs/decisions/018).
      const hasSession = getCookie(c, SESSION_COOKIE) !== undefined || getCookie(c, PENDING_COOKIE) !== undefined;
      const fetchSite = c.req.header('sec-fetch-site');
      const crossSite = (source !== null && source !== requestOrigin(c, trust)) || (fetchSite !== undefined && !OWN_FETCH_SITES.has(fetchSite.toLowerCase()));
      // With a session cookie the origin must be shown and ours; without one, a foreign origin is still refused
      // on sign-in (login CSRF), on ratings and permit reports (another site's visitors are not its bots) and on
      // everything else it could change.
      if (crossSite || (hasSession && source === null)) {
        throw new ApiError(403, 'cross_origin_refused', 'This request did not come from this site.');
      }
    }
    await next();
  };
}
