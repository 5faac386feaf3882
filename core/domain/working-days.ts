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

/** The day `n` working days after `from`: the n-th working day in (from, …]; `from` itself when n ≤ 0. */
export function addWorkingDays(from: string, n: number, holidays: ReadonlySet<string>): string {
  let d = dayNumber(from);
  for (let left = n; left > 0; ) {
    d += 1;
    if (isWorkingDay(dateOf(d), holidays)) left -= 1;
  }
  return dateOf(d);
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
  /**
   * Null for a pending report still inside its SLA, and for a report whose dates cannot say (a standard in minutes or
   * hours, decision 029).
   */
  withinSla: boolean | null;
}

const MINUTES_PER_DAY = 1440;

/** The standard in minutes, for the units that are not counted in days. */
export function slaMinutes(sla: { value: number; unit: SlaUnit }): number | null {
  return sla.unit === 'minutes' ? sla.value : sla.unit === 'hours' ? sla.value * 60 : null;
}

/** A standard shorter than days (minutes, hours): a report's dates bound the time taken but do not measure it. */
export function isSubDaySla(unit: string): boolean {
  return unit === 'minutes' || unit === 'hours';
}

/**
 * Decision 029: what dates alone prove against a standard in minutes or hours. Between a day and the date `calendarDays`
 * later, the clock time taken was more than (calendarDays − 1) whole days (23.59 to 00.00) and less than calendarDays + 1
 * (00.00 to 23.59). Within when even the longest is within the standard, late when even the shortest is past it, and
 * null ("cannot be judged from dates") otherwise: NIB's 60 minutes is never proved met by a date, and a next-day
 * completion is not proved late (handed in at 15.55, done at 08.30 the next morning).
 */
export function judgeFromDates(calendarDays: number, sla: { value: number; unit: SlaUnit }): boolean | null {
  const minutes = slaMinutes(sla);
  if (minutes === null) throw new Error(`judgeFromDates is for standards in minutes or hours, not ${sla.unit}`);
  if ((calendarDays + 1) * MINUTES_PER_DAY <= minutes + 1) return true;
  if (calendarDays >= 1 && (calendarDays - 1) * MINUTES_PER_DAY >= minutes) return false;
  return null;
}

function meetsSla(workingDays: number, calendarDays: number, slaValue: number, slaUnit: SlaUnit): boolean | null {
  switch (slaUnit) {
    case 'working_days':
      return workingDays <= slaValue;
    case 'calendar_days':
      return calendarDays <= slaValue;
    case 'hours':
    case 'minutes':
      return judgeFromDates(calendarDays, { value: slaValue, unit: slaUnit });
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
  // Still waiting: late once the time so far is past the standard (for minutes or hours, once the dates prove it).
  return { status: 'pending', workingDays, calendarDays, withinSla: meets === false ? false : null };
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
