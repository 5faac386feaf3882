// The compliance board's scoring (issue 18, DOMAIN.md §10, docs/decisions/033-compliance-scoring.md): pure functions
// from what a unit did in a year — quarters surveyed with an adequate sample, media it published on, RTL planned and done
// — to the Zona Integritas and PEKPPP scores, by the thresholds an administrator keeps in one table.
import * as v from 'valibot';
import type { PublicationMedium } from '../schema.ts';

/** The scored items, in the board's column order. */
export const COMPLIANCE_ITEMS = ['zi_skm_frequency', 'zi_publication', 'zi_follow_up', 'pekppp_7aT', 'pekppp_8aAk', 'pekppp_9aAk', 'pekppp_6aB'] as const;
export type ComplianceItem = (typeof COMPLIANCE_ITEMS)[number];

/** The highest score an item's scale reaches (ZI items score 0–1, PEKPPP items 0–5). */
export const ITEM_MAX_SCORE: Record<ComplianceItem, number> = {
  zi_skm_frequency: 1, zi_publication: 1, zi_follow_up: 1, pekppp_7aT: 5, pekppp_8aAk: 5, pekppp_9aAk: 5, pekppp_6aB: 5,
};

export const THRESHOLD_OPS = ['ge', 'gt', 'le', 'lt'] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

export interface ThresholdRow {
  item: ComplianceItem;
  op: ThresholdOp;
  bound: number;
  /** The score as hundredths (0.67 → 67), exact. */
  scoreHundredths: number;
}

/** Media seen online vs offline (ZI publication) and electronic vs non-electronic (PEKPPP 6.a.B), decision 033. */
export const ONLINE_MEDIA: readonly PublicationMedium[] = ['website', 'social', 'app'];
export const OFFLINE_MEDIA: readonly PublicationMedium[] = ['print', 'electronic', 'billboard'];
export const ELECTRONIC_MEDIA: readonly PublicationMedium[] = ['electronic', 'social', 'website', 'app'];
export const NON_ELECTRONIC_MEDIA: readonly PublicationMedium[] = ['print', 'billboard'];

function holds(op: ThresholdOp, value: number, bound: number): boolean {
  if (op === 'ge') return value >= bound;
  if (op === 'gt') return value > bound;
  if (op === 'le') return value <= bound;
  return value < bound;
}

/** An item's score: the highest score among the rows whose condition holds, else 0; null when nothing can be measured. */
export function scoreItem(rows: readonly ThresholdRow[], item: ComplianceItem, value: number | null): number | null {
  if (value === null) return null;
  let best = 0;
  for (const r of rows) if (r.item === item && holds(r.op, value, r.bound) && r.scoreHundredths > best) best = r.scoreHundredths;
  return best / 100;
}

/** Whole days from one date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The median of whole numbers (the mean of the middle two for an even count), null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ComplianceInput {
  /** Each quarter of the year: whether its survey reached its sample target (decision 023's unit-wide flag). */
  quarters: { adequate: boolean }[];
  /** Media types with at least one publication in the year. */
  media: readonly PublicationMedium[];
  /** The RTL items of the year: planned on, and done on (null while not done). */
  followUps: { plannedOn: string | null; doneOn: string | null }[];
}

export interface ComplianceFigures {
  held: number;
  online: boolean;
  offline: boolean;
  electronic: boolean;
  nonElectronic: boolean;
  planned: number;
  done: number;
  /** Done ÷ planned × 100, rounded to 2 decimals; null with nothing planned. */
  shareDone: number | null;
  medianDaysToDone: number | null;
  longestDaysToDone: number | null;
  scores: {
    ziSkmFrequency: number | null; ziPublication: number | null; ziFollowUp: number | null;
    pekppp7aT: number | null; pekppp8aAk: number | null; pekppp9aAk: number | null; pekppp6aB: number | null;
  };
}

