// Compressed answers for slow phones (docs/decisions/039-compression.md): Hono's own compress middleware, except for
// streamed exports (memory budget, spreadsheet clients) and locked evidence files (sent exactly as stored and hashed).
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const UNCOMPRESSED = [/^\/api\/exports\//, /^\/api\/evidence\/[^/]+\/files\//];

export function compression(): MiddlewareHandler {
  const gzip = compress();
  return (c, next) => (UNCOMPRESSED.some((re) => re.test(c.req.path)) ? next() : gzip(c, next));
}
