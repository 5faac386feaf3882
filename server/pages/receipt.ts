// The receipt page (/tanda-terima/{receipt}): a rating's comment status and the unit's reply, nothing that identifies anyone.
import { fmtDate } from '../../core/i18n/format.ts';
import { href, type Lang } from '../../core/i18n/i18n.ts';
import { receiptStrings } from '../../core/i18n/i18n-receipt.ts';
import type { CommentStatus } from '../../core/domain/receipt.ts';
import { esc } from './html.ts';

export interface ReceiptView {
  receipt: string;
  localDate: string;
  unit: { slug: string; name: string };
  comment: CommentStatus;
  replies: { body: string; createdAt: string }[];
}

export function receiptFragment(lang: Lang, view: ReceiptView): string {
  const t = receiptStrings(lang);
  const c = view.comment;
  const reason = c.status === 'hidden' ? `<br />${esc(t.reasonLabel)}: <strong>${esc(t.reasons[c.reason])}</strong>` : '';
  const replies = view.replies.length
    ? view.replies.map((r) => `<blockquote class="sv-reply"><p>${esc(r.body)}</p><footer class="hint">${esc(fmtDate(lang, r.createdAt.slice(0, 10)))}</footer></blockquote>`).join('\n')
    : `<p>${esc(t.noReply)}</p>`;
  return `<h1>${esc(t.receiptTitle)}</h1>
<dl class="facts">
<dt>${esc(t.receiptLabel)}</dt><dd><strong data-testid="receipt">${esc(view.receipt)}</strong></dd>
<dt>${esc(t.unitLabel)}</dt><dd><a href="${esc(href(lang, `/unit/${view.unit.slug}`))}">${esc(view.unit.name)}</a></dd>
<dt>${esc(t.dateLabel)}</dt><dd>${esc(fmtDate(lang, view.localDate))}</dd>
<dt>${esc(t.commentLabel)}</dt><dd data-status="${c.status}">${esc(t.status[c.status])}${reason}</dd>
</dl>
${c.status === 'none' ? '' : `<section aria-labelledby="tanggapan-judul"><h2 id="tanggapan-judul">${esc(t.replyHeading)}</h2>\n${replies}</section>`}
<p class="hint">${esc(t.privacyNote)}</p>
<p><a href="${esc(href(lang, `/unit/${view.unit.slug}`))}">${esc(t.backToUnit)}</a></p>`;
}
