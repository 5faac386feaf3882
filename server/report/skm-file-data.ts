// Everything the SKM report file (PDF) shows: the report's own data (skmReportData, the same function as the HTML print
// view, so every figure is the one the site shows), the unit page's trend (the scores route's own function, unitScores),
// the previous and the new follow-up plan, and the sign-off (head of unit on the period's last day, place and date).
import { publicCommentAnswers } from '../../db/queries/comments.ts';
import { officialsForPeriod } from '../../db/queries/exports.ts';
import { unitSumsByService } from '../../db/queries/scores.ts';
import { workspaceUnit } from '../../db/queries/workspace.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import type { Scope } from '../auth/scope.ts';
import type { AppDeps } from '../deps.ts';
import type { Period } from '../../core/domain/periods.ts';
import { signOffPlace } from '../../core/domain/report-rtl.ts';
import { totalOf, weakestElementsWithTies } from '../../core/domain/scores.ts';
import { groupSuggestionsByElement } from '../../core/domain/suggestion-groups.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { ApiError, notFound } from '../errors.ts';
import { skmReportData } from '../routes/reports.ts';
import { unitScores } from '../views/unit-scores.ts';

export async function skmFileData(deps: AppDeps, scope: Scope, slug: string, period: Period) {
  // 404 / 403 before anything else is read.
  const ws = await workspaceUnit(deps.db, scope, slug);
  if (ws === undefined) throw notFound(`Unit "${slug.slice(0, 80)}"`, 'unit_not_found');
  if (ws === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not read this unit\'s report.');
  const report = await skmReportData(deps.db, scope, ws, period, deps.now());
  const unit = (await findUnitBySlug(deps.db, report.unit.slug))!;
  const [trend, officials, byService, commentAnswers] = await Promise.all([
    // The trend exactly as the unit page computes it, exact: the report is the unit's and its evaluators', not a public
    // page (decision 047).
    unitScores(deps.db, unit, period, deps.now(), 0).then((scores) => scores.trend),
    officialsForPeriod(deps.db, [unit.id], period.to, period.to),
    unitSumsByService(deps.db, unit.id, period.from, period.to),
    period.kind === 'year' ? publicCommentAnswers(deps.db, unit.id, period.from, period.to) : Promise.resolve(null),
  ]);
  const today = todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', deps.now());
  // A period not over yet (in the unit's time zone) is reported as a draft with the data up to today (decision 046).
  const asOf = today < period.to ? (today < period.from ? period.from : today) : null;
  const head = officials[officials.length - 1]; // the official in post on the period's last day
  const declared = unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0);
  return {
    report,
    /** The population behind the sample target: the yearly users the unit declared (null: none declared). */
    declaredUsers: declared || null,
    trend,
    /** The weakest elements with every element tied at the cut, each with its rank (issue 25 item 2). */
    weakest: weakestElementsWithTies(totalOf(byService.map((b) => b.sums))),
    /** Non-null while the period is not over: the last day of the data, and the report is a draft. */
    asOf,
    /** An annual report's suggestions by the element their writers scored lowest (null for shorter periods). */
    suggestionGroups: commentAnswers === null ? null : groupSuggestionsByElement(commentAnswers),
    previousPeriod: report.previousPeriod.code,
    previousRtl: report.previousFollowUps,
    newRtl: report.followUps,
    signOff: {
      name: head?.name ?? null,
      nip: head?.nip ?? null,
      position: head?.position ?? null,
      place: signOffPlace(unit.region.name),
      date: today,
    },
  };
}

export type SkmFileData = Awaited<ReturnType<typeof skmFileData>>;
