// Bounded influence of one address (issue 24, docs/decisions/045). Honest residents share addresses (a carrier puts
// thousands behind one, a unit's Wi-Fi serves its whole waiting room), so the count of what one address sends cannot
// tell a busy counter from a bot. What a bot needs, and honest residents do not have, is *influence*: to move a figure,
// its answers must differ from everyone else's. So a submission from one address (IPv4 /32, IPv6 /48) to a unit in a
// period counts while (a) the address's counted share of the unit's period stays under a share of what the unit
// normally receives, and (b) leaving the address out would move the unit's figure by less than a bound. Beyond either,
// it is held back as `address_share`, answered like any other, and listed for the region's evaluator, who can accept it.

/** Ours: the bounds, printed on the methodology page with the other integrity rules. */
export const SHARE_RULES = {
  /** An address may always count this many submissions at a unit in a period (forty residents at one counter's Wi-Fi). */
  countFloor: 40,
  /** …or this share of what the unit normally receives: the most of its current n, the previous period's n, the sample target. */
  countShare: 0.1,
  /**
   * Leaving the address out must not move the unit's period IKM by more than this (points on the 25–100 scale). Honest
   * groups move it by noise of about this size too; a bot and one honest group each at 0.35 stay under the 0.71 that
   * separated the demo's samsat-palembang-1 from the next grade (decision 045).
   */
  ikmShift: 0.35,
  /** …nor a permit service's period median by more than this many working days… */
  medianShiftDays: 1,
  /** …nor its share of permits within the standard by more than this many percentage points. */
  withinShiftPoints: 5,
  /**
   * A figure of fewer submissions than this (early in a quarter, a small unit) is filled up with the previous period's
   * to this many, for both sides of the comparison: the first ratings of a quarter are compared with what the unit
   * received before, so neither one honest rating nor forty from a bot at the quarter's start decides alone. When even
   * the previous period cannot fill the others up to it, there is no figure to compare with: the count share alone applies.
   */
  minFigure: 30,
} as const;

/** How many submissions one address may count at a unit in a period. */
export function addressCountCap(n: number, previousN: number, sampleTarget: number | null): number {
  return Math.max(SHARE_RULES.countFloor, Math.floor(SHARE_RULES.countShare * Math.max(n, previousN, sampleTarget ?? 0)));
}

/** Counted ratings and the sum of their nine answers. */
export interface RatingSums {
  n: number;
  total: number;
}

export interface RatingShareInput {
  /** The unit's counted ratings in the period, before this one (every address, this one's included). */
  unit: RatingSums;
  /** What this address already counts at the unit in the period. */
  address: RatingSums;
  /** The unit's counted ratings in the previous period, and its sample target for the period (null: no users declared). */
  previous: RatingSums;
  sampleTarget: number | null;
  /** The sum of the candidate rating's nine answers. */
  candidateTotal: number;
}

import { gradeOf } from './ikm.ts';

const ikmOf = (s: RatingSums) => (25 * s.total) / (9 * s.n);

/**
 * Whether a rating that passed every other check is held back for its address's share: true when counting it would put
 * the address over its count cap, or make the unit's IKM with the address differ from the IKM without it by more than
 * SHARE_RULES.ikmShift or put it in another grade (both filled up with the previous period's ratings to SHARE_RULES.minFigure when smaller).
 */
export function ratingShareExceeded(i: RatingShareInput): boolean {
  if (i.address.n + 1 > addressCountCap(i.unit.n + 1, i.previous.n, i.sampleTarget)) return true;
  const filled = (s: RatingSums): RatingSums | null => {
    const k = i.previous.n > 0 ? Math.min(i.previous.n, Math.max(0, SHARE_RULES.minFigure - s.n)) : 0;
    return s.n + k > 0 ? { n: s.n + k, total: s.total + (k * i.previous.total) / Math.max(1, i.previous.n) } : null;
  };
  const others = filled({ n: i.unit.n - i.address.n, total: i.unit.total - i.address.total });
  // Fewer than minFigure others, now and in the previous period together: no figure to compare with (one honest rating
  // would seem to move it), so the count share alone applies; such a figure is flagged as too few on every page.
  if (!others || others.n < SHARE_RULES.minFigure) return false;
  const all = filled({ n: i.unit.n + 1, total: i.unit.total + i.candidateTotal })!;
  // Nor may one address be what puts the unit in another grade, however small the step that crosses the line.
  if (gradeOf(ikmOf(all)).mutu !== gradeOf(ikmOf(others)).mutu) return true;
  return Math.abs(ikmOf(all) - ikmOf(others)) > SHARE_RULES.ikmShift;
}

