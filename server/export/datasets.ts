// The four export datasets of API.md: their fixed columns (the data dictionary's order) and their rows.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { followUpsDue, officialsForPeriod, streamPermitReports, streamResponses, targetsFor, unitsForExport, type ExportFilter } from '../../db/queries/exports.ts';
import { holidaySet } from '../../db/queries/holidays.ts';
import { reportsForPeriod } from '../../db/queries/permits.ts';
import { readSettings } from '../../db/queries/settings.ts';
import { sumsByUnit } from '../../db/queries/scores.ts';
import { INDICATOR_INFO, achievementPct, followUpOnTimeShare, suggestedRating, type Indicator, type Thresholds } from '../domain/asn-evidence.ts';
import { INDICATORS } from '../domain/admin-input.ts';
import { isCommentPublic } from '../domain/comment-review.ts';
import { daysInclusive, type Period } from '../domain/periods.ts';
import { permitStats, type ReportRow } from '../domain/permit-stats.ts';
import { sampleTarget } from '../domain/sample-size.ts';
import { emptySums, summarise } from '../domain/scores.ts';
import { permitTiming, type SlaUnit } from '../domain/working-days.ts';
import type { Cell } from './table-writers.ts';

export const DATASETS = ['responses', 'permit-reports', 'scores', 'asn-evidence'] as const;
export type Dataset = (typeof DATASETS)[number];

export const COLUMNS: Record<Dataset, readonly string[]> = {
  responses: ['response_id', 'unit_slug', 'unit_name', 'region_code', 'service_slug', 'submitted_at_utc', 'local_date', 'channel', 'status', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'gender', 'age', 'education', 'occupation', 'comment'],
  'permit-reports': ['report_id', 'unit_slug', 'service_slug', 'submitted_on', 'completed_on', 'status', 'working_days', 'sla_value', 'sla_unit', 'within_sla', 'calendar_days', 'region_code', 'verified', 'past_sla'],
  scores: ['unit_slug', 'unit_name', 'region_code', 'period', 'n', 'ikm', 'ikm_ci_low', 'ikm_ci_high', 'mutu', 'sample_target', 'sample_adequate', 'nrr_u1', 'nrr_u2', 'nrr_u3', 'nrr_u4', 'nrr_u5', 'nrr_u6', 'nrr_u7', 'nrr_u8', 'nrr_u9', 'n_verified', 'ikm_verified', 'n_excluded'],
  'asn-evidence': ['period', 'nip', 'official_name', 'position', 'unit_slug', 'perspective', 'indicator', 'unit_of_measure', 'target', 'realisation', 'achievement_pct', 'suggested_rating', 'n', 'sample_adequate', 'evidence_url', 'tenure_from', 'tenure_to'],
};

export interface ExportContext {
  db: Kysely<Database>;
  filter: ExportFilter;
  period: Period;
  includeExcluded: boolean;
  today: string;
  thresholds: Thresholds;
  evidenceBase: string;
}

export function columnsFor(dataset: Dataset, includeExcluded: boolean): readonly string[] {
  return (dataset === 'responses' || dataset === 'permit-reports') && includeExcluded ? [...COLUMNS[dataset], 'exclusion_reason'] : COLUMNS[dataset];
}

/** Rows in batches, read from a cursor for the two large datasets. */
export async function* rowsOf(dataset: Dataset, ctx: ExportContext): AsyncGenerator<Cell[][]> {
  if (dataset === 'responses') yield* batches(responseRows(ctx));
  else if (dataset === 'permit-reports') yield* batches(permitRows(ctx));
  else if (dataset === 'scores') yield await scoreRows(ctx);
  else yield await evidenceRows(ctx);
}

