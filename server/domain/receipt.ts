// What a receipt says about a rating's comment (issue 17, /tanda-terima/{receipt}).
import type { ModerationReason } from './moderation.ts';

/** A rating receipt as printed: RPR-XXXX-XXXX (server/domain/ids.ts). */
export const RECEIPT_PATTERN = /^RPR-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export type CommentStatus =
  | { status: 'none' }
  | { status: 'published' }
  | { status: 'review' }
  | { status: 'withheld' }
  | { status: 'hidden'; reason: ModerationReason | 'other' }
  | { status: 'checking' };

/**
 * The comment's state as the resident may know it. A rating held back by the integrity checks is shown as "being
 * checked", never with the check's reason: the receipt must tell a bot nothing about the checks (docs/decisions/022).
 */
export function commentStatus(c: { present: boolean; hiddenReason: string | null; review: string | null; excluded: boolean }): CommentStatus {
  if (!c.present) return { status: 'none' };
  if (c.hiddenReason) {
    const known = ['spam', 'data_pribadi', 'kasar', 'di_luar_topik'].includes(c.hiddenReason);
    return { status: 'hidden', reason: known ? (c.hiddenReason as ModerationReason) : 'other' };
  }
  if (c.review === 'pending') return { status: 'review' };
  if (c.review === 'withheld') return { status: 'withheld' };
  if (c.excluded) return { status: 'checking' };
  return { status: 'published' };
}
