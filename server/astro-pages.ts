// The site's pages rendered on demand: Astro pages that say `export const prerender = false` (a receipt, the search
// results) are built by the Node adapter in middleware mode into dist/server/entry.mjs; this hands a GET to its
// handler and turns what it writes into a Response, so every Hono middleware (security headers, compression, the
// signed-in header) applies to these pages as to the prerendered ones (docs/decisions/054-on-demand-pages.md).
// The pages read the database through the same `(db, …)` functions the API uses, given `db` and `now` in
// `Astro.locals` (site/env.d.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from './deps.ts';

/** The prerendered pages and the browser's files (served as they are). */
export const clientDir = (distDir: string): string => join(distDir, 'client');
/** The on-demand pages, as the adapter builds them. */
export const serverEntry = (distDir: string): string => join(distDir, 'server', 'entry.mjs');

/** What a page finds in `Astro.locals` (declared for the pages in site/env.d.ts). */
export interface PageLocals {
  db: AppDeps['db'];
  now: () => Date;
}

type NodeHeaders = Record<string, string | string[] | number | undefined>;
/** The adapter's middleware: `(req, res, next, locals)`, as Express or Connect would call it. */
type AstroHandler = (req: unknown, res: unknown, next: () => void, locals: object) => Promise<void>;

/**
 * Runs Astro's handler on a Request. The handler reads a Node request (method, url, headers, socket) and writes a Node
 * response (writeHead, write, end); these stand-ins carry only what it uses. Null when no on-demand page matches.
 * The page is small and whole before it is sent (no streaming): the body is collected, then answered.
 */
function render(handler: AstroHandler, request: Request, locals: PageLocals, remoteAddress: string | undefined): Promise<Response | null> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers.host ??= url.host;
  const socket = { encrypted: url.protocol === 'https:', remoteAddress, destroyed: false, on() {}, off() {} };
  const req = { method: request.method, url: url.pathname + url.search, headers, socket };
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let status = 200;
    let head: NodeHeaders = {};
    const res = {
      statusCode: 200,
      statusMessage: '',
      headersSent: false,
      req,
      writeHead(code: number, values?: NodeHeaders) {
        status = code;
        head = values ?? {};
        res.headersSent = true;
        return res;
      },
      write(chunk: Uint8Array | string) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        return true;
      },
      end(chunk?: Uint8Array | string) {
        if (chunk) res.write(chunk);
        if (!res.headersSent) status = res.statusCode;
        const out = new Headers();
        for (const [name, value] of Object.entries(head)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) out.append(name, String(v));
        }
        out.delete('content-length');
        const body = request.method === 'HEAD' || status === 204 || status === 304 ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status, headers: out }));
        return res;
      },
      destroy(error?: Error) {
        reject(error ?? new Error(`rendering ${url.pathname} failed`));
      },
      on() {
        return res;
      },
      off() {
        return res;
      },
      removeListener() {
        return res;
      },
    };
    handler(req, res, () => resolve(null), locals).catch(reject);
  });
}

/**
 * The prerendered error pages' routes: Astro keeps them in its manifest (to answer errors with the built file) but has
 * no page to render at their own address, so it would fail (FailedToFindPageMapSSR). They are the site's 404.
 */
const ERROR_PAGE = /^(?:\/en)?\/(?:404|500)\/?$/;

/**
 * Hands GET and HEAD requests to the on-demand pages; anything they do not match (and anything under `/_`, Astro's own
 * endpoints, and the error pages' routes) goes on to the next handler (the site's 404). Without a built entry
 * (API-only tests with a stand-in site) it always goes on.
 */
export function astroPages(deps: Pick<AppDeps, 'db' | 'now'> & { distDir: string }): MiddlewareHandler {
  const entry = serverEntry(deps.distDir);
  let handler: Promise<AstroHandler | null> | undefined;
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/_') || ERROR_PAGE.test(c.req.path)) return next();
    handler ??= existsSync(entry)
      ? import(pathToFileURL(entry).href).then((m: { handler: AstroHandler }) => m.handler)
      : Promise.resolve(null);
    const astro = await handler;
    if (!astro) return next();
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    const res = await render(astro, c.req.raw, { db: deps.db, now: deps.now }, incoming?.socket?.remoteAddress);
    if (!res) return next();
    if (res.status >= 500) throw new Error(`the page ${c.req.path} failed to render (${res.status})`);
    // Astro says text/html; the site's other pages say their charset too.
    if (res.headers.get('content-type') === 'text/html') res.headers.set('content-type', 'text/html; charset=UTF-8');
    return res;
  };
}
