// The data of the printable SKM report of a unit and period (API.md: evaluator of the region, admin, staff of the unit).
import { Hono } from 'hono';
import { publicComments } from '../../db/queries/comments.ts';
import { listFollowUps } from '../../db/queries/follow-ups.ts';
import { unitSumsByService } from '../../db/queries/scores.ts';
import { profileRows, workspaceUnit } from '../../db/queries/workspace.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import { scopeOf } from '../auth/scope.ts';
import { daysInclusive } from '../domain/periods.ts';
import { tabulateProfile } from '../domain/respondent-profile.ts';
import { sampleTarget } from '../domain/sample-size.ts';
import { summarise, totalOf } from '../domain/scores.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { requireUser } from '../middleware/session.ts';
import { periodFromQuery } from './period-query.ts';
import type { Scope } from '../auth/scope.ts';
import type { Period } from '../domain/periods.ts';

export function reportRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>().get('/reports/skm/:slug', async (c) => {
    const user = requireUser(c);
    const scope = await scopeOf(db, user);
    return c.json(await skmReportData({ db, now }, scope, c.req.param('slug'), periodFromQuery(c.req.query(), now())), 200);
  });
}

export type SkmReportData = Awaited<ReturnType<typeof skmReportData>>;

/**
 * The SKM report of a unit and period as every format shows it (the HTML print view, the PDF and the ZIP of PDFs):
 * one function, so a figure means the same thing in each. Refuses a unit outside the scope (403) or unknown (404).
 */
export async function skmReportData({ db, now }: Pick<AppDeps, 'db' | 'now'>, scope: Scope, slug: string, period: Period) {
    const ws = await workspaceUnit(db, scope, slug);
    if (ws === undefined) throw notFound(`Unit "${slug.slice(0, 80)}"`, 'unit_not_found');
    if (ws === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not read this unit\'s report.');
    const unit = (await findUnitBySlug(db, ws.slug))!;
    const byService = await unitSumsByService(db, ws.id, period.from, period.to);
    const summary = summarise(totalOf(byService.map((s) => s.sums)));
    const declared = unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0);
    const target = sampleTarget(declared || null, daysInclusive(period.from, period.to));
    const [profile, comments, followUps] = await Promise.all([
      profileRows(db, scope, ws.id, period.from, period.to),
      publicComments(db, ws.id, 200),
      listFollowUps(db, ws.id),
    ]);
    const { ikmExact: _exact, ...published } = summary;
    return {
      unit: { slug: unit.slug, name: unit.name, region: unit.region, address: unit.address },
      period: { code: period.code, from: period.from, to: period.to },
      ...published,
      sampleTarget: target,
      sampleAdequate: target !== null && summary.n >= target,
      weakest: summary.elements.filter((e) => e.nrr !== null).sort((a, b) => a.nrr! - b.nrr!).slice(0, 3),
      services: unit.services.map((s) => {
        const one = summarise(byService.find((b) => b.serviceId === s.id)?.sums ?? { n: 0, nVerified: 0, nExcluded: 0, elementSums: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, totalSq: 0, verifiedTotal: 0, verifiedTotalSq: 0 });
        return { slug: s.slug, name: s.name, n: one.n, ikm: one.ikm, mutu: one.mutu };
      }),
      profile: tabulateProfile(profile),
      suggestions: comments.filter((x) => x.localDate >= period.from && x.localDate <= period.to).slice(0, 30).map((x) => ({ localDate: x.localDate, comment: x.comment, replies: x.replies })),
      followUps: followUps.map((f) => ({ period: f.period, element: f.element, problem: f.problem, action: f.action, responsible: f.responsible, dueDate: f.due_date, status: f.status, progress: f.progress })),
      generatedAt: now().toISOString(),
    };
}
