// Small cells (issue 25 item 7, docs/decisions/047-small-cells-and-named-comments.md): a public figure computed from
// fewer than k ratings tells the public what one or a few residents answered (at n = 1 the nine element averages ARE
// the resident's nine answers, and the IKM their mean). Every public output shows the IKM, its interval and grade, the
// element averages and the verified IKM only where at least k ratings stand behind them; below that it shows the count
// and the words "kurang dari k penilaian". k is an administrator's setting (default 5). Evaluators' and staff's own
// exports, reports and locked files stay exact; the rule is applied when a figure is shown, never to what is stored.

export const DEFAULT_MIN_PUBLIC_RATINGS = 5;
/** The range an administrator may set: 1 would publish single answers; beyond 1000 a unit's page would say nothing. */
export const MIN_PUBLIC_RATINGS_RANGE = { min: 2, max: 1000 } as const;

/** The stored setting as a number; anything unreadable is the default (a bad value never publishes more). */
export function parseMinPublicRatings(stored: string | null | undefined): number {
  const k = Number(stored);
  return Number.isInteger(k) && k >= MIN_PUBLIC_RATINGS_RANGE.min && k <= MIN_PUBLIC_RATINGS_RANGE.max ? k : DEFAULT_MIN_PUBLIC_RATINGS;
}

/** Whether a figure of `n` ratings is withheld in public: some ratings, but fewer than k (none: there is no figure). */
export function isBelowMinimum(n: number, k: number): boolean {
  return n > 0 && n < k;
}

interface IkmFigures {
  n: number;
  ikm: number | null;
  mutu: string | null;
}

const NULLED_WITH_IKM = ['kinerja', 'ikmCi95', 'intervalNote', 'shrunkIkm'] as const;

/** A row with an IKM (a unit, a service, a trend point, a search hit) as the public sees it. */
export function publicIkm<T extends IkmFigures>(row: T, k: number): T {
  if (!isBelowMinimum(row.n, k)) return row;
  const out: Record<string, unknown> = { ...(row as object), ikm: null, mutu: null };
  for (const key of NULLED_WITH_IKM) if (key in out) out[key] = null;
  return out as unknown as T;
}

interface SummaryFigures extends IkmFigures {
  nVerified: number;
  ikmVerified: number | null;
  elements: { nrr: number | null; nrr25: number | null }[];
}

/** A unit-period summary as the public sees it: the IKM and the elements withheld below k, the verified IKM too. */
export function publicSummary<T extends SummaryFigures>(s: T, k: number): T {
  const small = isBelowMinimum(s.n, k);
  const out = publicIkm(s, k);
  return {
    ...out,
    ikmVerified: isBelowMinimum(s.nVerified, k) || small ? null : s.ikmVerified,
    elements: small ? s.elements.map((e) => ({ ...e, nrr: null, nrr25: null })) : s.elements,
  };
}

/** The words shown instead of a withheld figure. */
export function belowMinimumWords(k: number, lang: 'id' | 'en'): string {
  return lang === 'id' ? `kurang dari ${k} penilaian` : `fewer than ${k} ratings`;
}