async function* batches(rows: AsyncIterable<Cell[]>, size = 500): AsyncGenerator<Cell[][]> {
  let batch: Cell[][] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* responseRows(ctx: ExportContext): AsyncGenerator<Cell[]> {
  for await (const r of streamResponses(ctx.db, ctx.filter, ctx.includeExcluded)) {
    const status = r.exclusionReason ? 'excluded' : r.verified ? 'verified' : 'accepted';
    // A hidden comment stays out of exports too: it was hidden for personal data, abuse or being off topic; so does one
    // waiting for review or withheld by a reviewer (decision 019).
    // Staff exporting their own unit get the day only (issue 15, finding 8): the time would point at the resident.
    const submittedAt = ctx.filter.scope.kind === 'unit' ? null : r.createdAt;
    const row: Cell[] = [r.id, r.unitSlug, r.unitName, r.regionCode, r.serviceSlug, submittedAt, r.localDate, r.channel, status,
      r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9, r.gender, r.age, r.education, r.occupation, r.commentHidden || !isCommentPublic(r.commentReview) ? null : r.comment];
    if (ctx.includeExcluded) row.push(r.exclusionReason);
    yield row;
  }
}

async function* permitRows(ctx: ExportContext): AsyncGenerator<Cell[]> {
  const holidays = await holidaySet(ctx.db);
  for await (const r of streamPermitReports(ctx.db, ctx.filter, ctx.includeExcluded)) {
    // A pending report gets its days so far (as of the export day) and whether it is already past its SLA (issue 16).
    const waiting = r.completedOn ? null : permitTiming(r.submittedOn, null, ctx.today, { value: r.slaValue, unit: r.slaUnit as SlaUnit }, holidays);
    const row: Cell[] = [r.id, r.unitSlug, r.serviceSlug, r.submittedOn, r.completedOn, r.completedOn ? 'completed' : 'pending', waiting?.workingDays ?? r.workingDays,
      r.slaValue, r.slaUnit, r.withinSla === null ? null : r.withinSla === 1, waiting?.calendarDays ?? r.calendarDays, r.regionCode, r.verified === 1,
      waiting ? waiting.withinSla === false : null];
    if (ctx.includeExcluded) row.push(r.exclusionReason);
    yield row;
  }
}

async function scoreRows(ctx: ExportContext): Promise<Cell[][]> {
  const units = await unitsForExport(ctx.db, ctx.filter);
  const sums = await sumsByUnit(ctx.db, ctx.filter.regionCodes, null, ctx.period.from, ctx.period.to);
  const days = daysInclusive(ctx.period.from, ctx.period.to);
  return units.map((u) => {
    const s = summarise(sums.get(u.id) ?? emptySums());
    const target = sampleTarget(u.declaredUsers, days);
    return [u.slug, u.name, u.regionCode, ctx.period.code, s.n, s.ikm, s.ikmCi95?.[0] ?? null, s.ikmCi95?.[1] ?? null, s.mutu,
      target, target !== null && s.n >= target, ...s.elements.map((e) => e.nrr), s.nVerified, s.ikmVerified, s.nExcluded];
  });
}

async function evidenceRows(ctx: ExportContext): Promise<Cell[][]> {
  const units = await unitsForExport(ctx.db, ctx.filter);
  const ids = units.map((u) => u.id);
  const year = Number(ctx.period.to.slice(0, 4));
  const [officials, targets, sums, followUps, holidays, serviceRows] = await Promise.all([
    officialsForPeriod(ctx.db, ids, ctx.period.from, ctx.period.to),
    targetsFor(ctx.db, ids, year),
    sumsByUnit(ctx.db, ctx.filter.regionCodes, null, ctx.period.from, ctx.period.to),
    followUpsDue(ctx.db, ids, ctx.period.from, ctx.period.to),
    holidaySet(ctx.db),
    ctx.db.selectFrom('services').select(['id', 'unit_id', 'sla_unit']).where('unit_id', 'in', ids.length ? ids : ['']).where('is_permit', '=', 1).where('sla_value', 'is not', null).execute(),
  ]);
  // An administrator may make the permit indicators count only reports verified with a visit code.
  const verifiedOnly = (await readSettings(ctx.db)).asn_permit_verified_only === 'true';
  const reports = await reportsForPeriod(ctx.db, serviceRows.map((s) => s.id), ctx.period.from, ctx.period.to, { verifiedOnly });
  const days = daysInclusive(ctx.period.from, ctx.period.to);
  const out: Cell[][] = [];
  for (const u of units) {
    const s = summarise(sums.get(u.id) ?? emptySums());
    const target = sampleTarget(u.declaredUsers, days);
    const unitServices = serviceRows.filter((x) => x.unit_id === u.id);
    const unitReports = reports.filter((r) => unitServices.some((x) => x.id === r.service_id)) as (ReportRow & { service_id: string })[];
    const all = permitStats(unitReports, 'working_days', ctx.today, holidays);
    const dayBased = permitStats(unitReports.filter((r) => r.sla_unit === 'working_days'), 'working_days', ctx.today, holidays);
    const fu = followUps.filter((f) => f.unit_id === u.id);
    const realised: Record<Indicator, { value: number | null; n: number; adequate: boolean }> = {
      ikm: { value: s.ikm, n: s.n, adequate: target !== null && s.n >= target },
      permit_within_sla_share: { value: all.withinSlaShare === null ? null : Math.round(all.withinSlaShare * 10000) / 100, n: all.n, adequate: all.n >= INDICATOR_INFO.permit_within_sla_share.minN },
      permit_median_days: { value: dayBased.medianDays, n: dayBased.n, adequate: dayBased.n >= INDICATOR_INFO.permit_median_days.minN },
      follow_up_on_time_share: { value: followUpOnTimeShare(fu), n: fu.length, adequate: fu.length >= INDICATOR_INFO.follow_up_on_time_share.minN },
    };
    const evidence = `${ctx.evidenceBase}/laporan/skm?unit=${u.slug}&periode=${encodeURIComponent(ctx.period.code)}`;
    for (const o of officials.filter((x) => x.unit_id === u.id)) {
      for (const indicator of INDICATORS) {
        const info = INDICATOR_INFO[indicator];
        const t = targets.find((x) => x.unit_id === u.id && x.indicator === indicator)?.value ?? null;
        const r = realised[indicator];
        const achievement = achievementPct(t, r.value, info.lowerIsBetter);
        out.push([ctx.period.code, o.nip, o.name, o.position, u.slug, info.perspective, indicator, info.unitOfMeasure, t, r.value,
          achievement, suggestedRating(achievement, r.adequate, ctx.thresholds), r.n, r.adequate, evidence, o.from_date, o.to_date]);
      }
    }
  }
  return out;
}
