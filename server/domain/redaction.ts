// Masks personal data in free text before it is stored (UU 27/2022; DOMAIN.md §9): NIK (16 digits),
// Indonesian phone numbers (+62…, 62…, 08…) and email addresses. Dates, times, amounts, years and short
// numbers stay as they are. The original text is never stored or logged.

export const MASKS = { nik: '[NIK disamarkan]', phone: '[nomor telepon disamarkan]', email: '[email disamarkan]' } as const;

const SEP = String.raw`[\s.\-]?`;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Sixteen digits, optionally grouped by single spaces, dots or dashes, not touching further digits.
const NIK = new RegExp(String.raw`(?<![\d])(?:\d${SEP}){15}\d(?![\d])`, 'g');
// +62 / 62 / 0, then a mobile (8…) or area code, 9–13 digits in all after the prefix, with single separators.
const PHONE = new RegExp(
  String.raw`(?<![\d+])(?:\+62${SEP}\(?0?\)?|\(?62\)?${SEP}|0)${SEP}\(?[1-9]\)?(?:${SEP}\d){7,12}(?![\d])`,
  'g',
);

// A landline with its area code in brackets or followed by a dash or space: (0435) 821234, 0711-512345.
const LANDLINE = /(?<![\d])\(?0[1-9]\d{1,2}\)?[\s-]\d{5,8}(?![\d])/g;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

function isPhoneLike(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (match.trimStart().startsWith('+') || digits.startsWith('62')) return digits.length >= 10 && digits.length <= 15;
  // Domestic mobile form: 0 then 8, 10–13 digits (0812-3456-789 … 0812-3456-78901). Landlines: LANDLINE.
  return digits.startsWith('08') && digits.length >= 10 && digits.length <= 13;
}

export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, MASKS.email)
    .replace(NIK, (m) => (digitCount(m) === 16 ? MASKS.nik : m))
    .replace(PHONE, (m) => (isPhoneLike(m) ? MASKS.phone : m))
    .replace(LANDLINE, MASKS.phone);
}

/** True when the text still holds something the redactor masks (used by tests and by the seed's self-check). */
export function containsPersonalData(text: string): boolean {
  return redactPersonalData(text) !== text;
}
