// The rate limit of the public verification page of locked evidence (docs/decisions/026, 054): the page is an Astro
// page rendered on demand; this Hono middleware in front of it keeps the limit the API's verification route has (each
// view makes the lock's files again), since only Hono knows the client's address behind a trusted proxy.
import type { MiddlewareHandler } from 'hono';
import { PAGE_LOCALS } from '../astro-pages.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { limitVerification } from '../routes/evidence.ts';

/**
 * In front of the verification page (/bukti/{id}, /en/bukti/{id}: an Astro page rendered on demand,
 * site/pages/[...lang]/bukti/[id].astro): takes a verification slot for this client; refused, the page says so (429,
 * Retry-After) instead of making the files again. The page is never cached (no-store), found or not.
 */
export function evidencePageLimit(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let retryAfter: string | null = null;
    try {
      await limitVerification(c, deps);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 429) throw error;
      retryAfter = c.res.headers.get('Retry-After');
      c.set(PAGE_LOCALS, { tooManyRequests: true });
    }
    await next();
    if (retryAfter !== null) c.header('Retry-After', retryAfter);
    c.header('Cache-Control', 'no-store');
  };
}
