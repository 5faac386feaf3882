// The publication kit's routes (issue 18 item 2, docs/decisions/034-publication-kit.md). The pages (/tayang/{slug} the
// waiting-room screen, /widget/{slug} the embeddable widget, /unit/{slug}/arsip the archive, each also under /en) are
// Astro pages rendered on demand (docs/decisions/054). API: the SVG badge, the framing origins an administrator lists,
// the results poster PDF. Each use is logged in the publication log (one row per unit, source, medium and day).
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { frameOrigins, replaceFrameOrigins } from '../../db/queries/frame-origins.ts';
import { findUnitBySlug, type UnitDetail } from '../../db/queries/units.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { loadedByListedPage, type FetchMetadata } from '../../core/domain/publication-proof.ts';
import { badgeSvg, frameOriginsSchema, parseFrameOrigin } from '../../core/domain/publication-kit.ts';
import type { Lang } from '../../core/domain/skm.ts';
import { notFound, validationFailed, type FieldErrors } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole } from '../middleware/session.ts';
import { renderResultsPoster, resultsPosterData, resultsPosterFileName } from '../report/results-poster.ts';
import { requireUnit } from '../routes/units.ts';
import { requireWorkspace } from '../routes/workspace-guard.ts';
import { CROSS_ORIGIN_HEADER } from '../security-headers.ts';
import { baseUrl, shownPeriod } from '../views/publication-kit.ts';
import { logServed, unitResult } from './results.ts';

const langOf = (c: Context): Lang => (c.req.query('lang') === 'en' ? 'en' : 'id');
const baseOf = (c: Context, publicUrl: string | undefined) => baseUrl(publicUrl, c.req.url);

/** The period a badge or poster shows: ?period= (or from/to), else the latest closed quarter. */
const shownPeriodOf = (c: Context, unit: UnitDetail, now: Date) => shownPeriod(c.req.query(), unit, now);

const fetchMetadata = (c: Context): FetchMetadata => ({ dest: c.req.header('sec-fetch-dest'), site: c.req.header('sec-fetch-site'), referer: c.req.header('referer') });

/**
 * The kit's pages are Astro pages rendered on demand (site/pages/[...lang]/tayang, widget, unit/[slug]/arsip; their
 * data: server/views/publication-kit.ts). What stays here is a header: the screen's script (site/public/tayang.js)
 * is cached for an hour, as before (docs/decisions/034).
 */
export function publicationPageHeaders() {
  return new Hono().use('/tayang.js', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=3600');
  });
}

/** Parses { origins: string[] } into canonical, de-duplicated, sorted origins, or the contract's 400 with a field per bad entry. */
function parseOrigins(body: unknown): string[] {
  const shape = v.safeParse(frameOriginsSchema, body);
  if (!shape.success) {
    const entries = shape.issues.flatMap((i) => {
      const index = i.path?.[1]?.key;
      return typeof index === 'number' ? [[`origins[${index}]`, i.message] as const] : [];
    });
    throw validationFailed(entries.length ? Object.fromEntries(entries) : { origins: shape.issues[0].message });
  }
  const list = shape.output.origins;
  const fields: FieldErrors = {};
  const out = new Set<string>();
  list.forEach((entry, i) => {
    const parsed = parseFrameOrigin(typeof entry === 'string' ? entry : '');
    if (parsed.ok) out.add(parsed.origin);
    else fields[`origins[${i}]`] = parsed.message;
  });
  if (Object.keys(fields).length) throw validationFailed(fields);
  return [...out].sort();
}

/** The API routes: /units/{slug}/badge.svg, /admin/units/{slug}/frame-origins, /staff/units/{slug}/poster.pdf. */
export function publicationApiRoutes(deps: AppDeps) {
  const { db, now, publicUrl } = deps;
  const units = new Hono<AppEnv>()
    .get('/:slug/badge.svg', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      const at = now();
      const period = shownPeriodOf(c, unit, at);
      const lang = langOf(c);
      const r = await unitResult(db, unit, period);
      // Counted only when a listed origin's page loads it (issue 24 F10; a fetch alone proves nothing, decision 044).
      if (!c.get('user') && loadedByListedPage(fetchMetadata(c), await frameOrigins(db, unit.id))) await logServed(db, unit, 'website', 'badge', period.code, at);
      c.header('Content-Type', 'image/svg+xml; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=3600');
      c.header(CROSS_ORIGIN_HEADER, '1');
      return c.body(badgeSvg({ ikm: r.ikm, mutu: r.mutu, provisional: r.provisional, periodCode: period.code, n: r.n, minPublicRatings: r.minPublicRatings }, unit.name, lang), 200);
    });
  const admin = new Hono<AppEnv>()
    .get('/units/:slug/frame-origins', async (c) => {
      requireRole(c, 'admin');
      const unit = await requireUnit(db, c.req.param('slug'));
      return c.json({ unit: unit.slug, origins: await frameOrigins(db, unit.id) }, 200);
    })
    .put('/units/:slug/frame-origins', async (c) => {
      const user = requireRole(c, 'admin');
      const unit = await requireUnit(db, c.req.param('slug'));
      const origins = parseOrigins(await readJsonBody(c));
      await replaceFrameOrigins(db, unit.id, origins, user.id, now());
      return c.json({ unit: unit.slug, origins }, 200);
    });
  const staff = new Hono<AppEnv>()
    .get('/units/:slug/poster.pdf', async (c) => {
      const { unit: ws } = await requireWorkspace(c, db);
      const unit = await findUnitBySlug(db, ws.slug);
      if (!unit) throw notFound(`Unit "${ws.slug}"`, 'unit_not_found');
      const at = now();
      const period = shownPeriodOf(c, unit, at);
      const lang = langOf(c);
      const pdf = await renderResultsPoster(await resultsPosterData(db, unit, period, baseOf(c, publicUrl)), lang, at);
      await logServed(db, unit, 'print', 'poster', period.code, at);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${resultsPosterFileName(unit.slug, period.code, lang)}"`);
      return c.body(new Uint8Array(pdf), 200);
    });
  return { units, admin, staff };
}
