// Turns rollup sums into the published figures: the same functions serve the unit page, the scoreboard, the
// exports and the report, so a number means the same thing everywhere.
import { gradeOfRatio, ikmFromRollup, ikmInterval, ratioValue, roundHalfUp, roundRatioHalfUp, shrunkIkm, type Mutu } from './ikm.ts';
import { addRollup, emptyRollup, type RollupCounts } from './rollup.ts';
import { sampleTarget } from './sample-size.ts';
import { SKM_ELEMENTS } from './skm.ts';

export interface Sums extends RollupCounts {
  nExcluded: number;
}

export function emptySums(): Sums {
  return { ...emptyRollup(), nExcluded: 0 };
}

export function addSums(into: Sums, more: Sums): Sums {
  addRollup(into, more);
  into.nExcluded += more.nExcluded;
  return into;
}

export function totalOf(list: Iterable<Sums>): Sums {
  const total = emptySums();
  for (const s of list) addSums(total, s);
  return total;
}

export interface ScoreSummary {
  n: number;
  nVerified: number;
  nExcluded: number;
  /** 25–100, rounded half up to two decimals for display; null without responses. */
  ikm: number | null;
  ikmCi95: [number, number] | null;
  mutu: Mutu | null;
  kinerja: string | null;
  /** Ours: the IKM of verified ratings only (visit codes), shown beside the IKM of all reportable ones. */
  ikmVerified: number | null;
  elements: { code: string; name: string; nrr: number | null; n: number }[];
  /** Unrounded, for ranking and improvement; never displayed as is. */
  ikmExact: number | null;
}

export function summarise(s: Sums): ScoreSummary {
  const result = ikmFromRollup(s);
  const verified = s.nVerified > 0 ? { num: 25 * s.verifiedTotal, den: 9 * s.nVerified } : null;
  const grade = result ? gradeOfRatio(result.ikm) : null;
  const interval = ikmInterval(s.n, s.total, s.totalSq);
  return {
    n: s.n,
    nVerified: s.nVerified,
    nExcluded: s.nExcluded,
    ikm: result ? roundRatioHalfUp(result.ikm) : null,
    ikmCi95: interval ? [roundHalfUp(interval[0]), roundHalfUp(interval[1])] : null,
    mutu: grade?.mutu ?? null,
    kinerja: grade?.kinerja ?? null,
    ikmVerified: verified ? roundRatioHalfUp(verified) : null,
    elements: SKM_ELEMENTS.map((e, i) => ({
      code: e.code,
      name: e.name.id,
      nrr: result ? roundRatioHalfUp(result.elements[i]!.nrr) : null,
      n: s.n,
    })),
    ikmExact: result ? ratioValue(result.ikm) : null,
  };
}

export interface BoardUnit<U> {
  unit: U;
  sums: Sums;
  declaredUsers: number | null;
}

export interface RankedRow<U> {
  unit: U;
  n: number;
  ikm: number;
  ikmCi95: [number, number] | null;
  mutu: Mutu;
  shrunkIkm: number;
  rank: number;
}

export interface InsufficientRow<U> {
  unit: U;
  n: number;
  sampleTarget: number | null;
}

/**
 * The scoreboard: units that met their sample target, ranked by the shrunk IKM (ours: towards the pooled mean of the
 * board's units), then the units with too little data, most responses first.
 */
export function rankUnits<U>(units: BoardUnit<U>[], periodDays: number): { ranked: RankedRow<U>[]; insufficient: InsufficientRow<U>[]; priorMean: number | null } {
  const pooled = totalOf(units.map((u) => u.sums));
  const priorMean = pooled.n > 0 ? (25 * pooled.total) / (9 * pooled.n) : null;
  const ranked: Omit<RankedRow<U>, 'rank'>[] = [];
  const insufficient: InsufficientRow<U>[] = [];
  for (const u of units) {
    const target = sampleTarget(u.declaredUsers, periodDays);
    const summary = summarise(u.sums);
    if (target === null || u.sums.n < target || summary.ikmExact === null || priorMean === null) {
      insufficient.push({ unit: u.unit, n: u.sums.n, sampleTarget: target });
      continue;
    }
    ranked.push({
      unit: u.unit,
      n: u.sums.n,
      ikm: summary.ikm!,
      ikmCi95: summary.ikmCi95,
      mutu: summary.mutu!,
      shrunkIkm: roundHalfUp(shrunkIkm(summary.ikmExact, u.sums.n, priorMean)),
    });
  }
  ranked.sort((a, b) => b.shrunkIkm - a.shrunkIkm || b.n - a.n);
  // Standard competition ranking: equal shrunk scores share a rank (1, 2, 2, 4).
  const withRank = ranked.map((r, i) => ({ ...r, rank: 0, index: i }));
  for (const r of withRank) {
    const first = withRank.findIndex((x) => x.shrunkIkm === r.shrunkIkm);
    r.rank = first + 1;
  }
  insufficient.sort((a, b) => b.n - a.n);
  return { ranked: withRank.map(({ index: _index, ...r }) => r), insufficient, priorMean };
}
