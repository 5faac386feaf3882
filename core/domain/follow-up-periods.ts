// Which follow-up (RTL) items an SKM report lists, and how each of the previous period's items went (DOMAIN.md §10:
// "the previous period's RTL and how it went, the new RTL").
import { parsePeriodCode, previousPeriod, type Period } from './periods.ts';

export interface FollowUpDates {
  period: string;
  status: string;
  due_date: string;
  completed_on: string | null;
}

/** Whether an item's period (a code such as 2026-S1) shares a day with a period. Unreadable codes never do. */
export function followUpOverlaps(item: { period: string }, p: Period): boolean {
  try {
    const own = parsePeriodCode(item.period);
    return own.from <= p.to && own.to >= p.from;
  } catch {
    return false;
  }
}

/**
 * How an item went, on `today` (the unit's local date): done by its due date, done after it, done without a recorded
 * date, still open past its due date, or open and not yet due.
 */
export type FollowUpOutcome = 'done-on-time' | 'done-late' | 'done-undated' | 'overdue' | 'not-yet-due';

export function followUpOutcome(item: FollowUpDates, today: string): FollowUpOutcome {
  if (item.status === 'selesai') {
    if (item.completed_on === null) return 'done-undated';
    return item.completed_on > item.due_date ? 'done-late' : 'done-on-time';
  }
  return item.due_date < today ? 'overdue' : 'not-yet-due';
}

/** Whether an item's own period ended before a day (unreadable codes never do). */
function endsBefore(item: { period: string }, day: string): boolean {
  try {
    return parsePeriodCode(item.period).to < day;
  } catch {
    return false;
  }
}

/**
 * The report's two lists: the items made for this period (their period overlaps it), and the earlier items not already
 * in the first list — every item of the period before, and any item of an older period still not done (carried forward
 * until it is: issue 18) — each with its outcome.
 */
export function reportFollowUps<T extends FollowUpDates>(items: T[], p: Period, today: string) {
  const previous = previousPeriod(p);
  const current = items.filter((f) => followUpOverlaps(f, p));
  const earlier = items.filter((f) => !followUpOverlaps(f, p)
    && (followUpOverlaps(f, previous) || (f.status !== 'selesai' && endsBefore(f, previous.from))));
  return { previous, current, earlier: earlier.map((f) => ({ item: f, outcome: followUpOutcome(f, today) })) };
}

/**
 * The progress of a year's items for the unit's public page (issue 18): items whose period overlaps the year, how many
 * are under way and done, and the share done (%, 2 decimals; null with none planned).
 */
export function yearProgress(items: readonly { period: string; status: string }[], year: number) {
  const y = parsePeriodCode(String(year));
  const ofYear = items.filter((f) => followUpOverlaps(f, y));
  const done = ofYear.filter((f) => f.status === 'selesai').length;
  return {
    year,
    planned: ofYear.length,
    inProgress: ofYear.filter((f) => f.status === 'berjalan').length,
    done,
    shareDone: ofYear.length ? Math.round((done * 10000) / ofYear.length) / 100 : null,
  };
}
