// The unit search results page, /cari?q= (and /en/cari), for residents without JavaScript (issue 17 item 3,
// docs/decisions/031-unit-search.md). The static Astro page's server slot (decision 030, server/pages/slots.ts) gets
// the pure renderer's fragment (server/pages/search-results.ts); the language switch keeps the query. No script.
import { Hono, type Context } from 'hono';
import type { Lang } from '../core/i18n/i18n.ts';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { searchResultsHtml } from './pages/search-results.ts';
import { renderSitePage } from './pages/slots.ts';
import type { UnitSearchResult } from '../core/api-types.ts';
import { SEARCH_MAX_QUERY, unitSearch } from './routes/search.ts';

const LIMIT = 30;

export function searchPageRoutes(deps: AppDeps & { distDir: string }) {
  const app = new Hono();
  const handler = (lang: Lang) => async (c: Context) => {
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
    // The figures change as ratings arrive: a browser may keep the page only if it asks again.
    c.header('Cache-Control', 'no-cache');
    return c.html(renderSitePage(deps.distDir, lang, '/cari', 'search-results', searchResultsHtml(lang, q, result), undefined, c.req.url), 200);
  };
  for (const lang of ['id', 'en'] as const) {
    const base = lang === 'en' ? '/en/cari' : '/cari';
    app.get(base, handler(lang));
    app.get(`${base}/`, handler(lang));
  }
  return app;
}
