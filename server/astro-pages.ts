// The site's pages rendered on demand: Astro pages that say `export const prerender = false` (a receipt, the search
// results) are built by the Node adapter in middleware mode into dist/server/entry.mjs; this hands a GET to its
// handler and turns what it writes into a Response, so every Hono middleware (security headers, compression, the
// signed-in header) applies to these pages as to the prerendered ones (docs/decisions/054-on-demand-pages.md).
// The pages read the database through the same `(db, …)` functions the API uses, given `db` and `now` in
// `Astro.locals` (site/env.d.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from './deps.ts';
import type { WorkspaceRole } from '../core/i18n/lang.ts';
import { headerRole } from './middleware/session.ts';
import type { ApiTokenFormAnswer } from './views/api-tokens.ts';

/** The prerendered pages and the browser's files (served as they are). */
export const clientDir = (distDir: string): string => join(distDir, 'client');
/** The on-demand pages, as the adapter builds them. */
export const serverEntry = (distDir: string): string => join(distDir, 'server', 'entry.mjs');
/** Each island's start scripts, written by the build (site/integrations/modulepreload.mjs, decision 057). */
export const preloadFile = (distDir: string): string => join(distDir, 'server', 'modulepreload.json');

/** What a page finds in `Astro.locals` (declared for the pages in site/env.d.ts). */
export interface PageLocals {
  db: AppDeps['db'];
  now: () => Date;
  /** The signed-in reader's workspace role, for the header's account link. */
  role?: WorkspaceRole | null;
  /** The portal's public address for printed and embedded links (the screen's QR code, the widget's links). */
  publicUrl?: string | undefined;
  /** The ASN results rating's thresholds (the evidence verification page makes the locked files again with them). */
  asnThresholds?: AppDeps['asnThresholds'];
  /** Administrators must have two-factor sign-in: a page that reads its reader's session applies the API's rule. */
  requireAdminTwoFactor?: boolean | undefined;
  /**
   * A thin Hono middleware in front of the page refused the request with 429 (the evidence verification page's limit,
   * server/routes/evidence.ts): the page says so instead of doing the work.
   */
  tooManyRequests?: boolean;
  /** A form posted without JavaScript that was not stored: the page shows it again with its messages. */
  form?: FormAnswer;
  /** Each island's start scripts (source path → script URLs), for the page's `<link rel="modulepreload">`. */
  preload?: Record<string, string[]>;
  /** The API token form of /akun, posted without JavaScript: the new token (shown once) or what was wrong. */
  apiTokenForm?: ApiTokenFormAnswer;
}

/**
 * What a plain HTML form post that failed hands back to its page: the values as sent, a message per field, a message
 * for the whole form, and the status the answer carries (400, 409, 429 …).
 */
