// Whether the holiday calendar covers the years working days are counted in (issue 16 item 14, decision 029). A year
// counts as loaded when it has at least one holiday: Indonesia always has national holidays, so an empty year is one
// nobody entered, and its Mondays to Fridays would all count as working days without a word.

export function calendarYears(holidays: Iterable<string>): Set<number> {
  const years = new Set<number>();
  for (const date of holidays) years.add(Number(date.slice(0, 4)));
  return years;
}

/** The current and the next year when the calendar lacks them (administrators enter next year's before it starts). */
export function missingCalendarYears(holidays: Iterable<string>, today: string): number[] {
  const have = calendarYears(holidays);
  const year = Number(today.slice(0, 4));
  return [year, year + 1].filter((y) => !have.has(y));
}

/**
 * The years without a calendar whose days some figure counted: the days in (submitted, completed] of each report, or
 * up to today for one still waiting.
 */
export function yearsCountedWithoutCalendar(
  rows: Iterable<{ submitted_on: string; completed_on: string | null }>,
  today: string,
  holidays: Iterable<string>,
): number[] {
  const have = calendarYears(holidays);
  const out = new Set<number>();
  for (const r of rows) {
    const end = r.completed_on ?? today;
    if (end <= r.submitted_on) continue;
    const first = new Date(Date.parse(r.submitted_on + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 4);
    for (let y = Number(first); y <= Number(end.slice(0, 4)); y++) if (!have.has(y)) out.add(y);
  }
  return [...out].sort((a, b) => a - b);
}

/** The `calendar` field of the permit-times answers. */
export function calendarNotice(rows: Iterable<{ submitted_on: string; completed_on: string | null }>, today: string, holidays: ReadonlySet<string>) {
  const yearsWithoutCalendar = yearsCountedWithoutCalendar(rows, today, holidays);
  return { missingYears: missingCalendarYears(holidays, today), yearsWithoutCalendar, flagged: yearsWithoutCalendar.length > 0 };
}
