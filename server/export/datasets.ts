// The four export datasets of API.md: their fixed columns (the data dictionary's order) and their rows.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { followUpsDue, officialsForPeriod, permitServicesOf, streamPermitReports, streamResponses, targetsFor, unitsForExport, type ExportFilter } from '../../db/queries/exports.ts';
import { newestEvidenceLocks } from '../../db/queries/evidence.ts';
import { holidaySet } from '../../db/queries/holidays.ts';
import { reportsForPeriod } from '../../db/queries/permits.ts';
import { readSettings } from '../../db/queries/settings.ts';
import { sumsByUnit } from '../../db/queries/scores.ts';
import { INDICATOR_INFO, achievementPct, followUpOnTime, fromRatio, notJudgeableNote, permitTypeFigures, roundExact, suggestedRating, tenureWindow, type DateWindow, type Indicator, type Realised, type Thresholds } from '../../core/domain/asn-evidence.ts';
import { isCommentPublic } from '../../core/domain/comment-review.ts';
import { ikmFromRollup } from '../../core/domain/ikm.ts';
import { daysInclusive, type Period } from '../../core/domain/periods.ts';
import type { ReportRow } from '../../core/domain/permit-stats.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { emptySums, summarise } from '../../core/domain/scores.ts';
import { permitTiming, type SlaUnit } from '../../core/domain/working-days.ts';
import type { Cell } from './table-writers.ts';

export const DATASETS = ['responses', 'permit-reports', 'scores', 'asn-evidence'] as const;
export type Dataset = (typeof DATASETS)[number];

export const COLUMNS: Record<Dataset, readonly string[]> = {
  responses: ['response_id', 'unit_slug', 'unit_name', 'region_code', 'service_slug', 'submitted_at_utc', 'local_date', 'channel', 'status', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'gender', 'age', 'education', 'occupation', 'comment'],
  'permit-reports': ['report_id', 'unit_slug', 'service_slug', 'submitted_on', 'completed_on', 'status', 'working_days', 'sla_value', 'sla_unit', 'within_sla', 'calendar_days', 'region_code', 'verified', 'past_sla'],
  scores: ['unit_slug', 'unit_name', 'region_code', 'period', 'n', 'ikm', 'ikm_ci_low', 'ikm_ci_high', 'mutu', 'sample_target', 'sample_adequate', 'nrr_u1', 'nrr_u2', 'nrr_u3', 'nrr_u4', 'nrr_u5', 'nrr_u6', 'nrr_u7', 'nrr_u8', 'nrr_u9', 'n_verified', 'ikm_verified', 'n_excluded'],
  'asn-evidence': ['period', 'nip', 'official_name', 'position', 'unit_slug', 'perspective', 'indicator', 'unit_of_measure', 'target', 'realisation', 'achievement_pct', 'suggested_rating', 'n', 'sample_adequate', 'evidence_url', 'tenure_from', 'tenure_to', 'service_slug', 'realisation_note'],
};

/**
 * Formats of the ASN evidence file: 1 before issue 25 item 1 (a standard the dates cannot judge printed 0 and a
 * rating), 2 since (empty cells and a `realisation_note`). A locked snapshot is verified in its own format (decision 048).
 */
export type EvidenceFormat = 1 | 2;
export const EVIDENCE_FORMAT: EvidenceFormat = 2;

export interface ExportContext {
  db: Kysely<Database>;
  filter: ExportFilter;
  period: Period;
  includeExcluded: boolean;
  today: string;
  thresholds: Thresholds;
  evidenceBase: string;
  /**
   * The locked snapshot the ASN evidence links to (one being made or verified); absent: each unit's newest locked
   * snapshot of the period, else its live SKM report (docs/decisions/026).
   */
  evidenceLockId?: string;
  /** The ASN evidence file's format: the current one unless a lock written in an older one is being verified. */
  evidenceFormat?: EvidenceFormat;
}

