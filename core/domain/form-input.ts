// The plain HTML forms (no JavaScript) send their fields as application/x-www-form-urlencoded; these turn them into the
// JSON bodies the API's schemas take (core/domain/rating-input.ts, permit-input.ts), so one schema judges both.
import { ELEMENT_CODES } from './skm.ts';
import type { Lang } from '../i18n/i18n.ts';

/** Whole numbers become numbers; anything else stays text, for the schema to refuse with its own message. */
const numberOrText = (s: string) => (/^\s*\d{1,6}\s*$/.test(s) ? Number(s) : s);
const text = (form: URLSearchParams, name: string): string => form.get(name) ?? '';
const orNull = (s: string): string | null => (s.trim() === '' ? null : s);

/** The page language a form says it was in (a hidden field). */
export const formLang = (form: URLSearchParams): Lang => (form.get('lang') === 'en' ? 'en' : 'id');

/** The fields as sent, for the form shown again with its errors (the resident's values kept). */
export function formValues(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form) out[name] = value;
  return out;
}

export function ratingBodyFromForm(form: URLSearchParams): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const code of ELEMENT_CODES) {
    const value = text(form, code);
    if (value !== '') answers[code] = numberOrText(value);
  }
  const age = text(form, 'age').trim();
  return {
    idempotencyKey: text(form, 'idempotencyKey'),
    service: orNull(text(form, 'service')),
    answers,
    respondent: {
      gender: orNull(text(form, 'gender')),
      age: age === '' ? null : numberOrText(age),
      education: orNull(text(form, 'education')),
      occupation: orNull(text(form, 'occupation')),
    },
    comment: orNull(text(form, 'comment').trim()),
    visitCode: orNull(text(form, 'visitCode').trim()),
    channel: form.get('channel') || 'web',
    website: orNull(text(form, 'website')),
  };
}

/** A permit report: the "is it done?" radio (`selesai`: yes/no) decides whether a completion date is sent. */
export function permitBodyFromForm(form: URLSearchParams): Record<string, unknown> {
  return {
    idempotencyKey: text(form, 'idempotencyKey'),
    service: text(form, 'service'),
    submittedOn: text(form, 'submittedOn'),
    completedOn: text(form, 'selesai') === 'yes' ? text(form, 'completedOn') : null,
    website: orNull(text(form, 'website')),
  };
}
