// Serves the built Astro site from the same process as the API (docs/decisions/003, 054): prerendered pages as files
// (a signed-in reader gets the copy built for their role, decision 059), everything else to Astro's handler, which
// renders the pages that need live data on demand (server/astro-pages.ts); what neither answers gets the site's 404.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { ROLE_VARIANT_DIR, type WorkspaceRole } from '../core/i18n/lang.ts';
import { astroPages, clientDir, renderNotFound } from './astro-pages.ts';
import type { AppDeps } from './deps.ts';
import { headerRole } from './middleware/session.ts';

export function siteRoutes(deps: AppDeps) {
  const distDir = deps.distDir!;
  const root = relative(process.cwd(), clientDir(distDir)) || '.';
  const notFound = sitePageNotFound({ ...deps, distDir });
  const app = new Hono();
  app.use('/_astro/*', async (c, next) => {
    await next();
    // Astro's bundles carry a content hash in their names: cache them for a year.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });

  // A signed-in reader gets the copy of a prerendered page built for their role, whose header names their workspace
  // (core/i18n/lang.ts, docs/decisions/059); the copies are never served by their own address.
  app.use('*', async (c, next) => {
    if (c.req.path === `/${ROLE_VARIANT_DIR}` || c.req.path.startsWith(`/${ROLE_VARIANT_DIR}/`)) return notFound(c);
    // Files (the scripts, styles, images: a dot in the path) have no role copy: no session lookup for them.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !PAGE_PATH.test(c.req.path)) return next();
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

/** Page paths are lower-case words and slashes; anything else (dots, encoded characters) is a file or no page. */
const PAGE_PATH = /^\/(?:[a-z0-9-]+\/?)*$/;

/** A site path's built page in a workspace role's copy of the site, or null when the path has none. */
function roleCopy(distDir: string, role: WorkspaceRole, path: string): string | null {
  if (!PAGE_PATH.test(path)) return null;
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