export function complianceFigures(input: ComplianceInput, rows: readonly ThresholdRow[]): ComplianceFigures {
  const held = input.quarters.filter((q) => q.adequate).length;
  const media = new Set(input.media);
  const any = (list: readonly PublicationMedium[]) => list.some((m) => media.has(m));
  const online = any(ONLINE_MEDIA);
  const offline = any(OFFLINE_MEDIA);
  const electronic = any(ELECTRONIC_MEDIA);
  const nonElectronic = any(NON_ELECTRONIC_MEDIA);
  const planned = input.followUps.length;
  const doneItems = input.followUps.filter((f) => f.doneOn !== null);
  const done = doneItems.length;
  // The exact share, for scoring; the published one rounded to 2 decimals.
  const share = planned === 0 ? null : (done * 100) / planned;
  const days = doneItems.filter((f) => f.plannedOn !== null).map((f) => Math.max(0, daysBetween(f.plannedOn!, f.doneOn!)));
  const longest = days.length ? Math.max(...days) : null;
  const conditions = (held > 0 ? 1 : 0) + (electronic && nonElectronic ? 1 : 0) + (done > 0 ? 1 : 0);
  return {
    held, online, offline, electronic, nonElectronic, planned, done,
    shareDone: share === null ? null : Math.round(share * 100) / 100,
    medianDaysToDone: median(days),
    longestDaysToDone: longest,
    scores: {
      ziSkmFrequency: scoreItem(rows, 'zi_skm_frequency', held),
      ziPublication: scoreItem(rows, 'zi_publication', (online ? 1 : 0) + (offline ? 1 : 0)),
      ziFollowUp: scoreItem(rows, 'zi_follow_up', share),
      pekppp7aT: scoreItem(rows, 'pekppp_7aT', media.size),
      pekppp8aAk: scoreItem(rows, 'pekppp_8aAk', share),
      pekppp9aAk: scoreItem(rows, 'pekppp_9aAk', longest),
      pekppp6aB: scoreItem(rows, 'pekppp_6aB', conditions),
    },
  };
}

/** The board's CSV/XLSX columns (one row per unit). */
export const COMPLIANCE_COLUMNS = [
  'unit_slug', 'unit_name', 'region_code', 'year', 'quarters_held', 'media', 'media_count', 'online', 'offline',
  'rtl_planned', 'rtl_done', 'rtl_share_done', 'rtl_median_days_to_done', 'rtl_longest_days_to_done',
  'zi_skm_frequency', 'zi_publication', 'zi_follow_up', 'pekppp_7aT', 'pekppp_8aAk', 'pekppp_9aAk', 'pekppp_6aB', 'evidence_pack_url',
] as const;

const thresholdRow = v.object({
  item: v.picklist(COMPLIANCE_ITEMS, `must be one of ${COMPLIANCE_ITEMS.join(', ')}`),
  op: v.picklist(THRESHOLD_OPS, 'must be ge, gt, le or lt'),
  bound: v.pipe(v.number('must be a whole number from 0 to 1000'), v.integer('must be a whole number from 0 to 1000'), v.minValue(0, 'must be a whole number from 0 to 1000'), v.maxValue(1000, 'must be a whole number from 0 to 1000')),
  score: v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'), v.maxValue(5, 'must be at most 5')),
});

/** PUT /api/admin/compliance-thresholds: the rows of each item named replace that item's rows. */
export const thresholdsSchema = v.object({ rows: v.pipe(v.array(thresholdRow, 'must be a list'), v.minLength(1, 'name at least one row'), v.maxLength(100, 'at most 100 rows')) });

/** Checks the rows against each item's scale; returns field errors (empty when valid) and the rows in hundredths. */
export function checkThresholds(rows: v.InferOutput<typeof thresholdsSchema>['rows']): { errors: Record<string, string>; rows: ThresholdRow[] } {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  const out: ThresholdRow[] = [];
  rows.forEach((r, i) => {
    const hundredths = Math.round(r.score * 100);
    if (Math.abs(hundredths - r.score * 100) > 1e-6) errors[`rows.${i}.score`] = 'must have at most 2 decimals';
    if (r.score > ITEM_MAX_SCORE[r.item]) errors[`rows.${i}.score`] = `must be at most ${ITEM_MAX_SCORE[r.item]} for ${r.item}`;
    const key = `${r.item}|${r.op}|${r.bound}`;
    if (seen.has(key)) errors[`rows.${i}`] = 'repeats another row (same item, op and bound)';
    seen.add(key);
    out.push({ item: r.item, op: r.op, bound: r.bound, scoreHundredths: hundredths });
  });
  return { errors, rows: out };
}

