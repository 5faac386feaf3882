// The rating and permit forms posted as plain HTML forms, by residents without JavaScript (docs/decisions/030). They
// post to the JSON routes' own URLs (so the form ticket and browser cookies, path-scoped there, travel with them, and the
// same-origin check and throttles apply), are judged by the same schemas and stored by the same store function; the
// answer is 303 to the receipt, or the form page again with the errors beside the fields and a summary.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RatingAck } from '../../db/queries/ratings.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { href } from '../../core/i18n/i18n.ts';
import { permitStrings } from '../../core/i18n/i18n-permits.ts';
import { permitFieldMessage } from '../../core/i18n/permit-messages.ts';
import { ratingFieldMessage, ratingStrings } from '../../core/i18n/i18n-rating.ts';
import { renderFormAnswer } from '../astro-pages.ts';
import type { AppDeps } from '../deps.ts';
import { formLang, formValues, permitBodyFromForm, ratingBodyFromForm } from '../../core/domain/form-input.ts';
import { uuidV4 } from '../../core/domain/ids.ts';
import { parsePermitInput, type PermitInput } from '../../core/domain/permit-input.ts';
import { CHANNELS, parseRatingInput, type RatingInput } from '../../core/domain/rating-input.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { readTextBody, SUBMISSION_LIMIT_BYTES } from '../middleware/json-body.ts';

const FORM_TYPE = 'application/x-www-form-urlencoded';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a request is a plain HTML form post (the JSON routes take everything else as before). */
export function isFormPost(c: Context): boolean {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === FORM_TYPE;
}

async function readForm(c: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await readTextBody(c, [FORM_TYPE], SUBMISSION_LIMIT_BYTES));
}

type Store<I, R> = (c: Context, unit: UnitDetail, input: I) => Promise<R>;

export async function ratingFormPost(c: Context, unit: UnitDetail, store: Store<RatingInput, { ack: RatingAck }>, deps: AppDeps): Promise<Response> {
  const form = await readForm(c);
  const lang = formLang(form);
  const t = ratingStrings(lang);
  const values = formValues(form);
  const state = {
    idempotencyKey: UUID.test(values.idempotencyKey ?? '') ? values.idempotencyKey! : uuidV4(),
    channel: (CHANNELS as readonly string[]).includes(values.channel ?? '') ? values.channel! : 'web',
    values,
  };
  // The rating page itself (site/pages/[...lang]/nilai/[slug].astro), with the values and messages (decision 057).
  // An app without a site (the API alone, as in API tests) answers as the JSON route does.
  const show = (error: ApiError, errors: Record<string, string>, formError?: string) => {
    if (!deps.distDir) throw error;
    return renderFormAnswer(deps, c, href(lang, `/nilai/${unit.slug}`), { status: error.status, errors, formError, ...state });
  };

  const parsed = parseRatingInput({ ...ratingBodyFromForm(form), idempotencyKey: state.idempotencyKey, channel: state.channel });
  const fields: Record<string, string> = parsed.ok ? {} : { ...parsed.fields };
  // As on the island: a unit with several services asks which one.
  if (unit.services.length > 1 && !values.service) fields.service = 'is required';
  if (!parsed.ok || Object.keys(fields).length) {
    return show(validationFailed(fields), Object.fromEntries(Object.keys(fields).map((f) => [f, ratingFieldMessage(lang, f)])));
  }
  try {
    const { ack } = await store(c, unit, parsed.value);
    return c.redirect(href(lang, `/tanda-terima/${ack.receipt}`), 303);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.fields) return show(error, Object.fromEntries(Object.keys(error.fields).map((f) => [f, ratingFieldMessage(lang, f, error.code)])));
    return show(error, {}, error.status === 429 ? t.errThrottled : t.errServer);
  }
}

export async function permitFormPost(c: Context, unit: UnitDetail, store: Store<PermitInput, { report: { id: string } }>, deps: AppDeps): Promise<Response> {
  const form = await readForm(c);
  const lang = formLang(form);
  const t = permitStrings(lang);
  const values = formValues(form);
  const today = todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', deps.now());
  const idempotencyKey = UUID.test(values.idempotencyKey ?? '') ? values.idempotencyKey! : uuidV4();
  // The form's own page (site/pages/[...lang]/izin/[slug].astro) again, with the values and the words for each problem.
  // An API served without the site has no page to answer with: it answers as the JSON route does.
  const show = (status: ContentfulStatusCode, fields: Record<string, string>, formError?: string, error?: ApiError) => {
    if (!deps.distDir) throw error ?? validationFailed(fields);
    return renderFormAnswer(deps, c, href(lang, `/izin/${unit.slug}`), {
      status, values, idempotencyKey, formError,
      errors: Object.fromEntries(Object.entries(fields).map(([f, m]) => [f, permitFieldMessage(t, f, m)])),
    });
  };

  const parsed = parsePermitInput({ ...permitBodyFromForm(form), idempotencyKey }, today);
  const fields: Record<string, string> = parsed.ok ? {} : { ...parsed.fields };
  // As on the island: a permit must be chosen, and whether it is done.
  if (!values.service) fields.service = 'is required';
  if (values.selesai !== 'yes' && values.selesai !== 'no') {
    fields.done = 'is required';
    delete fields.completedOn;
  }
  if (!parsed.ok || Object.keys(fields).length) {
    return show(400, fields);
  }
  try {
    const { report } = await store(c, unit, parsed.value);
    return c.redirect(`${href(lang, `/izin/${unit.slug}`)}?laporan=${report.id}`, 303);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.fields) return show(error.status, error.fields, undefined, error);
    return show(error.status, {}, error.status === 429 ? t.errThrottled : t.errServer, error);
  }
}
