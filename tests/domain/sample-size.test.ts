// DOMAIN.md §4: Krejcie & Morgan, against the published table.
import { describe, expect, it } from 'vitest';
import { krejcieMorgan, periodPopulation, sampleTarget } from '../../core/domain/sample-size.ts';

describe('Krejcie & Morgan sample size', () => {
  it.each([
    [100, 80], [200, 132], [500, 217], [1000, 278], [2000, 322], [5000, 357], [10000, 370], [100000, 384], [5_000_000, 384],
  ])('N = %d needs %d respondents', (population, expected) => {
    expect(krejcieMorgan(population)).toBe(expected);
  });

  it('never asks for more respondents than there are users', () => {
    expect(krejcieMorgan(10)).toBeLessThanOrEqual(10);
    expect(krejcieMorgan(0)).toBe(0);
  });

  it('does not apply a minimum of 150 that the regulation does not have', () => {
    expect(krejcieMorgan(100)).toBe(80);
  });

  it('pro-rates declared yearly users to the period (ours): a quarter of 4,000 users is 1,000 → 278', () => {
    expect(periodPopulation(4000, 92)).toBe(1008);
    expect(sampleTarget(4000, 91)).toBe(krejcieMorgan(997));
    expect(sampleTarget(null, 90)).toBeNull();
  });
});
