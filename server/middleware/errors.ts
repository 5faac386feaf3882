// Maps every thrown error to the contract's error body once. Unexpected errors are logged on the server and
// answered with a generic 500 that carries no stack trace or internal detail.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../errors.ts';

export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(error.body(), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : `http_${status}`;
    return c.json({ error: { code, message: error.message || 'The request was refused.' } }, status);
  }
  console.error(`[rapor] ${c.req.method} ${c.req.path}:`, error);
  return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side; please try again.' } }, 500);
}
