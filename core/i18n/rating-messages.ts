// The resident's words for a rating field the form's check or the server refused: one rule for the island and for the
// server's answer to a plain form post (ratingFieldMessage in i18n-rating.ts).
import type { RatingStrings } from './i18n-rating.id';

/** The message shown beside `field` (the API's dot path), given the server's error code when it gave one. */
export function messageFor(t: RatingStrings, field: string, serverCode?: string): string {
  if (field.startsWith('answers.')) return t.errAnswer;
  if (field === 'service') return t.errService;
  if (field === 'respondent.age') return t.errAge;
  if (field === 'comment') return t.errComment;
  if (field === 'visitCode') {
    if (serverCode === 'visit_code_spent') return t.errVisitCodeSpent;
    if (serverCode === 'visit_code_unknown') return t.errVisitCode;
    return t.errVisitCodeFormat;
  }
  return t.errGeneric;
}
