// A resident hears back (issue 27 item 4, docs/decisions/063-reply-subscriptions.md): an address left on a receipt to
// be told, once, when the unit replies to the rating's comment. Pure rules: what may be subscribed, what it holds, how
// long it is kept.
import * as v from 'valibot';
import type { CommentStatus } from './receipt.ts';

/** The outbox kind of the one mail sent to a resident; such a row forgets its recipient once sent (db/queries/outbox.ts). */
export const REPLY_NOTICE_KIND = 'reply-notice';

/** DOMAIN.md §9: an address nobody used is deleted this long after it was left. */
export const REPLY_SUBSCRIPTION_KEPT_DAYS = 90;

/**
 * Subscriptions one client (a hashed address) may post in an hour, valid or not: generous to an office behind one
 * address, and far too few to guess receipts (36^8 each) or to matter as mail (one mail per rating, on its reply).
 */
export const SUBSCRIBE_LIMIT = { limit: 30, windowMs: 60 * 60_000 };

/** Only a comment that can still get a public reply is worth an address: received, or waiting for review. */
export function canHearBack(status: CommentStatus): boolean {
  return status.status === 'received' || status.status === 'review';
}

export const subscribeSchema = v.object({
  email: v.pipe(v.string('must be an email address'), v.trim(), v.toLowerCase(), v.maxLength(254, 'is too long'), v.email('must be an email address')),
  lang: v.optional(v.picklist(['id', 'en'], 'must be id or en'), 'id'),
});
export type SubscribeInput = v.InferOutput<typeof subscribeSchema>;