/** A counted completed permit report of the service in the period, for the median and the within-standard share. */
export interface PermitPoint {
  /** Elapsed time in the standard's measure (working days for most permits). */
  days: number;
  /** 1 within the standard, 0 late, null when the dates cannot say. */
  within: number | null;
  /** From the address under judgement. */
  fromAddress: boolean;
}

export interface PermitShareInput {
  /** The unit's counted permit reports in the period before this one, and how many of them came from the address. */
  unitN: number;
  addressN: number;
  previousN: number;
  /** The completed reports of the candidate's service in the period (every address), before this one. */
  service: PermitPoint[];
  /** The service's completed reports of the previous period, latest first (SHARE_RULES.minFigure of them at most). */
  previousService: { days: number; within: number | null }[];
  /** The candidate, when it is completed (a pending report moves no median: only the count share applies). */
  candidate: { days: number; within: number | null } | null;
}

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

function figures(points: { days: number; within: number | null }[]): { median: number; within: number | null } {
  const days = points.map((p) => p.days).sort((a, b) => a - b);
  const judged = points.filter((p) => p.within !== null);
  return { median: median(days), within: judged.length ? (100 * judged.filter((p) => p.within === 1).length) / judged.length : null };
}

/**
 * Whether a permit report that passed every other check is held back for its address's share: over the count cap, or
 * leaving the address out would move the service's period median by more than SHARE_RULES.medianShiftDays or its
 * within-standard share by more than SHARE_RULES.withinShiftPoints (both filled up with the previous period's latest
 * reports to SHARE_RULES.minFigure when smaller).
 */
export function permitShareExceeded(i: PermitShareInput): boolean {
  if (i.addressN + 1 > addressCountCap(i.unitN + 1, i.previousN, null)) return true;
  if (!i.candidate) return false;
  const filled = (points: { days: number; within: number | null }[]) =>
    [...points, ...i.previousService.slice(0, Math.max(0, SHARE_RULES.minFigure - points.length))];
  const others = filled(i.service.filter((p) => !p.fromAddress));
  if (others.length < SHARE_RULES.minFigure) return false;
  const withIt = figures(filled([...i.service, i.candidate]));
  const without = figures(others);
  if (Math.abs(withIt.median - without.median) > SHARE_RULES.medianShiftDays) return true;
  return withIt.within !== null && without.within !== null && Math.abs(withIt.within - without.within) > SHARE_RULES.withinShiftPoints;
}

/** The quarter ('2026-Q4') a local date falls in: the period an address key is made for. */
export function quarterOf(localDate: string): string {
  return `${localDate.slice(0, 4)}-Q${Math.floor((Number(localDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first and last local date of a quarter code, and the quarter before it. */
export function quarterBounds(code: string): { from: string; to: string; previous: string } {
  const year = Number(code.slice(0, 4));
  const q = Number(code.slice(6));
  const first = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: last, previous: q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}` };
}

/**
 * How long after its quarter ends a period's address salt and keys are kept: the quarter closes 3 days after its end
 * (core/domain/periods.ts) and evaluators then have six weeks to review what was held back for address share.
 */
export const ADDRESS_KEY_RETENTION_DAYS = 45;

/** Whether a quarter's address salt and keys are past retention on a date (UTC). */
export function addressKeysExpired(quarter: string, today: string): boolean {
  const end = Date.parse(`${quarterBounds(quarter).to}T00:00:00.000Z`);
  return Date.parse(`${today}T00:00:00.000Z`) > end + ADDRESS_KEY_RETENTION_DAYS * 86_400_000;
}
