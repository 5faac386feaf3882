// Pure rules of locked evidence (docs/decisions/026-locked-evidence.md): what a lock's scope names, and how the locked
// files compare with the same files made now. Which figures the public page withholds: decision 050.
import { isBelowMinimum } from './small-cells.ts';

/** Where a lock's scope string says the files come from. */
export function parseLockScope(scope: string): { kind: 'unit'; slug: string } | { kind: 'region'; code: string } | { kind: 'all' } {
  if (scope.startsWith('unit:')) return { kind: 'unit', slug: scope.slice(5) };
  if (scope.startsWith('region:')) return { kind: 'region', code: scope.slice(7) };
  return { kind: 'all' };
}

export interface LiveComparison {
  /** Whether any file made now differs from the locked one (or is missing, or new). */
  changed: boolean;
  /** Files of the snapshot whose contents made now differ, or that can no longer be made. */
  changedFiles: string[];
  /** Files made now that the snapshot does not have (a unit added to the region since). */
  addedFiles: string[];
  /** For each file made now, its hash. */
  liveHashes: Record<string, string>;
}

/** Compares the locked files with the same files made now. */
export function compareFiles(locked: { name: string; sha256: string }[], live: { name: string; sha256: string }[]): LiveComparison {
  const liveHashes = Object.fromEntries(live.map((f) => [f.name, f.sha256]));
  const changedFiles = locked.filter((f) => liveHashes[f.name] !== f.sha256).map((f) => f.name);
  const addedFiles = live.filter((f) => !locked.some((l) => l.name === f.name)).map((f) => f.name);
  return { changed: changedFiles.length + addedFiles.length > 0, changedFiles, addedFiles, liveHashes };
}

/** One figure that differs between a locked file and the same file made now (issue 25, item 5). */
export interface FigureChange {
  file: string;
  /** The unit the row is about (CSV rows), or null for a report's own figure. */
  unit: string | null;
  /** Which row: the official and indicator of an ASN evidence row (with the permit type), empty for a unit's scores. */
  row: string;
  /** The column or field. */
  figure: string;
  /** Whether the figure is a percentage (an achievement, or a realisation measured in %). */
  percent: boolean;
  locked: string | null;
  live: string | null;
  /**
   * The ratings behind the figure in the locked and in the live file, when it is one the small-cells rule covers (an
   * IKM, its interval and grade, an element, a verified IKM, the ASN evidence's IKM realisation and what follows from
   * it); null for a count, a target or a figure not made from ratings (decision 050).
   */
  lockedRatings: number | null;
  liveRatings: number | null;
}

/** Figures shown at any n: the counts, the sample target and whether it is met (public since decision 047). */
const COUNTS = new Set(['n', 'n_verified', 'n_excluded', 'sample_target', 'sample_adequate', 'target',
  'nVerified', 'nExcluded', 'sampleTarget', 'sampleAdequate', 'provisional', 'servicesSampleAdequate', 'suggestionsTotal']);

/** The ratings behind a figure of one row (a CSV row or a report), or null when the rule does not cover it. */
function ratingsBehind(row: Record<string, unknown> | undefined, figure: string): number | null {
  if (!row || COUNTS.has(figure)) return null;
  // The ASN evidence: only the IKM row is made from ratings (permits and follow-ups are left to decision 047 (d)).
  if ('indicator' in row && row.indicator !== 'ikm') return null;
  const n = Number(row.n);
  if (!Number.isFinite(n)) return null;
  const verified = figure === 'ikm_verified' ? row.n_verified : figure === 'ikmVerified' ? row.nVerified : undefined;
  return verified === undefined ? n : Math.min(n, Number(verified));
}

/** Which side of a changed figure the public page withholds: some ratings, but fewer than k (decision 050). */
export function withheldSides(f: Pick<FigureChange, 'lockedRatings' | 'liveRatings'>, k: number): { locked: boolean; live: boolean } {
  return {
    locked: f.lockedRatings !== null && isBelowMinimum(f.lockedRatings, k),
    live: f.liveRatings !== null && isBelowMinimum(f.liveRatings, k),
  };
}

/** Rows of a CSV file by a key of their identifying columns. */
function csvRows(text: string, parse: (text: string) => string[][]): { header: string[]; rows: Map<string, Record<string, string>> } {
  const [header = [], ...rows] = parse(text);
  const out = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const row = Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']));
    // The ASN evidence: one row per official, indicator and permit type; the scores: one per unit.
    const key = 'indicator' in row ? [row.unit_slug, row.nip, row.indicator, row.service_slug ?? ''].join('|') : row.unit_slug ?? String(out.size);
    out.set(key, row);
  }
  return { header, rows: out };
}

/** Columns that name a row rather than measure it: not figures. */
const IDENTITY = new Set(['period', 'nip', 'official_name', 'position', 'unit_slug', 'unit_name', 'region_code', 'perspective', 'indicator',
  'unit_of_measure', 'evidence_url', 'tenure_from', 'tenure_to', 'service_slug']);

/**
 * The figures that differ between the locked files and the same files made now: CSV cells by row and column, and a
 * report's top-level figures (numbers and short texts). Files only on one side are left to `compareFiles`.
 */
export function figureChanges(locked: { name: string; content: string }[], live: { name: string; content: string }[], parse: (text: string) => string[][]): FigureChange[] {
  const out: FigureChange[] = [];
  for (const l of locked) {
    const now = live.find((f) => f.name === l.name);
    if (!now || now.content === l.content) continue;
    if (l.name.endsWith('.csv')) {
      const a = csvRows(l.content, parse);
      const b = csvRows(now.content, parse);
      for (const key of new Set([...a.rows.keys(), ...b.rows.keys()])) {
        const ra = a.rows.get(key);
        const rb = b.rows.get(key);
        const any = (ra ?? rb)!;
        const row = 'indicator' in any ? [any.official_name, any.indicator, any.service_slug].filter(Boolean).join(' · ') : '';
        for (const column of b.header.length ? b.header : a.header) {
          if (IDENTITY.has(column)) continue;
          const va = ra?.[column] ?? null;
          const vb = rb?.[column] ?? null;
          if (va === vb) continue;
          const percent = column === 'achievement_pct' || (column === 'realisation' && any.unit_of_measure === '%');
          out.push({ file: l.name, unit: any.unit_slug ?? null, row, figure: column, percent, locked: va, live: vb, lockedRatings: ratingsBehind(ra, column), liveRatings: ratingsBehind(rb, column) });
        }
      }
    } else {
      const a = JSON.parse(l.content) as Record<string, unknown>;
      const b = JSON.parse(now.content) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const va = a[key];
        const vb = b[key];
        const scalar = (v: unknown) => v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 40);
        if (!scalar(va) || !scalar(vb) || va === vb) continue;
        const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
        out.push({ file: l.name, unit: null, row: '', figure: key, percent: /share|pct/i.test(key), locked: text(va), live: text(vb), lockedRatings: ratingsBehind(a, key), liveRatings: ratingsBehind(b, key) });
      }
    }
  }
  return out;
}
