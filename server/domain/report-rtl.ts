// Which follow-up plan (RTL) items an SKM report file shows, and how each went (DOMAIN.md §10, chapter IV): the new RTL
// is the items made for this period (their period overlaps it); the previous RTL is the items of the period before that
// are not already listed, each with its outcome. An item's `period` is a period code such as 2025-S2.
// The same rule and words as the report data's (issue 16, item 4); once that carries both lists, the file uses them.
import { parsePeriodCode, previousPeriod, type Period } from './periods.ts';

export interface RtlItem {
  period: string;
  dueDate: string;
  status: string;
  completedOn: string | null;
}

export type RtlOutcome = 'done-on-time' | 'done-late' | 'done-undated' | 'overdue' | 'not-yet-due';

function overlaps(item: { period: string }, p: Pick<Period, 'from' | 'to'>): boolean {
  try {
    const own = parsePeriodCode(item.period);
    return own.from <= p.to && own.to >= p.from;
  } catch {
    return false; // an unreadable code belongs to no period
  }
}

/** How an item went on `today` (the unit's local date). */
export function rtlOutcome(item: RtlItem, today: string): RtlOutcome {
  if (item.status === 'selesai') {
    if (item.completedOn === null) return 'done-undated';
    return item.completedOn > item.dueDate ? 'done-late' : 'done-on-time';
  }
  return item.dueDate < today ? 'overdue' : 'not-yet-due';
}

/** The report's two lists for `period`: the new RTL, and the previous period's RTL with each item's outcome. */
export function rtlForReport<T extends RtlItem>(items: readonly T[], period: Period, today: string) {
  const before = previousPeriod(period);
  return {
    previousPeriod: before,
    current: items.filter((f) => overlaps(f, period)),
    previous: items.filter((f) => !overlaps(f, period) && overlaps(f, before)).map((f) => ({ ...f, outcome: rtlOutcome(f, today) })),
  };
}

/** The place of a sign-off: the unit's region without its kind ("Kota Gorontalo" → "Gorontalo"). */
export function signOffPlace(regionName: string): string {
  return regionName.replace(/^(Provinsi|Kabupaten|Kab\.|Kota|Kecamatan|Kelurahan|Desa)\s+/i, '').trim() || regionName;
}
