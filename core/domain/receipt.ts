// What a receipt says about a rating's comment (issue 17, /tanda-terima/{receipt}).
import type { ModerationReason } from './moderation.ts';

/** A rating receipt as printed: RPR-XXXX-XXXX (core/domain/ids.ts). */
export const RECEIPT_PATTERN = /^RPR-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export type CommentStatus =
  | { status: 'none' }
  | { status: 'received' }
  | { status: 'review' }
  | { status: 'withheld' }
  | { status: 'hidden'; reason: ModerationReason | 'other' };

/**
 * The comment's state as the resident may know it. Whether the integrity checks held the rating back is not part of
 * it: a counted rating and a held-back one read alike ("received"), so the receipt tells a bot nothing about the
 * checks (docs/decisions/022, 043). Review and moderation follow the comment's text, not the checks.
 */
export function commentStatus(c: { present: boolean; hiddenReason: string | null; review: string | null }): CommentStatus {
  if (!c.present) return { status: 'none' };
  if (c.hiddenReason) {
    const known = ['spam', 'data_pribadi', 'kasar', 'di_luar_topik'].includes(c.hiddenReason);
    return { status: 'hidden', reason: known ? (c.hiddenReason as ModerationReason) : 'other' };
  }
  if (c.review === 'pending') return { status: 'review' };
  if (c.review === 'withheld') return { status: 'withheld' };
  return { status: 'received' };
}
