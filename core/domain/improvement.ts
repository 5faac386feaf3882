// Ranking units by improvement against the previous period, for award programs such as "Gorontalo Berprestasi"
// (DOMAIN.md §8). Only units with enough data in both periods take part (ours: the IKM's sample target, and at least
// MIN_PERMITS completed permit reports of the same permit type for permit times). Decision record 028: every change
// comes with its 95 % interval and is marked significant only when the interval excludes zero; ties share a rank;
// permit medians are compared per permit type; a period in progress is compared with the same span of the previous one.
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { roundRatioHalfUp } from './ikm.ts';
import { daysInclusive, previousPeriod, type Period } from './periods.ts';

export const MIN_PERMITS = 10;

export interface Change {
  previous: number;
  current: number;
  /** current − previous; for permit days a fall is an improvement. */
  change: number;
}

export interface Ranked {
  change: Change;
  /** 95 % interval of the change (current − previous). */
  ci95: [number, number];
  /** The interval excludes zero: a change the data show, not noise. */
  significant: boolean;
}

/** Competition ranking ("1224"): ties (the same shown change) share a rank; among ties the input order is kept. */
export function rankByImprovement<R extends Ranked>(rows: R[], lowerIsBetter: boolean): (R & { rank: number })[] {
  const better = (a: R, b: R) => (lowerIsBetter ? a.change.change - b.change.change : b.change.change - a.change.change);
  const sorted = [...rows].sort(better);
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || sorted[i - 1]!.change.change !== r.change.change) rank = i + 1;
    return { ...r, rank };
  });
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** What an IKM's uncertainty needs: n, the sum and the sum of squares of the respondents' totals of nine answers. */
export interface IkmMoments {
  n: number;
  total: number;
  totalSq: number;
}

/**
 * The IKM change (after − before) from the exact IKMs, rounded half up once for display (issue 25 item 4): the
 * difference of two already-rounded IKMs can be off by 0.01 and reorder the ranking. An IKM is 25 × total ÷ (9 × n),
 * so the change is the exact ratio 25 × (total_b × n_a − total_a × n_b) ÷ (9 × n_a × n_b) of the rollups' integer sums.
 */
export function ikmChange(before: IkmMoments, after: IkmMoments): number {
  return roundRatioHalfUp({ num: 25 * (after.total * before.n - before.total * after.n), den: 9 * before.n * after.n });
}

/**
 * Welch's 95 % interval for the change in IKM (scale 25–100) between two independent samples of respondents, from the
 * two periods' standard errors, with the exact t-quantile (Welch–Satterthwaite degrees of freedom). Null below n = 2.
 */
export function ikmChangeInterval(before: IkmMoments, after: IkmMoments): [number, number] | null {
  if (before.n < 2 || after.n < 2) return null;
  // A respondent's IKM is 25 × (their total ÷ 9): mean and variance on the 25–100 scale.
  const stats = (m: IkmMoments) => {
    const mean = (25 * m.total) / (9 * m.n);
    const variance = Math.max(0, ((625 / 81) * m.totalSq - m.n * mean * mean) / (m.n - 1));
    return { mean, se2: variance / m.n, n: m.n };
  };
  const a = stats(before);
  const b = stats(after);
  const se2 = a.se2 + b.se2;
  const diff = b.mean - a.mean;
  if (se2 === 0) return [diff, diff];
  const df = se2 ** 2 / (a.se2 ** 2 / (a.n - 1) + b.se2 ** 2 / (b.n - 1));
  const half = tQuantile(0.975, df) * Math.sqrt(se2);
  return [diff - half, diff + half];
}

/**
 * A distribution-free 95 % interval for the shift between two samples of permit days (current − previous): the
 * Moses interval from the Mann–Whitney statistic, i.e. order statistics of all pairwise differences, with the normal
 * approximation for the critical rank. Needs no assumption about the shape of processing times.
 */
export function shiftInterval(before: readonly number[], after: readonly number[]): [number, number] | null {
  const n = before.length;
  const m = after.length;
  if (n === 0 || m === 0) return null;
  const diffs = new Float64Array(n * m);
  let i = 0;
  for (const y of after) for (const x of before) diffs[i++] = y - x;
  diffs.sort();
  const k = Math.floor((n * m) / 2 - 1.959963984540054 * Math.sqrt((n * m * (n + m + 1)) / 12));
  if (k < 1) return [diffs[0]!, diffs[n * m - 1]!];
  return [diffs[k - 1]!, diffs[n * m - k]!];
}

export function isSignificant(interval: readonly [number, number]): boolean {
  return interval[0] > 0 || interval[1] < 0;
}

/**
 * The spans compared. A closed (or past) period is compared whole with the previous one; a period still in progress on
 * `today` is compared from its start to today with the same number of days from the previous period's start (capped at
 * its end), so a half-run quarter is not set against a whole one.
 */
export function comparedSpans(current: Period, today: string): { current: Period; previous: Period; partial: boolean } {
  const previous = previousPeriod(current);
  if (current.kind === 'range' || today < current.from || today >= current.to) return { current, previous, partial: false };
  const days = daysInclusive(current.from, today);
  const end = new Date(Date.parse(previous.from + 'T00:00:00Z') + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return {
    current: { ...current, to: today },
    previous: { ...previous, to: end < previous.to ? end : previous.to },
    partial: true,
  };
}
