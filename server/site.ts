// Serves the built Astro site from the same process as the API. Pages that read a slug from the URL
// (/nilai/{slug}, /unit/{slug}) are one static file each; the island reads the slug (DESIGN.md "The flows").
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';

const SLUG_PAGES = ['nilai', 'unit', 'izin'] as const;
const LANGS = ['', '/en'] as const;

export function siteRoutes(distDir: string) {
  const root = relative(process.cwd(), distDir) || '.';
  const app = new Hono();
  app.use('/_astro/*', async (c, next) => {
    await next();
    // Astro's bundles carry a content hash in their names: cache them for a year.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  for (const lang of LANGS) {
    for (const page of SLUG_PAGES) {
      app.get(`${lang}/${page}/:slug{[a-z0-9-]+}`, serveStatic({ path: join(root, lang, page, 'index.html') }));
    }
  }
  app.use('*', serveStatic({ root }));
  return app;
}

/** The site's own 404 page for unknown paths outside /api. */
export function sitePageNotFound(distDir: string) {
  const page = join(distDir, '404.html');
  return async (c: Context) => {
    if (!existsSync(page)) return c.text('404 Not Found', 404);
    return c.html(await readFile(page, 'utf8'), 404);
  };
}
