// Refuses a request address that holds a NUL character (%00): no slug, id, code or query value may contain one, and
// PostgreSQL cannot even compare a text with it, so it is answered here, once, before any route reads the address.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';

export function refuseNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    if (/%00|\0/i.test(c.req.url)) {
      throw new ApiError(400, 'malformed_text', 'The address holds a NUL character (%00), which no path or query value accepts.');
    }
    await next();
  };
}
