// What the publication kit's pages show (issue 18 item 2, docs/decisions/034-publication-kit.md): the waiting-room
// screen (/tayang/{slug}), the widget (/widget/{slug}) and the archive (/unit/{slug}/arsip), each also under /en. The
// Astro pages (site/pages/[...lang]/tayang, widget, unit/[slug]/arsip) call these `(deps, …)` functions; each logs its
// use in the publication log as the routes did (issue 24 F10: only what proves a publication).
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { frameOrigins } from '../../db/queries/frame-origins.ts';
import { findUnitBySlug, type UnitDetail } from '../../db/queries/units.ts';
import { parsePeriodCode, type Period } from '../../core/domain/periods.ts';
import { latestClosedQuarter, widgetFrameAncestors } from '../../core/domain/publication-kit.ts';
import { framedByListedOrigin, type FetchMetadata } from '../../core/domain/publication-proof.ts';
import { SLUG_PATTERN } from '../../core/domain/rating-input.ts';
import { SKM_ELEMENTS, type Lang } from '../../core/domain/skm.ts';
import { KIT_LABELS } from '../../core/i18n/i18n-kit.ts';
import { accountOfToken } from '../middleware/session.ts';
import { followUpProgress, latestReplies, logServed, noteScreenPoll, unitArchive, unitResult, unitToday, type PeriodResult } from '../publication/results.ts';
import { periodFromQuery } from '../routes/period-query.ts';

interface KitDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** The portal's public address for the links the kit prints; else the request's own origin. */
  publicUrl?: string | undefined;
}

export interface KitUnit {
  slug: string;
  name: string;
  regionName: string;
}

const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
const kitUnit = (u: UnitDetail): KitUnit => ({ slug: u.slug, name: u.name, regionName: u.region.name });
/** The base of the links the kit prints: the public address, else the request's origin. */
export const baseUrl = (publicUrl: string | undefined, requestUrl: string | URL): string => (publicUrl ?? new URL(requestUrl).origin).replace(/\/$/, '');

/** The unit of a kit page's slug, or undefined (the page answers the site's 404). */
export async function kitUnitBySlug(db: Kysely<Database>, slug: string | undefined): Promise<UnitDetail | undefined> {
  return slug !== undefined && SLUG_PATTERN.test(slug) ? findUnitBySlug(db, slug) : undefined;
}

/** The period a badge, widget or poster shows: ?period= (or from/to), else the latest closed quarter. */
export function shownPeriod(query: Record<string, string>, unit: UnitDetail, now: Date): Period {
  return query.period || query.from || query.to ? periodFromQuery(query, now) : latestClosedQuarter(unitToday(unit, now));
}

/** Whether a session cookie's token is a signed-in account's: a unit's own staff looking at their kit prove nothing. */
export async function signedInToken(db: Kysely<Database>, token: string | undefined, at: Date): Promise<boolean> {
  const { user, enrolOnly } = await accountOfToken({ db, now: () => at }, token);
  return user !== null || enrolOnly !== null;
}

/** A query string as Hono's c.req.query() reads it: the first value of each name. */
function firstValues(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of params) if (!Object.hasOwn(out, name)) out[name] = value;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The waiting-room screen

export interface ScreenData {
  unit: KitUnit;
  result: PeriodResult;
  periodLabel: string;
  replies: { comment: string; reply: string; localDate: string }[];
  followUps: { done: number; total: number; items: { element: string | null; action: string; progress: number; status: string }[] };
  rateUrl: string;
}

/** Seconds between data refreshes (script) and page reloads (without script). */
export const SCREEN_REFRESH_SECONDS = 60;

/**
 * The screen of a unit (the year to date), or undefined for an unknown slug. A poll from a reader who is not signed in
 * is noted: one visit proves nothing, the screen counts once it polled for hours on several days (issue 24 F10).
 */
export async function screenView(deps: KitDeps, slug: string | undefined, lang: Lang, reader: { sessionToken: string | undefined; url: URL }): Promise<ScreenData | undefined> {
  const { db } = deps;
  const unit = await kitUnitBySlug(db, slug);
  if (!unit) return undefined;
  const at = deps.now();
  const period = parsePeriodCode(unitToday(unit, at).slice(0, 4));
  const [result, replies, progress] = await Promise.all([unitResult(db, unit, period), latestReplies(db, unit.id, 2), followUpProgress(db, unit.id)]);
  if (!(await signedInToken(db, reader.sessionToken, at))) await noteScreenPoll(db, unit, period.code, at);
  const elementName = (code: string | null) => (code ? SKM_ELEMENTS.find((e) => e.code === code)?.name[lang] ?? code : null);
  return {
    unit: kitUnit(unit),
    result,
    periodLabel: KIT_LABELS[lang].yearToDate(period.code),
    replies: replies.map((r) => ({ comment: r.comment, reply: r.replies[r.replies.length - 1]!.body, localDate: r.localDate })),
    followUps: {
      done: progress.done, total: progress.total,
      items: progress.items.filter((f) => f.status !== 'selesai').slice(0, 3).map((f) => ({ element: elementName(f.element), action: f.action, progress: f.progress, status: f.status })),
    },
    rateUrl: `${baseUrl(deps.publicUrl, reader.url)}${prefix(lang)}/nilai/${unit.slug}?ch=qr`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The widget

export interface WidgetData {
  unit: KitUnit;
  result: PeriodResult;
  rateUrl: string;
  unitUrl: string;
  /** The CSP frame-ancestors the unit's listed origins allow (docs/decisions/034). */
  frameAncestors: string;
}

/**
 * The widget of a unit for the shown period, or undefined for an unknown slug. Counted only when a listed origin frames
 * it, never when someone opens the address or a signed-in account looks (issue 24 F10). A malformed ?period= throws
 * the API's 400 (ApiError).
 */
export async function widgetView(
  deps: KitDeps,
  slug: string | undefined,
  lang: Lang,
  reader: { sessionToken: string | undefined; url: URL; fetch: FetchMetadata },
): Promise<WidgetData | undefined> {
  const { db } = deps;
  const unit = await kitUnitBySlug(db, slug);
  if (!unit) return undefined;
  const at = deps.now();
  const period = shownPeriod(firstValues(reader.url.searchParams), unit, at);
  const [result, origins] = await Promise.all([unitResult(db, unit, period), frameOrigins(db, unit.id)]);
  if (framedByListedOrigin(reader.fetch, origins) && !(await signedInToken(db, reader.sessionToken, at))) await logServed(db, unit, 'website', 'widget', period.code, at);
  const base = baseUrl(deps.publicUrl, reader.url);
  const p = prefix(lang);
  return {
    unit: kitUnit(unit),
    result,
    rateUrl: `${base}${p}/nilai/${unit.slug}`,
    unitUrl: `${base}${p}/unit/${unit.slug}?periode=${period.code}`,
    frameAncestors: widgetFrameAncestors(origins),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The archive

/** Every past period of a unit, newest first, or undefined for an unknown slug; each view is logged as published. */
export async function archiveView(deps: KitDeps, slug: string | undefined): Promise<{ unit: KitUnit; rows: PeriodResult[] } | undefined> {
  const { db } = deps;
  const unit = await kitUnitBySlug(db, slug);
  if (!unit) return undefined;
  const at = deps.now();
  const rows = await unitArchive(db, unit, unitToday(unit, at));
  await logServed(db, unit, 'website', 'archive', rows[0]?.period.code ?? unitToday(unit, at).slice(0, 4), at);
  return { unit: kitUnit(unit), rows };
}