export interface FormAnswer {
  status: ContentfulStatusCode;
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
  /** The idempotency key the form carried (kept, so a resend after a fix is still one submission). */
  idempotencyKey: string;
  channel?: string;
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

/** The error pages' own addresses: not pages to visit; what answers them is the site's 404 (renderNotFound). */
const ERROR_PAGE = /^(?:\/en)?\/(?:404|500)\/?$/;

/**
 * Hands GET and HEAD requests to the on-demand pages; anything they do not match (and anything under `/_`, Astro's own
 * endpoints, and the error pages' routes) goes on to the next handler (the site's 404). Without a built entry
 * (API-only tests with a stand-in site) it always goes on.
 */
/** The adapter's handler, imported once per build directory on first use; null without a built entry. */
const handlers = new Map<string, Promise<AstroHandler | null>>();
function astroHandler(distDir: string): Promise<AstroHandler | null> {
  const entry = serverEntry(distDir);
  let handler = handlers.get(entry);
  if (!handler) {
    handler = existsSync(entry)
      ? import(pathToFileURL(entry).href).then((m: { handler: AstroHandler }) => m.handler)
      : Promise.resolve(null);
    handlers.set(entry, handler);
  }
  return handler;
}

/** The build's list of each island's start scripts, read once per build directory; empty without one. */
const preloads = new Map<string, Record<string, string[]>>();
function preloadOf(distDir: string): Record<string, string[]> {
  let preload = preloads.get(distDir);
  if (!preload) {
    const file = preloadFile(distDir);
    preload = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
    preloads.set(distDir, preload);
  }
  return preload;
}

function remoteAddressOf(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

function checked(c: Context, res: Response): Response {
  if (res.status >= 500) throw new Error(`the page ${c.req.path} failed to render (${res.status})`);
  // Astro says text/html; the site's other pages say their charset too.
  if (res.headers.get('content-type') === 'text/html') res.headers.set('content-type', 'text/html; charset=UTF-8');
  // Astro's own note to itself (an error page it rendered must not be rendered again) is not the reader's business.
  res.headers.delete('x-astro-reroute');
  return res;
}

/**
 * Hands GET and HEAD requests to the on-demand pages; anything they do not match (and anything under `/_`, Astro's own
 * endpoints, and the error pages' routes) goes on to the next handler (the site's 404). Without a built entry
 * (API-only tests with a stand-in site) it always goes on.
 */
/** What a middleware in front of an on-demand page hands it (set with `c.set(PAGE_LOCALS, …)`), beside the deps. */
export const PAGE_LOCALS = 'pageLocals';
type LocalsDeps = Pick<AppDeps, 'db' | 'now' | 'publicUrl' | 'asnThresholds' | 'requireAdminTwoFactor'>;
const localsOf = (deps: LocalsDeps, c: Context): PageLocals => ({
  db: deps.db, now: deps.now, publicUrl: deps.publicUrl, asnThresholds: deps.asnThresholds, requireAdminTwoFactor: deps.requireAdminTwoFactor,
  ...(c.get(PAGE_LOCALS) as Partial<PageLocals> | undefined),
});

export function astroPages(deps: AppDeps & { distDir: string }): MiddlewareHandler {
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/_') || ERROR_PAGE.test(c.req.path)) return next();
    const astro = await astroHandler(deps.distDir);
    if (!astro) return next();
    const role = await headerRole(c, deps);
    const res = await render(astro, c.req.raw, { ...localsOf(deps, c), role, preload: preloadOf(deps.distDir) }, remoteAddressOf(c));
    if (!res) return next();
    // A page that names its reader's workspace is never kept by a shared cache.
    if (role) res.headers.set('cache-control', 'private, no-store');
    return checked(c, res);
  };
}

/**
 * Renders the on-demand page at `path` (e.g. `/404`, `/nilai/{slug}`) as a GET with the reader's cookies, whatever
 * the request was, and answers it with `status`. Null without a built site (API tests with a stand-in site).
 */
async function renderPath(deps: AppDeps, c: Context, path: string, status: ContentfulStatusCode, extra: Pick<PageLocals, 'form' | 'apiTokenForm'> = {}): Promise<Response | null> {
  const astro = deps.distDir ? await astroHandler(deps.distDir) : null;
  if (!astro) return null;
  const headers = new Headers(c.req.raw.headers);
  for (const name of ['content-type', 'content-length', 'transfer-encoding']) headers.delete(name);
  const request = new Request(new URL(path, c.req.url), { method: 'GET', headers });
  const role = await headerRole(c, deps);
  const res = await render(astro, request, { ...localsOf(deps, c), role, preload: preloadOf(deps.distDir!), ...extra }, remoteAddressOf(c));
  if (!res) throw new Error(`no page answers ${path}`);
  const page = checked(c, res);
  if (role) page.headers.set('cache-control', 'private, no-store');
  return new Response(c.req.method === 'HEAD' ? null : page.body, { status, headers: page.headers });
}

/**
 * The answer to a plain HTML form post that was not stored: the form's own page (`path`, e.g. `/nilai/{slug}` or
 * `/en/izin/{slug}`), rendered with `form` in `Astro.locals` so it shows the values and messages, answered with
 * `form.status`. The page is the same Astro page a GET shows: one way to render it.
 */
export async function renderFormAnswer(deps: AppDeps, c: Context, path: string, form: FormAnswer): Promise<Response> {
  const res = await renderPath(deps, c, path, form.status, { form });
  if (!res) throw new Error(`no built site to render ${path} (run npx astro build)`);
  return res;
}

/**
 * The answer to a plain HTML form post of the API token section (/akun): the page, rendered with `apiTokenForm` in
 * `Astro.locals` (the new token shown once, or the form's messages), answered with `status`.
 */
export async function renderApiTokenAnswer(deps: AppDeps, c: Context, path: string, status: ContentfulStatusCode, apiTokenForm: ApiTokenFormAnswer): Promise<Response> {
  const res = await renderPath(deps, c, path, status, { apiTokenForm });
  if (!res) throw new Error(`no built site to render ${path} (run npx astro build)`);
  // The page may hold a new token: no cache keeps it.
  res.headers.set('cache-control', 'no-store');
  return res;
}

/** The site's 404 page (site/pages/404.astro, rendered for its reader), or null without a built site. */
export function renderNotFound(deps: AppDeps, c: Context): Promise<Response | null> {
  return renderPath(deps, c, '/404', 404);
}
