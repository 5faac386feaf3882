// Serves the built Astro site from the same process as the API. Prerendered pages are served as files; pages rendered
// on demand (a receipt, the rating form) go to Astro's handler (server/astro-pages.ts, docs/decisions/054-on-demand-pages.md). The
// pages not yet converted (a unit's page, its permit form, the rankings, the permit times) carry a named
// slot that the server fills with HTML made from the API's own answers, so residents read them without JavaScript and
// the islands enhance them (docs/decisions/030-server-filled-pages.md). Unknown units answer the site's 404 page.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { findUnitBySlug } from '../db/queries/units.ts';
import type { Lang } from '../core/i18n/i18n.ts';
import { permitStrings } from '../core/i18n/i18n-permits.ts';
import { scoreStrings } from '../core/i18n/i18n-scores.ts';
import type { FollowUpProgress, PermitOverview, Scoreboard, UnitPublic, UnitScores } from '../core/api-types.ts';
import { astroPages, clientDir } from './astro-pages.ts';
import type { AppDeps } from './deps.ts';
import { uuidV4 } from '../core/domain/ids.ts';
import { SLUG_PATTERN } from '../core/domain/rating-input.ts';
import { isTimeZone, todayIn } from '../core/domain/time-zones.ts';
import { permitTimesFragment, scoreboardFragment, unitFragment } from './pages/figures.ts';
import { permitFormFragment, permitResultFragment } from './pages/permit-form.ts';
import { renderSitePage } from './pages/slots.ts';
import { permitResult } from './routes/permits.ts';

const LANGS = [['', 'id'], ['/en', 'en']] as const;

/** A GET of the API inside this process (no network): the pages show exactly what the API answers. */
export type ApiGet = (path: string) => Response | Promise<Response>;

async function apiJson<T>(apiGet: ApiGet, path: string): Promise<T | null> {
  const res = await apiGet(path);
  return res.status === 200 ? ((await res.json()) as T) : null;
}

/** The API query of a page's filters (the site says periode/wilayah/jenis; the API period/region/kind). */
function apiQuery(c: Context, names: Record<string, string>): { api: string; site: Record<string, string> } {
  const api = new URLSearchParams();
  const site: Record<string, string> = {};
  for (const [siteName, apiName] of Object.entries(names)) {
    const value = (c.req.query(siteName) ?? '').slice(0, 40);
    site[siteName] = value;
    if (value) api.set(apiName, value);
  }
  const text = api.toString();
  return { api: text ? `?${text}` : '', site };
}

export function siteRoutes(deps: AppDeps, apiGet: ApiGet) {
  const distDir = deps.distDir!;
  const root = relative(process.cwd(), clientDir(distDir)) || '.';
  const notFound = sitePageNotFound(distDir);
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
    const page = (c: Context, path: string, slot: string, fragment: string, title?: string, status: 200 | 404 = 200) =>
      c.html(renderSitePage(distDir, lang as Lang, path, slot, fragment, title, c.req.url), status);

    app.get(`${prefix}/unit/:slug`, async (c) => {
      const unit = await unitOf(c);
      if (!unit) return notFound(c);
      const period = (c.req.query('periode') ?? '').slice(0, 40);
      const [scores, followUps] = await Promise.all([
        apiJson<UnitScores>(apiGet, `/units/${unit.slug}/scores${period ? `?period=${encodeURIComponent(period)}` : ''}`),
        apiJson<{ progress: FollowUpProgress }>(apiGet, `/units/${unit.slug}/follow-ups`),
      ]);
      return page(c, '/unit', 'unit', unitFragment(lang, unit, scores, deps.now(), scores?.period.code ?? period, followUps?.progress ?? null), unit.name);
    });

    app.get(`${prefix}/izin/:slug`, async (c) => {
      const slug = c.req.param('slug');
      const unit = SLUG_PATTERN.test(slug) ? await findUnitBySlug(deps.db, slug) : undefined;
      if (!unit) return notFound(c);
      const t = permitStrings(lang);
      const reportId = c.req.query('laporan');
      if (reportId) {
        // The result of a report sent by the plain HTML form (POST, then 303 here), on the receipt page: no island there
        // would take its place with a fresh form.
        const result = await permitResult(deps.db, unit, reportId, deps.now());
        if (!result) return notFound(c);
        c.header('Cache-Control', 'private, no-store');
        return page(c, '/tanda-terima', 'receipt', permitResultFragment(lang, unit, result.service, result.report), `${t.resultTitle}: ${result.service.name}`);
      }
      const publicUnit = await unitOf(c);
      if (!publicUnit) return notFound(c);
      const today = todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', deps.now());
      const state = { idempotencyKey: uuidV4(), today, values: {}, errors: {} };
      return page(c, '/izin', 'permit-form', permitFormFragment(lang, publicUnit, state), `${t.permitTitle}: ${unit.name}`);
    });

    const scoreboard = async (c: Context) => {
      const q = apiQuery(c, { periode: 'period', wilayah: 'region', jenis: 'kind' });
      const board = await apiJson<Scoreboard>(apiGet, `/scoreboard${q.api}`);
      const shown = { periode: board?.period.code ?? q.site.periode!, wilayah: q.site.wilayah!, jenis: q.site.jenis! };
      return page(c, '/peringkat', 'scoreboard', scoreboardFragment(lang, board, deps.now(), shown), scoreStrings(lang).scoreboardTitle);
    };
    app.get(`${prefix}/peringkat`, scoreboard);
    app.get(`${prefix}/peringkat/`, scoreboard);

    const permitTimes = async (c: Context) => {
      const q = apiQuery(c, { periode: 'period', wilayah: 'region' });
      const data = await apiJson<PermitOverview>(apiGet, `/permit-times${q.api}`);
      const shown = { periode: data?.period.code ?? q.site.periode!, wilayah: q.site.wilayah! };
      return page(c, '/waktu-izin', 'permit-times', permitTimesFragment(lang, data, deps.now(), shown), permitStrings(lang).overviewTitle);
    };
    app.get(`${prefix}/waktu-izin`, permitTimes);
    app.get(`${prefix}/waktu-izin/`, permitTimes);
  }
  app.use('*', serveStatic({ root }));
  // What no file answers may be an on-demand Astro page (docs/decisions/054); else the site's 404 (app.notFound).
  app.use('*', astroPages({ ...deps, distDir }));
  return app;
}

/** The site's own 404 page for unknown paths outside /api. */
export function sitePageNotFound(distDir: string) {
  const page = join(clientDir(distDir), '404.html');
  return async (c: Context) => {
    if (!existsSync(page)) return c.text('404 Not Found', 404);
    return c.html(await readFile(page, 'utf8'), 404);
  };
}
