// A resident hears back (issue 27 item 4, docs/decisions/063-reply-subscriptions.md): POST /receipts/{receipt}/subscribe
// leaves an address to be told once when the unit replies. JSON from scripts, or the receipt page's plain HTML form
// (answered with 303 to the receipt, or the receipt page again with its message, decision 057).
import { Hono, type Context } from 'hono';
import { RECEIPT_PATTERN, commentStatus } from '../../core/domain/receipt.ts';
import { canHearBack, SUBSCRIBE_LIMIT, subscribeSchema, type SubscribeInput } from '../../core/domain/reply-subscription.ts';
import { formLang } from '../../core/domain/form-input.ts';
import { href, type Lang } from '../../core/i18n/lang.ts';
import { replyNoticeStrings } from '../../core/i18n/i18n-mail-replies.ts';
import { saveReplySubscription, subscriptionTarget } from '../../db/queries/reply-subscriptions.ts';
import { clientAddress } from '../auth/client.ts';
import { clientHasher } from '../auth/client-hash.ts';
import { renderFormAnswer, renderNotFound } from '../astro-pages.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJsonBody, readTextBody, SUBMISSION_LIMIT_BYTES } from '../middleware/json-body.ts';
import { enforceLimits } from '../middleware/throttle.ts';
import { parseWith } from '../validate.ts';
import { isFormPost } from './html-forms.ts';

export function receiptRoutes(deps: AppDeps) {
  const { db, now, trustProxy } = deps;
  const hashClient = clientHasher(db);

  /** The one way an address is left: throttled per client first (so receipts cannot be guessed), then checked and stored. */
  async function subscribe(c: Context, receiptParam: string, input: () => SubscribeInput): Promise<string> {
    const at = now();
    const client = await hashClient(clientAddress(c, trustProxy), at);
    await enforceLimits(c, db, [{ bucket: `receipt-subscribe:${client}`, ...SUBSCRIBE_LIMIT }], at, 'too_many_requests', 'Too many requests from this connection; please try again later.');
    const receipt = receiptParam.toUpperCase();
    const target = RECEIPT_PATTERN.test(receipt) ? await subscriptionTarget(db, receipt) : undefined;
    if (!target) throw notFound('Receipt', 'receipt_not_found');
    const { email, lang } = input();
    const status = commentStatus({ present: target.comment !== null, hiddenReason: target.hiddenReason, review: target.review });
    if (!canHearBack(status)) throw new ApiError(409, 'reply_not_possible', 'This rating has no comment that can get a reply.');
    await saveReplySubscription(db, target.id, email, lang, at);
    return receipt;
  }

  return new Hono<AppEnv>().post('/:receipt/subscribe', async (c) => {
    if (!isFormPost(c)) {
      const body = await readJsonBody(c);
      const receipt = await subscribe(c, c.req.param('receipt'), () => parseWith(subscribeSchema, body));
      return c.json({ receipt, subscribed: true }, 201);
    }
    // The receipt page's form without JavaScript: the page's language comes with it.
    const form = new URLSearchParams(await readTextBody(c, ['application/x-www-form-urlencoded'], SUBMISSION_LIMIT_BYTES));
    const lang: Lang = formLang(form);
    const values = { email: form.get('email') ?? '' };
    try {
      const receipt = await subscribe(c, c.req.param('receipt'), () => parseWith(subscribeSchema, { email: values.email, lang }));
      return c.redirect(href(lang, `/tanda-terima/${receipt}`), 303);
    } catch (error) {
      if (!(error instanceof ApiError) || !deps.distDir) throw error;
      if (error.status === 404) {
        const page = await renderNotFound(deps, c);
        if (page) return page;
        throw error;
      }
      const t = replyNoticeStrings(lang);
      const receipt = c.req.param('receipt').toUpperCase();
      const message = error.status === 400 ? undefined : error.status === 429 ? t.errThrottled : error.status === 409 ? t.errNotPossible : t.errServer;
      return renderFormAnswer(deps, c, href(lang, `/tanda-terima/${receipt}`), {
        status: error.status, values, idempotencyKey: '', errors: error.status === 400 ? { email: t.errEmail } : {}, formError: message,
      });
    }
  });
}
