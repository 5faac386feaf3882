// DOMAIN.md §3: NRR, IKM with the exact 1/9 weight, grades as half-open intervals, and the known bugs that must not happen.
import { describe, expect, it } from 'vitest';
import { gradeOf, gradeOfRatio, ikmFromRollup, ikmInterval, roundRatioHalfUp, shrunkIkm, tQuantile975 } from '../../core/domain/ikm.ts';
import { addRollup, emptyRollup, rollupContribution } from '../../core/domain/rollup.ts';
import { summarise, emptySums } from '../../core/domain/scores.ts';
import { ELEMENT_CODES, type Answers } from '../../core/domain/skm.ts';

function answers(values: number[]): Answers {
  return Object.fromEntries(ELEMENT_CODES.map((c, i) => [c, values[i]])) as Answers;
}

function rollupOf(list: number[][], verified: boolean[] = []) {
  const r = emptyRollup();
  list.forEach((v, i) => addRollup(r, rollupContribution(answers(v), verified[i] ?? false)));
  return r;
}

describe('NRR and IKM (PermenPANRB 14/2017)', () => {
  // A worked example: four respondents.
  const worked = rollupOf([
    [4, 3, 2, 4, 3, 4, 4, 3, 3],
    [3, 3, 3, 4, 3, 3, 4, 2, 3],
    [4, 4, 3, 4, 4, 4, 4, 3, 4],
    [2, 3, 2, 3, 3, 3, 3, 2, 2],
  ]);

  it('computes each NRR as the element sum over the number of answers', () => {
    const r = ikmFromRollup(worked)!;
    expect(r.elements.map((e) => roundRatioHalfUp(e.nrr))).toEqual([3.25, 3.25, 2.5, 3.75, 3.25, 3.5, 3.75, 2.5, 3]);
  });

  it('computes IKM = Σ(NRR × 1/9) × 25 exactly: 28.75/9 × 25 = 79.861… → 79.86, mutu B', () => {
    const s = summarise({ ...worked, nExcluded: 0 });
    expect(s.ikm).toBe(79.86);
    expect(s.mutu).toBe('B');
    expect(s.kinerja).toBe('Baik');
  });

  it('does not round NRR before multiplying by 25 (a known bug in other SKM software)', () => {
    // NRRs of 10/3 = 3.333…: rounding each to 3.33 first would give 83.25; exact gives 83.33.
    const r = rollupOf([[4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3]]);
    const s = summarise({ ...r, nExcluded: 0 });
    expect(s.ikm).toBe(83.33);
    const roundedFirst = ELEMENT_CODES.reduce((sum) => sum + Math.round((10 / 3) * 100) / 100 / 9, 0) * 25;
    expect(s.ikm).not.toBe(Math.round(roundedFirst * 100) / 100);
  });

  it('does not use the printed weight 0,11 instead of 1/9 (all 4s give exactly 100)', () => {
    const s = summarise({ ...rollupOf([[4, 4, 4, 4, 4, 4, 4, 4, 4]]), nExcluded: 0 });
    expect(s.ikm).toBe(100);
    expect(4 * 0.11 * 9 * 25).not.toBe(100);
  });

  it('keeps answers by element code, so swapping U8 and U9 on a form changes the elements, not the codes', () => {
    const r = ikmFromRollup(rollupOf([[3, 3, 3, 3, 3, 3, 3, 1, 4]]))!;
    expect(r.elements.find((e) => e.code === 'U8')!.nrr).toEqual({ num: 1, den: 1 });
    expect(r.elements.find((e) => e.code === 'U9')!.nrr).toEqual({ num: 4, den: 1 });
  });

  it('grades with the 2017 cut-offs, not the 2004 ones (Kep-25/2004 had B from 62.51)', () => {
    expect(gradeOf(63).mutu).toBe('D');
    expect(gradeOf(81.26).mutu).toBe('B');
  });

  it('rejects the 1–5 scale bug: an all-4 questionnaire is A, not a middling grade', () => {
    expect(summarise({ ...rollupOf([[4, 4, 4, 4, 4, 4, 4, 4, 4]]), nExcluded: 0 }).mutu).toBe('A');
  });

  it('has no IKM without responses', () => {
    expect(summarise(emptySums())).toMatchObject({ n: 0, ikm: null, mutu: null, ikmCi95: null });
  });
});

describe('grades as half-open intervals', () => {
  it.each([
    [25, 'D'], [64.99, 'D'], [65.0, 'C'], [76.6, 'C'], [76.61, 'B'], [88.3, 'B'], [88.31, 'A'], [100, 'A'],
  ])('%d is %s', (value, mutu) => {
    expect(gradeOf(value).mutu).toBe(mutu);
  });

  it('grades the unrounded value: 76.6099… is C although it shows as 76.61', () => {
    const justBelow = { num: 766099, den: 10000 };
    expect(roundRatioHalfUp(justBelow)).toBe(76.61);
    expect(gradeOfRatio(justBelow).mutu).toBe('C');
    expect(gradeOfRatio({ num: 7661, den: 100 }).mutu).toBe('B');
  });

  it('rounds half up for display: 83.125 → 83.13, 83.124999 → 83.12', () => {
    expect(roundRatioHalfUp({ num: 83125, den: 1000 })).toBe(83.13);
    expect(roundRatioHalfUp({ num: 83124999, den: 1000000 })).toBe(83.12);
  });
});

describe('the 95 % interval and the shrunk score (ours)', () => {
  it('uses Student t quantiles (df 1: 12.71, df 10: 2.228, df 30: 2.042, large df: 1.96)', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(100000)).toBeCloseTo(1.96, 3);
  });

  it('uses the exact quantile at small samples (issue 16, item 3): df 3 gives 3.1824, not the approximation 3.1786', () => {
    expect(tQuantile975(3)).toBeCloseTo(3.182446, 6);
    expect(tQuantile975(4)).toBeCloseTo(2.776445, 6);
    expect(tQuantile975(5)).toBeCloseTo(2.570582, 6);
  });

  it('matches a hand computation for three respondents with totals 27, 36, 18', () => {
    // Respondent means 3, 4, 2 → mean 3, sd 1, t(2) = 4.3027 → 25 × (3 ± 4.3027/√3) = [12.9 → clamped 25, 137 → clamped 100]
    const r = rollupOf([[3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4], [2, 2, 2, 2, 2, 2, 2, 2, 2]]);
    expect(ikmInterval(r.n, r.total, r.totalSq)).toEqual([25, 100]);
    // Six respondents: means 3,3,3,4,4,4 → mean 3.5, sd 0.5477, t(5) = 2.5706 → ±0.5748 → [73.13, 101.87 → 100]
    const six = rollupOf([...Array(3).fill([3, 3, 3, 3, 3, 3, 3, 3, 3]), ...Array(3).fill([4, 4, 4, 4, 4, 4, 4, 4, 4])]);
    const [lo, hi] = ikmInterval(six.n, six.total, six.totalSq)!;
    expect(lo).toBeCloseTo(73.13, 1);
    expect(hi).toBe(100);
  });

  it('has no interval for a single response', () => {
    expect(ikmInterval(1, 27, 729)).toBeNull();
  });

  it('pulls a small sample towards the prior mean more than a large one', () => {
    expect(shrunkIkm(100, 3, 78)).toBeCloseTo(79.25, 2);
    expect(shrunkIkm(90, 1000, 78)).toBeCloseTo(89.43, 2);
  });
});
