// Serves the built Astro site from the same process as the API. Prerendered pages are served as files; pages rendered
// on demand (a receipt, a unit's page, the permit form, the rankings, the permit times) go to Astro's handler
// (server/astro-pages.ts, docs/decisions/054). The rating form, not yet converted, carries a named
// slot that the server fills with HTML made from the API's own answers, so residents read it without JavaScript and
// the island enhances it (docs/decisions/030-server-filled-pages.md). Unknown units answer the site's 404 page.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { ROLE_VARIANT_DIR, type Lang, type WorkspaceRole } from '../core/i18n/lang.ts';
import { permitStrings } from '../core/i18n/i18n-permits.ts';
import { ratingStrings } from '../core/i18n/i18n-rating.ts';
import type { UnitPublic } from '../core/api-types.ts';
import { astroPages, clientDir, renderNotFound } from './astro-pages.ts';
import type { AppDeps } from './deps.ts';
import { uuidV4 } from '../core/domain/ids.ts';
import { CHANNELS, SLUG_PATTERN } from '../core/domain/rating-input.ts';
import { ratingFormFragment } from './pages/rating-form.ts';
import { renderSitePage } from './pages/slots.ts';
import { headerRole } from './middleware/session.ts';

const LANGS = [['', 'id'], ['/en', 'en']] as const;

/** A GET of the API inside this process (no network): the pages show exactly what the API answers. */
export type ApiGet = (path: string) => Response | Promise<Response>;

async function apiJson<T>(apiGet: ApiGet, path: string): Promise<T | null> {
  const res = await apiGet(path);
  return res.status === 200 ? ((await res.json()) as T) : null;
}

export function siteRoutes(deps: AppDeps, apiGet: ApiGet) {
  const distDir = deps.distDir!;
  const root = relative(process.cwd(), clientDir(distDir)) || '.';
  const notFound = sitePageNotFound({ ...deps, distDir });
  const app = new Hono();
  app.use('/_astro/*', async (c, next) => {
    await next();
    // Astro's bundles carry a content hash in their names: cache them for a year.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });

  /** The unit of a page's slug, as the API describes it, or null (the page then answers 404). */
  const unitOf = async (c: Context) => {
    const slug = c.req.param('slug') ?? '';
    return SLUG_PATTERN.test(slug) ? apiJson<UnitPublic>(apiGet, `/units/${slug}`) : null;
  };

  for (const [prefix, lang] of LANGS) {
    const page = async (c: Context, path: string, slot: string, fragment: string, title?: string, status: 200 | 404 = 200) => {
      const role = await headerRole(c, deps);
      if (role) c.header('Cache-Control', 'private, no-store');
      return c.html(renderSitePage(distDir, lang as Lang, path, slot, fragment, title, c.req.url, role), status);
    };

    app.get(`${prefix}/nilai/:slug`, async (c) => {
      const unit = await unitOf(c);
      if (!unit) return notFound(c);
      const ch = c.req.query('ch') ?? 'web';
      const values: Record<string, string> = { service: c.req.query('layanan') ?? '', visitCode: c.req.query('kode') ?? '' };
      const state = { idempotencyKey: uuidV4(), channel: (CHANNELS as readonly string[]).includes(ch) ? ch : 'web', values, errors: {} };
      return page(c, '/nilai', 'rating-form', ratingFormFragment(lang, unit, state), `${ratingStrings(lang).rateTitle}: ${unit.name}`);
    });

  }
  // A signed-in reader gets the copy of a prerendered page built for their role, whose header names their workspace
  // (core/i18n/lang.ts, docs/decisions/059); the copies are never served by their own address.
  app.use('*', async (c, next) => {
    if (c.req.path === `/${ROLE_VARIANT_DIR}` || c.req.path.startsWith(`/${ROLE_VARIANT_DIR}/`)) return notFound(c);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const role = await headerRole(c, deps);
    const file = role ? roleCopy(distDir, role, c.req.path) : null;
    if (!file) return next();
    // A page that names its reader's workspace is never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.html(await readFile(file, 'utf8'));
  });
  app.use('*', serveStatic({ root }));
  // What no file answers may be an on-demand Astro page (docs/decisions/054); else the site's 404 (app.notFound).
  app.use('*', astroPages({ ...deps, distDir }));
  return app;
}

/** A site path's built page in a workspace role's copy of the site, or null when the path has none. */
function roleCopy(distDir: string, role: WorkspaceRole, path: string): string | null {
  // Page paths are lower-case words and slashes; anything else (dots, encoded characters) is a file or no page.
  if (!/^\/(?:[a-z0-9-]+\/?)*$/.test(path)) return null;
  const file = join(clientDir(distDir), ROLE_VARIANT_DIR, role, path, 'index.html');
  return existsSync(file) ? file : null;
}

/**
 * The site's own 404 page for unknown paths outside /api, rendered for its reader (a signed-in reader's header names
 * their workspace); with a stand-in site (API tests), its 404.html.
 */
export function sitePageNotFound(deps: AppDeps & { distDir: string }) {
  const standIn = join(clientDir(deps.distDir), '404.html');
  return async (c: Context) => {
    const page = await renderNotFound(deps, c);
    if (page) return page;
    if (!existsSync(standIn)) return c.text('404 Not Found', 404);
    return c.html(await readFile(standIn, 'utf8'), 404);
  };
}
