// The unit search results page, /cari?q= (and /en/cari), for residents without JavaScript (issue 17 item 3,
// docs/decisions/031-unit-search.md). The page is the static Astro page dist/cari/index.html (the site's layout,
// header and stylesheet); the server puts the pure renderer's fragment (server/pages/search-results.ts) at its marker
// and keeps the query on the language switch. No script is added.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { Lang } from '../site/lib/i18n.ts';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { searchResultsHtml } from './pages/search-results.ts';
import { SEARCH_MAX_QUERY, unitSearch, type UnitSearchResult } from './routes/search.ts';

export const SEARCH_RESULTS_MARKER = '<div data-server-fill="search-results"></div>';
const LIMIT = 30;

/** The built page with the results in place of the marker, and the language switch carrying the query. */
export function fillSearchPage(page: string, fragment: string, query: string): string {
  const search = query ? `?${query.replace(/&/g, '&amp;').replace(/"/g, '%22')}` : '';
  return page
    .replace(SEARCH_RESULTS_MARKER, () => fragment)
    .replace(/(<a href="[^"?#]*)("[^>]*\bdata-lang-switch\b)/, (_, start: string, rest: string) => `${start}${search}${rest}`);
}

export function searchPageRoutes(deps: AppDeps & { distDir: string }) {
  const app = new Hono();
  const pages = new Map<Lang, string | null>();
  const template = (lang: Lang) => {
    if (!pages.has(lang)) {
      const file = join(deps.distDir, lang === 'en' ? 'en' : '', 'cari', 'index.html');
      const text = existsSync(file) ? readFileSync(file, 'utf8') : null;
      pages.set(lang, text?.includes(SEARCH_RESULTS_MARKER) ? text : null);
    }
    return pages.get(lang)!;
  };
  const handler = (lang: Lang) => async (c: Context) => {
    const page = template(lang);
    if (!page) return c.notFound();
    const q = (c.req.query('q') ?? '').trim().slice(0, SEARCH_MAX_QUERY);
    const wilayah = c.req.query('wilayah') ?? '';
    const region = /^[0-9.]{2,20}$/.test(wilayah) ? wilayah : null;
    let result: UnitSearchResult | null = null;
    if (q) {
      try {
        result = await unitSearch(deps, { q, region, limit: LIMIT });
      } catch (error) {
        // An unknown region (an old link): search everywhere rather than fail.
        if (!(error instanceof ApiError && error.code === 'region_not_found')) throw error;
        result = await unitSearch(deps, { q, region: null, limit: LIMIT });
      }
    }
    const query = new URL(c.req.url).search.slice(1);
    // The figures change as ratings arrive: a browser may keep the page only if it asks again.
    c.header('Cache-Control', 'no-cache');
    return c.html(fillSearchPage(page, searchResultsHtml(lang, q, result), query), 200);
  };
  for (const lang of ['id', 'en'] as const) {
    const base = lang === 'en' ? '/en/cari' : '/cari';
    app.get(base, handler(lang));
    app.get(`${base}/`, handler(lang));
  }
  return app;
}
