// Reporting periods (DOMAIN.md §5): year 2026, semester 2026-S1, quarter 2026-Q3, month 2026-08, or from/to dates.
// All are ranges of local dates in the unit's time zone.

export type PeriodKind = 'year' | 'semester' | 'quarter' | 'month' | 'range';

export interface Period {
  code: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

export class PeriodError extends Error {
  constructor(readonly field: 'period' | 'from' | 'to', message: string) {
    super(message);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthRange(year: number, firstMonth: number, months: number): { from: string; to: string } {
  const lastMonth = firstMonth + months - 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}` };
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function parsePeriodCode(code: string): Period {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(code))) return { code, kind: 'year', ...monthRange(Number(m[1]), 1, 12) };
  if ((m = /^(\d{4})-S([12])$/.exec(code))) return { code, kind: 'semester', ...monthRange(Number(m[1]), m[2] === '1' ? 1 : 7, 6) };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) return { code, kind: 'quarter', ...monthRange(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3) };
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code))) return { code, kind: 'month', ...monthRange(Number(m[1]), Number(m[2]), 1) };
  throw new PeriodError('period', 'must be a year (2026), semester (2026-S1), quarter (2026-Q3) or month (2026-08)');
}

const MAX_RANGE_DAYS = 3 * 366;

/** The period of a request: `period`, or `from` and `to`, or the fallback (the current year) when none is given. */
export function resolvePeriod(q: { period?: string | undefined; from?: string | undefined; to?: string | undefined }, fallback: string): Period {
  if (q.period) {
    if (q.from || q.to) throw new PeriodError('period', 'give either period or from/to, not both');
    return parsePeriodCode(q.period);
  }
  if (q.from || q.to) {
    if (!q.from || !isValidDate(q.from)) throw new PeriodError('from', 'must be a date YYYY-MM-DD');
    if (!q.to || !isValidDate(q.to)) throw new PeriodError('to', 'must be a date YYYY-MM-DD');
    if (q.to < q.from) throw new PeriodError('to', 'must not be before from');
    if (daysInclusive(q.from, q.to) > MAX_RANGE_DAYS) throw new PeriodError('to', 'the range may span at most three years');
    return { code: `${q.from}..${q.to}`, kind: 'range', from: q.from, to: q.to };
  }
  return parsePeriodCode(fallback);
}

export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000) + 1;
}

/** The period of the same kind just before this one (a range: the same number of days before it). */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'range') {
    const days = daysInclusive(p.from, p.to);
    const to = new Date(Date.parse(p.from + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);
    const from = new Date(Date.parse(to + 'T00:00:00Z') - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    return { code: `${from}..${to}`, kind: 'range', from, to };
  }
  const year = Number(p.code.slice(0, 4));
  if (p.kind === 'year') return parsePeriodCode(String(year - 1));
  const n = Number(p.code.slice(-1));
  if (p.kind === 'semester') return parsePeriodCode(n === 1 ? `${year - 1}-S2` : `${year}-S1`);
  if (p.kind === 'quarter') return parsePeriodCode(n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`);
  const month = Number(p.code.slice(5, 7));
  return parsePeriodCode(month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`);
}

/** `count` periods ending with `p`, oldest first. */
export function periodsEndingWith(p: Period, count: number): Period[] {
  const out = [p];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** The period code of a local date at a kind's granularity (year, semester, quarter, month). */
export function periodCodeOf(localDate: string, kind: Exclude<PeriodKind, 'range'>): string {
  const year = localDate.slice(0, 4);
  const month = Number(localDate.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'semester') return `${year}-S${month <= 6 ? 1 : 2}`;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${pad(month)}`;
}

/**
 * Days after a quarter's last day during which it is still open (docs/decisions/021-closed-periods.md): a registered
 * kiosk may hold ratings offline for 72 hours, so a quarter's figures can still legitimately grow for three days.
 */
export const CLOSE_AFTER_DAYS = 3;

/**
 * Whether the quarter holding `localDate` is closed on `today` (both local dates, YYYY-MM-DD): from the
 * (CLOSE_AFTER_DAYS + 1)-th day after the quarter ends, its figures are what reports and ASN evidence were made from,
 * and nothing may change them without an evaluator's approval.
 */
export function isClosedOn(localDate: string, today: string): boolean {
  return today >= closingDate(localDate);
}

/** The local date from which the quarter holding `localDate` is closed (the 4th day after it ends). */
export function closingDate(localDate: string): string {
  const quarter = parsePeriodCode(periodCodeOf(localDate, 'quarter'));
  return new Date(Date.parse(quarter.to + 'T00:00:00Z') + (CLOSE_AFTER_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
}

/** How many periods of the same kind a trend shows. */
export const TREND_LENGTH = 8;

/**
 * The periods a trend shows: the last eight of the same kind; for a year or a date range, its months (a year's
 * two or three yearly points said little, issue 17), a current year's up to the current month.
 */
export function trendPeriods(p: Period, today: string): Period[] {
  if (p.kind !== 'range' && p.kind !== 'year') return periodsEndingWith(p, TREND_LENGTH);
  const out: Period[] = [];
  const last = p.kind === 'year' && p.from <= today && p.to > today ? today.slice(0, 7) : p.to.slice(0, 7);
  for (let month = p.from.slice(0, 7); month <= last; ) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ code: month, kind: 'month', from: month + '-01' < p.from ? p.from : month + '-01', to: last > p.to ? p.to : last });
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
}
