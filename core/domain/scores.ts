// Turns rollup sums into the published figures: the same functions serve the unit page, the scoreboard, the
// exports and the report, so a number means the same thing everywhere.
import { gradeOfRatio, ikmFromRollup, ikmInterval, intervalNote, ratioValue, roundHalfUp, roundRatioHalfUp, shrunkIkm, type IntervalNote, type Mutu } from './ikm.ts';
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
  /** What the interval's width allows one to say (ours): 'too-few' below three responses or without spread, 'wide', 'ok'. */
  intervalNote: IntervalNote | null;
  mutu: Mutu | null;
  kinerja: string | null;
  /** Ours: the IKM of verified ratings only (visit codes), shown beside the IKM of all reportable ones. */
  ikmVerified: number | null;
  /** nrr: rounded half up to two places; nrr25: the exact NRR × 25, rounded once at the end (DOMAIN.md §3). */
  elements: { code: string; name: string; nrr: number | null; nrr25: number | null; n: number }[];
  /** Unrounded, for ranking and improvement; never displayed as is. */
  ikmExact: number | null;
}

export function summarise(s: Sums): ScoreSummary {
  const result = ikmFromRollup(s);
  const verified = s.nVerified > 0 ? { num: 25 * s.verifiedTotal, den: 9 * s.nVerified } : null;
  const grade = result ? gradeOfRatio(result.ikm) : null;
  const interval = ikmInterval(s.n, s.total, s.totalSq);
  const rounded: [number, number] | null = interval ? [roundHalfUp(interval[0]), roundHalfUp(interval[1])] : null;
  return {
    n: s.n,
    nVerified: s.nVerified,
    nExcluded: s.nExcluded,
    ikm: result ? roundRatioHalfUp(result.ikm) : null,
    ikmCi95: rounded,
    intervalNote: intervalNote(s.n, rounded),
    mutu: grade?.mutu ?? null,
    kinerja: grade?.kinerja ?? null,
    ikmVerified: verified ? roundRatioHalfUp(verified) : null,
    elements: SKM_ELEMENTS.map((e, i) => ({
      code: e.code,
      name: e.name.id,
      nrr: result ? roundRatioHalfUp(result.elements[i]!.nrr) : null,
      nrr25: result ? roundRatioHalfUp({ num: 25 * result.elements[i]!.nrr.num, den: result.elements[i]!.nrr.den }) : null,
      n: s.n,
    })),
    ikmExact: result ? ratioValue(result.ikm) : null,
  };
}

/**
 * The weakest elements by their exact NRR (issue 16: never by the rounded one, which ties and falls back to element
 * order). Every element has the same n (all nine answers are required), so the element sums order them exactly; equal
 * sums keep the regulation's element order.
 */
export function weakestElements(s: Sums, count = 3): ScoreSummary['elements'] {
  if (s.n <= 0) return [];
  const summary = summarise(s);
  return summary.elements
    .map((e, i) => ({ e, sum: s.elementSums[i]! }))
    .sort((a, b) => a.sum - b.sum)
    .slice(0, count)
    .map(({ e }) => e);
}

/**
 * Every element whose exact NRR is the lowest ("terendah", issue 25 item 6): all of them when they tie, never only the
 * first in element order. Every element has the same n, so equal element sums are equal NRRs.
 */
export function lowestElements(s: Sums): string[] {
  if (s.n <= 0) return [];
  const min = Math.min(...s.elementSums);
  return SKM_ELEMENTS.filter((_, i) => s.elementSums[i] === min).map((e) => e.code);
}

/**
 * The sample flags of one unit-period or service-period (ours, docs/decisions/023-sample-adequacy.md): adequate when the
 * responses reach the Krejcie & Morgan target; below it (or without a target) the grade is provisional.
 */
export function sampleFlags(n: number, target: number | null): { sampleAdequate: boolean; provisional: boolean } {
  const sampleAdequate = target !== null && n >= target;
  return { sampleAdequate, provisional: n > 0 && !sampleAdequate };
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
export function rankUnits<U>(units: BoardUnit<U>[], periodDays: number, minRatings = 0): { ranked: RankedRow<U>[]; insufficient: InsufficientRow<U>[]; priorMean: number | null } {
  const pooled = totalOf(units.map((u) => u.sums));
  const priorMean = pooled.n > 0 ? (25 * pooled.total) / (9 * pooled.n) : null;
  const ranked: Omit<RankedRow<U>, 'rank'>[] = [];
  const insufficient: InsufficientRow<U>[] = [];
  for (const u of units) {
    const target = sampleTarget(u.declaredUsers, periodDays);
    const summary = summarise(u.sums);
    if (target === null || u.sums.n < target || u.sums.n < minRatings || summary.ikmExact === null || priorMean === null) {
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

export interface ServiceRef {
  id: string;
  slug: string;
  name: string;
  declared_users: number | null;
}

/**
 * The scores of each service of a unit with its own sample target (DOMAIN.md §4 takes N per service type), beside the
 * unit-wide flag (docs/decisions/023-sample-adequacy.md).
 */
export function serviceScores(services: ServiceRef[], byService: { serviceId: string; sums: Sums }[], periodDays: number) {
  const rows = services.map((s) => {
    const one = summarise(byService.find((b) => b.serviceId === s.id)?.sums ?? emptySums());
    const target = sampleTarget(s.declared_users, periodDays);
    return { slug: s.slug, name: s.name, n: one.n, ikm: one.ikm, mutu: one.mutu, sampleTarget: target, ...sampleFlags(one.n, target) };
  });
  const targeted = rows.filter((r) => r.sampleTarget !== null);
  return { services: rows, servicesSampleAdequate: targeted.length > 0 && targeted.every((r) => r.sampleAdequate) };
}

/**
 * The weakest elements with their ties (issue 25 item 2): the `count` weakest by exact NRR, plus every element whose
 * exact NRR equals the last one's, so a tie at the cut is shown rather than settled by element order. Each carries its
 * competition rank (1, 2, 3, 3 …). Equal element sums are equal exact NRRs (every element has the same n).
 */
export function weakestElementsWithTies(s: Sums, count = 3): (ScoreSummary['elements'][number] & { rank: number })[] {
  if (s.n <= 0) return [];
  const summary = summarise(s);
  const sorted = summary.elements.map((e, i) => ({ e, sum: s.elementSums[i]! })).sort((a, b) => a.sum - b.sum);
  const cut = sorted[Math.min(count, sorted.length) - 1]!.sum;
  return sorted.filter((x) => x.sum <= cut).map((x) => ({ ...x.e, rank: sorted.findIndex((y) => y.sum === x.sum) + 1 }));
}
