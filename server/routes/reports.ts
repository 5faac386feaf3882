// The data of the printable SKM report of a unit and period (API.md: evaluator of the region, admin, staff of the unit).
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import type { Scope } from '../../db/queries/scope.ts';
import { countPublicComments, publicComments } from '../../db/queries/comments.ts';
import { listFollowUps } from '../../db/queries/follow-ups.ts';
import { unitSumsByService } from '../../db/queries/scores.ts';
import { profileRows, workspaceUnit } from '../../db/queries/workspace.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import { scopeOf } from '../auth/scope.ts';
import { reportFollowUps } from '../../core/domain/follow-up-periods.ts';
import { daysInclusive, type Period } from '../../core/domain/periods.ts';
import { tabulateProfile } from '../../core/domain/respondent-profile.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { sampleFlags, serviceScores, summarise, totalOf, weakestElements } from '../../core/domain/scores.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { requireUser } from '../middleware/session.ts';
import { periodFromQuery } from './period-query.ts';

/** A report lists every suggestion of its period; beyond this many it lists the newest and says how many there are. */
const REPORT_SUGGESTIONS_MAX = 2000;

export function reportRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>().get('/skm/:slug', async (c) => {
    const user = requireUser(c);
    const scope = await scopeOf(db, user);
    const ws = await workspaceUnit(db, scope, c.req.param('slug'));
    if (ws === undefined) throw notFound(`Unit "${c.req.param('slug').slice(0, 80)}"`, 'unit_not_found');
    if (ws === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not read this unit\'s report.');
    const period = periodFromQuery(c.req.query(), now());
    return c.json(await skmReportData(db, scope, ws, period, now()), 200);
  });
}

export type SkmReportData = Awaited<ReturnType<typeof skmReportData>>;

/**
 * The SKM report's data for a unit and period: the route above answers it, and locked evidence stores it
 * (docs/decisions/026) and the PDF report shows it (docs/decisions/027), so all are made by this one function.
 */
export async function skmReportData(db: Kysely<Database>, scope: Scope, ws: { id: string; slug: string }, period: Period, at: Date) {
  const unit = (await findUnitBySlug(db, ws.slug))!;
  const byService = await unitSumsByService(db, ws.id, period.from, period.to);
  const total = totalOf(byService.map((s) => s.sums));
  const summary = summarise(total);
  const days = daysInclusive(period.from, period.to);
  const declared = unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0);
  const target = sampleTarget(declared || null, days);
  const range = { from: period.from, to: period.to };
  const [profile, comments, commentCount, followUps] = await Promise.all([
    profileRows(db, scope, ws.id, period.from, period.to),
    publicComments(db, ws.id, REPORT_SUGGESTIONS_MAX, undefined, range),
    countPublicComments(db, ws.id, period.from, period.to),
    listFollowUps(db, ws.id),
  ]);
  const today = todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', at);
  const rtl = reportFollowUps(followUps, period, today);
  const perService = serviceScores(unit.services, byService, days);
  const { ikmExact: _exact, ...published } = summary;
  const item = (f: (typeof followUps)[number]) => ({ period: f.period, element: f.element, problem: f.problem, action: f.action, responsible: f.responsible, dueDate: f.due_date, status: f.status, progress: f.progress, completedOn: f.completed_on });
  return {
    unit: { slug: unit.slug, name: unit.name, region: unit.region, address: unit.address },
    period: { code: period.code, from: period.from, to: period.to },
    ...published,
    sampleTarget: target,
    ...sampleFlags(summary.n, target),
    weakest: weakestElements(total),
    services: perService.services,
    servicesSampleAdequate: perService.servicesSampleAdequate,
    profile: tabulateProfile(profile),
    // Every public suggestion of the period (up to REPORT_SUGGESTIONS_MAX, newest first), with their count.
    suggestions: comments.map((x) => ({ localDate: x.localDate, comment: x.comment, replies: x.replies })),
    suggestionsTotal: commentCount,
    // The RTL made for this period, and the previous period's with how each went (DOMAIN.md §10).
    followUps: rtl.current.map(item),
    previousPeriod: { code: rtl.previous.code, from: rtl.previous.from, to: rtl.previous.to },
    previousFollowUps: rtl.earlier.map(({ item: f, outcome }) => ({ ...item(f), outcome })),
    generatedAt: at.toISOString(),
  };
}
