// What one response adds to its unit's daily rollup (DESIGN.md "Scores"). Sums are integers so every score
// computed from rollups is exact: with all nine answers present, a respondent's mean is total/9, so the IKM is
// Σtotal/(9n)·25 and the interval needs only Σtotal and Σtotal².
import { ELEMENT_CODES, answersTotal, type Answers } from './skm.ts';

export interface RollupCounts {
  n: number;
  nVerified: number;
  /** Sum of answers per element, U1…U9 in element order. */
  elementSums: number[];
  total: number;
  totalSq: number;
  verifiedTotal: number;
  verifiedTotalSq: number;
}

export function emptyRollup(): RollupCounts {
  return { n: 0, nVerified: 0, elementSums: ELEMENT_CODES.map(() => 0), total: 0, totalSq: 0, verifiedTotal: 0, verifiedTotalSq: 0 };
}

/** The contribution of one reportable response; its negation removes it (moderation, exclusion). */
export function rollupContribution(answers: Answers, verified: boolean, sign: 1 | -1 = 1): RollupCounts {
  const total = answersTotal(answers);
  return {
    n: sign,
    nVerified: verified ? sign : 0,
    elementSums: ELEMENT_CODES.map((code) => sign * answers[code]),
    total: sign * total,
    totalSq: sign * total * total,
    verifiedTotal: verified ? sign * total : 0,
    verifiedTotalSq: verified ? sign * total * total : 0,
  };
}

export function addRollup(into: RollupCounts, delta: RollupCounts): void {
  into.n += delta.n;
  into.nVerified += delta.nVerified;
  for (let i = 0; i < into.elementSums.length; i++) into.elementSums[i]! += delta.elementSums[i]!;
  into.total += delta.total;
  into.totalSq += delta.totalSq;
  into.verifiedTotal += delta.verifiedTotal;
  into.verifiedTotalSq += delta.verifiedTotalSq;
}
