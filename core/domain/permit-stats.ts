// Aggregates of permit reports per service and period (DOMAIN.md §6): n, exact median and p90, share within SLA,
// and open reports already past their SLA. Computed from the reports themselves, so percentiles are exact.
import type { PermitReport } from '../schema.ts';
import { elapsedForSla, isSubDaySla, percentile, permitTiming, type SlaUnit } from './working-days.ts';

/** The columns of a stored permit report the figures are made from (one shape, from the schema). */
export type ReportRow = Pick<PermitReport, 'submitted_on' | 'completed_on' | 'sla_value' | 'sla_unit' | 'working_days' | 'calendar_days' | 'within_sla'>;

export interface PermitStats {
  /** Completed reports in the period. */
  n: number;
  medianDays: number | null;
  p90Days: number | null;
  withinSlaShare: number | null;
  /** Reports still waiting that are already past their SLA (as of today). */
  openPastSla: number;
  open: number;
  /** Completed reports by elapsed days in the SLA's measure (working days for most permits). */
  distribution: { days: number; count: number }[];
  /**
   * `measured`: a standard in days, measured by the reports' dates. `dates_only`: a standard in minutes or hours, which
   * dates bound but do not measure (decision 029): no median or p90 in days, and a within-SLA share only when every
   * report's dates decide it.
   */
  judgement: 'measured' | 'dates_only';
  /** Completed reports whose dates cannot say whether the standard was met. */
  notJudgeable: number;
  /** Completed reports whose dates prove them late. */
  provenLate: number;
}

export function permitStats(rows: ReportRow[], slaUnit: SlaUnit, today: string, holidays: ReadonlySet<string>): PermitStats {
  const days: number[] = [];
  let within = 0;
  let judged = 0;
  let provenLate = 0;
  let open = 0;
  let openPast = 0;
  for (const r of rows) {
    if (r.completed_on === null) {
      open++;
      const t = permitTiming(r.submitted_on, null, today, { value: r.sla_value, unit: r.sla_unit as SlaUnit }, holidays);
      if (t.withinSla === false) openPast++;
      continue;
    }
    days.push(elapsedForSla({ workingDays: r.working_days ?? 0, calendarDays: r.calendar_days ?? 0 }, slaUnit));
    if (r.within_sla === 1) within++;
    if (r.within_sla !== null) judged++;
    if (r.within_sla === 0) provenLate++;
  }
  const datesOnly = isSubDaySla(slaUnit);
  const notJudgeable = days.length - judged;
  days.sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  // A share over only the reports dates can judge would be biased (a 60-minute standard is never proved met by a
  // date, only missed): for a standard in minutes or hours it is given only when every report was judged.
  const shareable = judged > 0 && (!datesOnly || notJudgeable === 0);
  return {
    n: days.length,
    medianDays: datesOnly ? null : round(percentile(days, 0.5)),
    p90Days: datesOnly ? null : round(percentile(days, 0.9)),
    withinSlaShare: shareable ? Math.round((within / judged) * 1000) / 1000 : null,
    openPastSla: openPast,
    open,
    distribution: [...counts].map(([d, count]) => ({ days: d, count })),
    judgement: datesOnly ? 'dates_only' : 'measured',
    notJudgeable,
    provenLate,
  };
}