export function columnsFor(dataset: Dataset, includeExcluded: boolean, evidenceFormat: EvidenceFormat = EVIDENCE_FORMAT): readonly string[] {
  if (dataset === 'asn-evidence' && evidenceFormat === 1) return COLUMNS[dataset].slice(0, -1);
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
  const [officials, targets, followUps, holidays, serviceRows] = await Promise.all([
    officialsForPeriod(ctx.db, ids, ctx.period.from, ctx.period.to),
    targetsFor(ctx.db, ids, year),
    followUpsDue(ctx.db, ids, ctx.period.from, ctx.period.to),
    holidaySet(ctx.db),
    permitServicesOf(ctx.db, ids),
  ]);
  // An administrator may make the permit indicators count only reports verified with a visit code.
  const verifiedOnly = (await readSettings(ctx.db)).asn_permit_verified_only === 'true';
  const reports = (await reportsForPeriod(ctx.db, serviceRows.map((s) => s.id), ctx.period.from, ctx.period.to, { verifiedOnly })) as (ReportRow & { service_id: string })[];
  // Each official's own days in the post (decision 025): the IKM from the rollups of exactly those days.
  const windows = new Map<string, DateWindow>();
  for (const o of officials) {
    const w = tenureWindow(ctx.period, o.from_date, o.to_date);
    if (w) windows.set(`${w.from}..${w.to}`, w);
  }
  const sumsByWindow = new Map<string, Awaited<ReturnType<typeof sumsByUnit>>>();
  for (const [key, w] of windows) sumsByWindow.set(key, await sumsByUnit(ctx.db, ctx.filter.regionCodes, null, w.from, w.to));
  const locks = ctx.evidenceLockId ? new Map<string, string>() : await newestEvidenceLocks(ctx.db, ids, ctx.period.code);
  const format = ctx.evidenceFormat ?? EVIDENCE_FORMAT;
  const out: Cell[][] = [];
  for (const u of units) {
    // The newest locked snapshot's verification page when there is one (decision 026), else the live report.
    const lockId = ctx.evidenceLockId ?? locks.get(u.id);
    const evidence = lockId ? `${ctx.evidenceBase}/bukti/${lockId}` : `${ctx.evidenceBase}/laporan/skm?unit=${u.slug}&periode=${encodeURIComponent(ctx.period.code)}`;
    const unitServices = serviceRows.filter((x) => x.unit_id === u.id);
    const unitFollowUps = followUps.filter((f) => f.unit_id === u.id);
    const target = (indicator: Indicator) => targets.find((x) => x.unit_id === u.id && x.indicator === indicator)?.value ?? null;
    for (const o of officials.filter((x) => x.unit_id === u.id)) {
      const w = tenureWindow(ctx.period, o.from_date, o.to_date);
      if (!w) continue;
      const row = (indicator: Indicator, r: Realised, display: number | null, adequate: boolean, serviceSlug: string | null, unitOfMeasure?: string, note: string | null = null): Cell[] => {
        const info = INDICATOR_INFO[indicator];
        const t = target(indicator);
        const achievement = achievementPct(t, r.value, info.lowerIsBetter);
        const cells: Cell[] = [ctx.period.code, o.nip, o.name, o.position, u.slug, info.perspective, indicator, unitOfMeasure ?? info.unitOfMeasure, t, display,
          achievement, suggestedRating(achievement, adequate, ctx.thresholds), r.n, adequate, evidence, o.from_date, o.to_date, serviceSlug];
        if (format !== 1) cells.push(note);
        return cells;
      };
      const s = summarise(sumsByWindow.get(`${w.from}..${w.to}`)?.get(u.id) ?? emptySums());
      const ikm = ikmFromRollup(sumsByWindow.get(`${w.from}..${w.to}`)?.get(u.id) ?? emptySums());
      const sample = sampleTarget(u.declaredUsers, daysInclusive(w.from, w.to));
      const perType = unitServices.map((svc) => ({ svc, figures: permitTypeFigures(reports.filter((r) => r.service_id === svc.id), w, svc.sla_unit as SlaUnit, ctx.today, holidays, format === 1) }));
      const share = (r: Realised) => (r.value === null ? null : roundExact(r.value, 2));
      out.push(row('ikm', { value: ikm ? fromRatio(ikm.ikm) : null, n: s.n }, s.ikm, sample !== null && s.n >= sample, null));
      for (const { svc, figures } of perType) {
        const r = figures.withinSla;
        // A standard in minutes or hours that the dates cannot judge: empty cells and why, never a 0 (decision 048).
        const note = r.notJudged ? notJudgeableNote({ value: svc.sla_value!, unit: svc.sla_unit as SlaUnit }, r.notJudged, r.n) : null;
        out.push(row('permit_within_sla_share', r, share(r), r.n >= INDICATOR_INFO.permit_within_sla_share.minN, svc.slug, undefined, note));
      }
      // The median is measured in the SLA's own days; an SLA in hours or minutes has dates only to go by (item 12).
      for (const { svc, figures } of perType.filter((x) => x.svc.sla_unit === 'working_days' || x.svc.sla_unit === 'calendar_days')) {
        const m = figures.median;
        out.push(row('permit_median_days', m, m.value === null ? null : roundExact(m.value, 1), m.n >= INDICATOR_INFO.permit_median_days.minN, svc.slug,
          svc.sla_unit === 'calendar_days' ? 'hari kalender' : undefined));
      }
      const fu = followUpOnTime(unitFollowUps, w, ctx.today);
      out.push(row('follow_up_on_time_share', fu, share(fu), fu.n >= INDICATOR_INFO.follow_up_on_time_share.minN, null));
    }
  }
  return out;
}
