// Krejcie & Morgan (1970), as PermenPANRB 14/2017 prescribes (DOMAIN.md §4):
// s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3.841, P = 0.5, d = 0.05; rounded to the nearest whole respondent
// as the published table is. The table stops at 384 from N = 100,000 (the formula's limit for large N).
const CHI2 = 3.841;
const P = 0.5;
const D = 0.05;

export function krejcieMorgan(population: number): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  if (population >= 100_000) return 384;
  const pq = P * (1 - P);
  const s = (CHI2 * population * pq) / (D * D * (population - 1) + CHI2 * pq);
  return Math.min(Math.round(s), Math.round(population));
}

/**
 * Ours: the population of a period is the declared yearly users of the unit's services, pro-rated by the period's
 * days (a quarter has about a quarter of the year's users).
 */
export function periodPopulation(declaredYearlyUsers: number, periodDays: number): number {
  return Math.round((declaredYearlyUsers * Math.min(periodDays, 366)) / 365);
}

export function sampleTarget(declaredYearlyUsers: number | null, periodDays: number): number | null {
  if (declaredYearlyUsers === null || declaredYearlyUsers <= 0) return null;
  return krejcieMorgan(periodPopulation(declaredYearlyUsers, periodDays));
}
