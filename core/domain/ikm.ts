// The index of PermenPANRB 14/2017 (DOMAIN.md §3), computed exactly from integer rollup sums.
// NRR = Σanswers / n per element; IKM = Σ(NRR × 1/9) × 25. With all nine answers required, Σ NRR = Σtotal / n,
// so IKM = 25·Σtotal / (9n): a rational number, graded unrounded and rounded half up only for display (ours).
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { ELEMENT_CODES, type ElementCode } from './skm.ts';
import type { RollupCounts } from './rollup.ts';
import { GRADES, type Mutu } from './grades.ts';

/** An exact non-negative rational number num/den. */
export interface Ratio {
  num: number;
  den: number;
}

/** Rounds num/den half up to `decimals` places using integer arithmetic (no binary floating-point drift). */
export function roundRatioHalfUp({ num, den }: Ratio, decimals = 2): number {
  const scale = 10 ** decimals;
  // floor((num·scale)/den + 1/2) = floor((2·num·scale + den) / (2·den))
  const scaled = Math.floor((2 * num * scale + den) / (2 * den));
  return scaled / scale;
}

/** Rounds a decimal value half up for display (used for values that are not exact ratios, such as intervals). */
export function roundHalfUp(value: number, decimals = 2): number {
  const scale = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.abs(value)) * scale) / scale;
}

export { GRADES, kinerjaOfMutu, kinerjaWords, type Mutu } from './grades.ts';

// Cut-offs on the 25–100 scale in hundredths, as half-open intervals: A ≥ 88.31 > B ≥ 76.61 > C ≥ 65.00 > D.
const CUTS: readonly [Mutu, number][] = [['A', 8831], ['B', 7661], ['C', 6500]];

/** The grade of an exact IKM (25–100 scale), compared with integers so 76.61 is B and 76.6099… is C. */
export function gradeOfRatio(ikm: Ratio): { mutu: Mutu; kinerja: string } {
  for (const [mutu, hundredths] of CUTS) {
    if (ikm.num * 100 >= hundredths * ikm.den) return gradeInfo(mutu);
  }
  return gradeInfo('D');
}

/** The grade of a decimal IKM value on the 25–100 scale (the same half-open intervals). */
export function gradeOf(ikm: number): { mutu: Mutu; kinerja: string } {
  if (ikm >= 88.31) return gradeInfo('A');
  if (ikm >= 76.61) return gradeInfo('B');
  if (ikm >= 65) return gradeInfo('C');
  return gradeInfo('D');
}

function gradeInfo(mutu: Mutu) {
  const g = GRADES.find((x) => x.mutu === mutu)!;
  return { mutu, kinerja: g.kinerja };
}

export interface ElementScore {
  code: ElementCode;
  n: number;
  nrr: Ratio;
}

export interface IkmResult {
  n: number;
  /** 25–100 scale, exact. */
  ikm: Ratio;
  elements: ElementScore[];
}

/** NRR per element and the IKM from a rollup's sums; null when there is no response. */
export function ikmFromRollup(r: RollupCounts): IkmResult | null {
  if (r.n <= 0) return null;
  return {
    n: r.n,
    ikm: { num: 25 * r.total, den: 9 * r.n },
    elements: ELEMENT_CODES.map((code, i) => ({ code, n: r.n, nrr: { num: r.elementSums[i]!, den: r.n } })),
  };
}

export function ratioValue(r: Ratio): number {
  return r.num / r.den;
}

/**
 * Ours: a 95 % t-interval for the IKM. With complete answers the IKM is 25 × the mean of the respondents' own
 * averages (total/9), so the interval of that mean, ×25, applies. Null below two responses.
 */
export function ikmInterval(n: number, total: number, totalSq: number): [number, number] | null {
  if (n < 2) return null;
  const mean = total / n / 9;
  const variance = Math.max(0, (totalSq / 81 - n * mean * mean) / (n - 1));
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return [Math.max(25, 25 * (mean - half)), Math.min(100, 25 * (mean + half))];
}

/**
 * The 97.5 % quantile of Student's t with `df` degrees of freedom, exact (stdlib's inverse of the regularised incomplete
 * beta function; docs/decisions/024-exact-t-quantile.md). An approximation undershoots at small samples (df 3: 3.1786
 * for 3.1824), which narrows exactly the intervals that matter most.
 */
export function tQuantile975(df: number): number {
  if (!(df > 0)) return Number.NaN;
  return tQuantile(0.975, df);
}

/** How far an interval can be read (ours): too few responses (n < 3) or no spread at all, wider than 10 points, or ok. */
export type IntervalNote = 'too-few' | 'wide' | 'ok';

/** Width above which an interval is called wide: about a grade band (B spans 11.7 points), so the grade is not settled. */
export const WIDE_INTERVAL = 10;

export function intervalNote(n: number, interval: [number, number] | null): IntervalNote | null {
  if (n === 0) return null;
  if (interval === null || n < 3 || interval[1] - interval[0] <= 0) return 'too-few';
  return interval[1] - interval[0] > WIDE_INTERVAL ? 'wide' : 'ok';
}

/**
 * Ours: the score used for ranking, shrunk towards the region's mean (empirical Bayes with a fixed prior strength of
 * SHRINK_STRENGTH respondents), so that three happy answers do not top the table.
 */
export const SHRINK_STRENGTH = 50;

export function shrunkIkm(ikm: number, n: number, priorMean: number, strength = SHRINK_STRENGTH): number {
  return (n * ikm + strength * priorMean) / (n + strength);
}
