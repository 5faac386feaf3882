// Splits a date range into whole months (read from monthly rollups) and the days at its edges (read from daily
// rollups), so that reading any period costs O(months + edge days) rows.

export interface RangeSplit {
  /** First and last whole month (YYYY-MM), or null when the range holds no whole month. */
  months: [string, string] | null;
  /** Day ranges (inclusive) outside the whole months: at most one at each edge. */
  days: [string, string][];
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

function monthStart(date: string): string {
  return date.slice(0, 8) + '01';
}

function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function splitRange(from: string, to: string): RangeSplit {
  // The first whole month starts at `from` if it is a 1st, else at the next month's 1st.
  const firstWhole = from === monthStart(from) ? from : addDays(monthEnd(from), 1);
  // The last whole month ends at `to` if it is a month's last day, else at the previous month's end.
  const lastWholeEnd = to === monthEnd(to) ? to : addDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)]);
  if (lastWholeEnd < to) days.push([addDays(lastWholeEnd, 1), to]);
  return { months: [firstWhole.slice(0, 7), lastWholeEnd.slice(0, 7)], days };
}
