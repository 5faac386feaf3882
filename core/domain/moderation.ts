// Who may change a score by moderation, and when (docs/decisions/012-moderation.md, 021-closed-periods.md).
// Pure rules: the queries in db/queries/moderation.ts ask these before they touch a rating.
import { isClosedOn } from './periods.ts';

/** Reasons staff give when they hide a comment (DOMAIN.md §7); only `spam` also takes the rating out of the score. */
export const MODERATION_REASONS = ['spam', 'data_pribadi', 'kasar', 'di_luar_topik'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/**
 * Exclusion reasons that a unit's staff set themselves, and so may lift themselves. Every other reason — the integrity
 * checks' (core/domain/integrity.ts) and any added later — is an integrity exclusion: only an evaluator of the unit's
 * region or an administrator lifts it, with a written reason.
 */
export const STAFF_EXCLUSION_REASONS: readonly string[] = ['spam'];

export function isStaffExclusion(reason: string | null): boolean {
  return reason !== null && STAFF_EXCLUSION_REASONS.includes(reason);
}

/** The state of a rating that moderation looks at. */
export interface ModeratedRating {
  localDate: string;
  exclusionReason: string | null;
  hasComment: boolean;
}

/**
 * What a staff action does: take effect now (`changesScore` says whether the IKM moves), wait for an evaluator
 * (`pending`: it would change the score of a closed quarter), be refused (`integrity_exclusion`: staff may not lift
 * what they did not set), or need a written reason first (`note_required`: excluding a rating that has no comment).
 */
export type StaffPlan =
  | { kind: 'apply'; changesScore: boolean }
  | { kind: 'pending' }
  | { kind: 'refused'; error: 'integrity_exclusion' | 'note_required' };

/** `today` is the unit's local date (core/domain/time-zones.ts todayIn). */
export function planHide(r: ModeratedRating, reason: ModerationReason, note: string, today: string): StaffPlan {
  // Hiding a comment's text alone never moves a score: staff may do it any time.
  if (reason !== 'spam') return { kind: 'apply', changesScore: false };
  // With no comment to show for it, "spam" is a judgement about the rating itself: it must be explained.
  if (!r.hasComment && !note.trim()) return { kind: 'refused', error: 'note_required' };
  if (r.exclusionReason !== null) return { kind: 'apply', changesScore: false };
  return isClosedOn(r.localDate, today) ? { kind: 'pending' } : { kind: 'apply', changesScore: true };
}

export function planRestore(r: ModeratedRating, today: string): StaffPlan {
  if (r.exclusionReason === null) return { kind: 'apply', changesScore: false };
  if (!isStaffExclusion(r.exclusionReason)) return { kind: 'refused', error: 'integrity_exclusion' };
  return isClosedOn(r.localDate, today) ? { kind: 'pending' } : { kind: 'apply', changesScore: true };
}

/** One group of ledger rows: a unit, an action, its decision (null: waiting) and the exclusion reason, with a count. */
export interface LedgerGroup {
  unitSlug: string;
  unitName: string;
  action: 'exclude' | 'restore';
  decision: 'applied' | 'approved' | 'rejected' | null;
  reason: string;
  n: number;
}

/** Per unit, what moderation did to its scores: for the evaluators' exclusion report. */
export interface LedgerTally {
  unitSlug: string;
  unitName: string;
  /** Staff requests waiting for an evaluator. */
  pending: number;
  /** Ratings staff took out of the score (at once in an open quarter, or approved). */
  excludedByStaff: number;
  /** Staff exclusions put back into the score. */
  restoredByStaff: number;
  /** Integrity exclusions lifted by an evaluator or an administrator. */
  lifted: number;
  /** Staff requests an evaluator rejected. */
  rejected: number;
}

export function tallyLedger(groups: LedgerGroup[]): LedgerTally[] {
  const byUnit = new Map<string, LedgerTally>();
  for (const g of groups) {
    const t = byUnit.get(g.unitSlug) ?? { unitSlug: g.unitSlug, unitName: g.unitName, pending: 0, excludedByStaff: 0, restoredByStaff: 0, lifted: 0, rejected: 0 };
    byUnit.set(g.unitSlug, t);
    if (g.decision === null) t.pending += g.n;
    else if (g.decision === 'rejected') t.rejected += g.n;
    else if (g.action === 'exclude') t.excludedByStaff += g.n;
    else if (isStaffExclusion(g.reason)) t.restoredByStaff += g.n;
    else t.lifted += g.n;
  }
  return [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName));
}
