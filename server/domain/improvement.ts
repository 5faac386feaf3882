// Ranking units by improvement against the previous period, for award programs such as "Gorontalo Berprestasi"
// (DOMAIN.md §8). Only units with enough data in both periods take part (ours: the IKM's sample target, and at least
// MIN_PERMITS completed permit reports for permit times).
export const MIN_PERMITS = 10;

export interface Change {
  previous: number;
  current: number;
  /** current − previous; for permit days a fall is an improvement. */
  change: number;
}

export function rankByImprovement<U>(rows: { unit: U; change: Change }[], lowerIsBetter: boolean) {
  const sorted = [...rows].sort((a, b) => (lowerIsBetter ? a.change.change - b.change.change : b.change.change - a.change.change));
  return sorted.map((r, i) => ({ ...r, rank: i + 1 }));
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
