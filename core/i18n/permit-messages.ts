// The resident's words for a permit report field the form's check or the server refused: one rule for the island and
// for the server's answer to the no-JavaScript form (server/routes/html-forms.ts). Given the strings of one language,
// so the island ships its page's language only (issue 19).
import type { PermitOwnStrings } from './i18n-permits.id';

type Messages = Pick<PermitOwnStrings, 'errPermit' | 'errDone' | 'errFuture' | 'errBefore' | 'errOld' | 'errDate'>;

/** The message shown beside `field`, given the check's or the API's text for it (parsePermitInput's words). */
export function permitFieldMessage(t: Messages, field: string, text: string): string {
  if (field === 'service') return t.errPermit;
  if (field === 'done') return t.errDone;
  if (text.includes('future')) return t.errFuture;
  if (text.includes('before')) return t.errBefore;
  if (text.includes('years')) return t.errOld;
  return t.errDate;
}
