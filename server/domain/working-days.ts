// Permit processing time against the service standard (DOMAIN.md §6, ours where marked).
// Elapsed working days = working days in (submitted, completed]: same-day completion is 0; a working day is
// Monday–Friday and not in the holiday calendar (libur nasional and cuti bersama, which ASN do not work).

const DAY = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(date + 'T00:00:00Z') / DAY);
}

function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const weekday = new Date(date + 'T00:00:00Z').getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** Working days in (from, to]; 0 when to ≤ from. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let d = dayNumber(from) + 1, end = dayNumber(to); d <= end; d++) {
    if (isWorkingDay(dateOf(d), holidays)) count++;
  }
  return count;
}

/** Calendar days in (from, to]. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from));
}

export type SlaUnit = 'working_days' | 'calendar_days' | 'hours' | 'minutes';
export const SLA_UNITS: readonly SlaUnit[] = ['working_days', 'calendar_days', 'hours', 'minutes'];

export interface PermitTiming {
  status: 'completed' | 'pending';
  workingDays: number;
  calendarDays: number;
  /** Null for a pending report still inside its SLA. */
  withinSla: boolean | null;
}

/**
 * Ours, for SLAs in hours or minutes: a report gives dates only, so elapsed time is counted in whole calendar days
 * (0 for the same day) and compared with the SLA in minutes: 60 minutes is met only on the same day.
 */
function meetsSla(workingDays: number, calendarDays: number, slaValue: number, slaUnit: SlaUnit): boolean {
  switch (slaUnit) {
    case 'working_days':
      return workingDays <= slaValue;
    case 'calendar_days':
      return calendarDays <= slaValue;
    case 'hours':
      return calendarDays * 24 <= slaValue;
    case 'minutes':
      return calendarDays * 24 * 60 <= slaValue;
  }
}

/** The timing of a report: a completed one against its SLA, or a pending one as of `today`. */
export function permitTiming(
  submittedOn: string,
  completedOn: string | null,
  today: string,
  sla: { value: number; unit: SlaUnit },
  holidays: ReadonlySet<string>,
): PermitTiming {
  const end = completedOn ?? today;
  const workingDays = workingDaysBetween(submittedOn, end, holidays);
  const calendarDays = calendarDaysBetween(submittedOn, end);
  const meets = meetsSla(workingDays, calendarDays, sla.value, sla.unit);
  if (completedOn) return { status: 'completed', workingDays, calendarDays, withinSla: meets };
  return { status: 'pending', workingDays, calendarDays, withinSla: meets ? null : false };
}

/** The elapsed time in the SLA's own measure (working days, or calendar days for the other units). */
export function elapsedForSla(t: { workingDays: number; calendarDays: number }, unit: SlaUnit): number {
  return unit === 'working_days' ? t.workingDays : t.calendarDays;
}

/**
 * Exact percentile by linear interpolation between closest ranks (as spreadsheets' PERCENTILE.INC and MEDIAN do,
 * so evaluators can check it). Null for no values.
 */
export function percentile(sortedValues: readonly number[], p: number): number | null {
  const n = sortedValues.length;
  if (n === 0) return null;
  const rank = (n - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sortedValues[lo]! + (sortedValues[hi]! - sortedValues[lo]!) * (rank - lo);
}
