// The one mail a resident gets when the unit replies to their comment (issue 27 item 4, docs/decisions/063): queued in
// the reply's own transaction, to the address left on the receipt, which is deleted in the same transaction. It links to
// the receipt and holds nothing else: no answers, no comment, no reply text, nothing about the resident.
import type { Transaction } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { composeMail, mailLink } from '../../core/domain/mail.ts';
import { REPLY_NOTICE_KIND } from '../../core/domain/reply-subscription.ts';
import { replyNoticeStrings } from '../../core/i18n/i18n-mail-replies.ts';
import { href, type Lang } from '../../core/i18n/lang.ts';
import { takeReplySubscription } from '../../db/queries/reply-subscriptions.ts';
import type { AppDeps } from '../deps.ts';
import { mailBase, queueMail } from './queue.ts';

/** Queues the reply notice for this rating if a resident waits for one; the address is gone once this commits. */
export async function queueReplyNotice(trx: Transaction<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl' | 'now'>, responseId: string): Promise<boolean> {
  const waiting = await takeReplySubscription(trx, responseId);
  if (!waiting) return false;
  const language: Lang = waiting.language === 'en' ? 'en' : 'id';
  const t = replyNoticeStrings(language);
  const mail = composeMail({
    language,
    subject: t.mailSubject,
    blocks: [
      { kind: 'heading', text: t.mailHeading },
      { kind: 'paragraph', text: t.mailBody },
      { kind: 'action', label: t.mailAction, url: mailLink(mailBase(deps), href(language, `/tanda-terima/${waiting.receipt}`)) },
    ],
    reason: t.mailReason,
  });
  await queueMail(trx, deps, { kind: REPLY_NOTICE_KIND, recipient: waiting.email, language }, mail);
  return true;
}
