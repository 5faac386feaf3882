// The publication kit's routes (issue 18 item 2, docs/decisions/034-publication-kit.md). Pages (HTML from the server):
// /tayang/{slug} the waiting-room screen, /widget/{slug} the embeddable widget, /unit/{slug}/arsip the archive (each
// also under /en). API: the SVG badge, the framing origins an administrator lists, the results poster PDF. Each use
// is logged in the publication log (one row per unit, source, medium and day).
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { frameOrigins, replaceFrameOrigins } from '../../db/queries/frame-origins.ts';
import { userOfSession } from '../../db/queries/sessions.ts';
import { findUnitBySlug, type UnitDetail } from '../../db/queries/units.ts';
import { sha256 } from '../auth/tokens.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { framedByListedOrigin, loadedByListedPage, type FetchMetadata } from '../../core/domain/publication-proof.ts';
import { badgeSvg, frameOriginsSchema, latestClosedQuarter, parseFrameOrigin, widgetFrameAncestors } from '../../core/domain/publication-kit.ts';
import { SLUG_PATTERN } from '../../core/domain/rating-input.ts';
import { SKM_ELEMENTS, type Lang } from '../../core/domain/skm.ts';
import { notFound, validationFailed, type FieldErrors } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole, sessionToken } from '../middleware/session.ts';
import { renderResultsPoster, resultsPosterData, resultsPosterFileName } from '../report/results-poster.ts';
import { periodFromQuery } from '../routes/period-query.ts';
import { requireUnit } from '../routes/units.ts';
import { requireWorkspace } from '../routes/workspace-guard.ts';
import { CROSS_ORIGIN_HEADER, FRAME_ANCESTORS_HEADER } from '../security-headers.ts';
import { KIT_LABELS } from './labels.ts';
import { archiveHtml, notFoundHtml, SCREEN_SCRIPT, screenHtml, widgetHtml, type KitUnit } from './pages.ts';
import { followUpProgress, latestReplies, logServed, noteScreenPoll, unitArchive, unitResult, unitToday } from './results.ts';

const langOf = (c: Context): Lang => (c.req.query('lang') === 'en' ? 'en' : 'id');
const kitUnit = (u: UnitDetail): KitUnit => ({ slug: u.slug, name: u.name, regionName: u.region.name });
const baseOf = (c: Context, publicUrl: string | undefined) => (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');

/** The period a badge, widget or poster shows: ?period= (or from/to), else the latest closed quarter. */
function shownPeriod(c: Context, unit: UnitDetail, now: Date) {
  const q = c.req.query();
  return q.period || q.from || q.to ? periodFromQuery(q, now) : latestClosedQuarter(unitToday(unit, now));
}

const fetchMetadata = (c: Context): FetchMetadata => ({ dest: c.req.header('sec-fetch-dest'), site: c.req.header('sec-fetch-site'), referer: c.req.header('referer') });

/** Whether the request comes from a signed-in account: the unit's own staff looking at their kit prove no publication. */
async function signedIn(c: Context, deps: AppDeps, at: Date): Promise<boolean> {
  const token = sessionToken(c);
  if (!token || token.length > 100) return false;
  return (await userOfSession(deps.db, sha256(token), at)) !== undefined;
}

async function unitOrNull(deps: AppDeps, slug: string): Promise<UnitDetail | undefined> {
  return SLUG_PATTERN.test(slug) ? findUnitBySlug(deps.db, slug) : undefined;
}

/** The HTML pages: screen, widget, archive, and the screen's script. */
export function publicationPageRoutes(deps: AppDeps) {
  const { db, now, publicUrl } = deps;
  const app = new Hono();
  app.get('/tayang.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(SCREEN_SCRIPT, 200);
  });
  for (const lang of ['id', 'en'] as const) {
    const p = lang === 'en' ? '/en' : '';
    app.get(`${p}/tayang/:slug`, async (c) => {
      c.header('Cache-Control', 'no-store');
      const unit = await unitOrNull(deps, c.req.param('slug'));
      if (!unit) return c.html(notFoundHtml(lang, `/tayang/${SLUG_PATTERN.test(c.req.param('slug')) ? c.req.param('slug') : ''}`), 404);
      const at = now();
      const today = unitToday(unit, at);
      const period = parsePeriodCode(today.slice(0, 4));
      const [result, replies, progress] = await Promise.all([unitResult(db, unit, period), latestReplies(db, unit.id, 2), followUpProgress(db, unit.id)]);
      // One visit proves nothing: the screen counts once it polled for hours on several days (issue 24 F10).
      if (!(await signedIn(c, deps, at))) await noteScreenPoll(db, unit, period.code, at);
      const elementName = (code: string | null) => (code ? SKM_ELEMENTS.find((e) => e.code === code)?.name[lang] ?? code : null);
      return c.html(screenHtml({
        unit: kitUnit(unit),
        result,
        periodLabel: KIT_LABELS[lang].yearToDate(period.code),
        replies: replies.map((r) => ({ comment: r.comment, reply: r.replies[r.replies.length - 1]!.body, localDate: r.localDate })),
        followUps: {
          done: progress.done, total: progress.total,
          items: progress.items.filter((f) => f.status !== 'selesai').slice(0, 3).map((f) => ({ element: elementName(f.element), action: f.action, progress: f.progress, status: f.status })),
        },
        rateUrl: `${baseOf(c, publicUrl)}${p}/nilai/${unit.slug}?ch=qr`,
      }, lang), 200);
    });
    app.get(`${p}/widget/:slug`, async (c) => {
      const unit = await unitOrNull(deps, c.req.param('slug'));
      if (!unit) return c.html(notFoundHtml(lang, '/'), 404);
      const at = now();
      const period = shownPeriod(c, unit, at);
      const [result, origins] = await Promise.all([unitResult(db, unit, period), frameOrigins(db, unit.id)]);
      // Counted only when a listed origin frames it, never when someone opens the address (issue 24 F10).
      if (framedByListedOrigin(fetchMetadata(c), origins) && !(await signedIn(c, deps, at))) await logServed(db, unit, 'website', 'widget', period.code, at);
      const base = baseOf(c, publicUrl);
      c.header(FRAME_ANCESTORS_HEADER, widgetFrameAncestors(origins));
      c.header('Cache-Control', 'public, max-age=300');
      return c.html(widgetHtml({ unit: kitUnit(unit), result, rateUrl: `${base}${p}/nilai/${unit.slug}`, unitUrl: `${base}${p}/unit/${unit.slug}?periode=${period.code}` }, lang), 200);
    });
    app.get(`${p}/unit/:slug/arsip`, async (c) => {
      const unit = await unitOrNull(deps, c.req.param('slug'));
      if (!unit) return c.html(notFoundHtml(lang, '/'), 404);
      const at = now();
      const rows = await unitArchive(db, unit, unitToday(unit, at));
      await logServed(db, unit, 'website', 'archive', rows[0]?.period.code ?? unitToday(unit, at).slice(0, 4), at);
      c.header('Cache-Control', 'no-store');
      return c.html(archiveHtml(kitUnit(unit), rows, lang), 200);
    });
  }
  return app;
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
      const period = shownPeriod(c, unit, at);
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
      const period = shownPeriod(c, unit, at);
      const lang = langOf(c);
      const pdf = await renderResultsPoster(await resultsPosterData(db, unit, period, baseOf(c, publicUrl)), lang, at);
      await logServed(db, unit, 'print', 'poster', period.code, at);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="${resultsPosterFileName(unit.slug, period.code, lang)}"`);
      return c.body(new Uint8Array(pdf), 200);
    });
  return { units, admin, staff };
}
