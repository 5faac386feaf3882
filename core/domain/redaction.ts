// Masks personal data in free text before it is stored (UU 27/2022; DOMAIN.md §9): NIK (16 digits),
// Indonesian phone numbers (+62…, 62…, 08…, landlines with an area code) and email addresses, in the spellings people
// use to get past a filter: full-width characters, zero-width characters, runs of separators (`7571 - 0145`,
// `0812/3456/7890`, `0812_3456`), brackets around the operator code (`+62 (812) …`) and spelled-out email signs
// (`nama (at) gmail (dot) com`). Dates, times, amounts, years and short numbers stay as they are (decision 007, 019).
// The original text is never stored or logged.

export const MASKS = { nik: '[NIK disamarkan]', phone: '[nomor telepon disamarkan]', email: '[email disamarkan]' } as const;

// Characters that render as nothing and can split a number or an address without showing: zero-width space, joiners,
// word joiner, invisible operators, soft hyphen, byte-order mark.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** NFKC (full-width digits and `＠` become ASCII) without invisible characters: the text every rule below reads. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

// Between two digits of one number: a run of up to four spaces, dots, dashes (any dash), slashes, underscores and
// brackets around a short group (`7571 - 0145`, `+62 (812) 3456`, `0812/3456`). A comma or a letter ends a number;
// so does a bracket that does not close a group of up to four digits (`0812345678 (10 digit)`).
const DASHES = '\\-\\u2010-\\u2015\\u2212';
const SEP = `(?:[\\s.${DASHES}/_]|\\((?=\\d{1,4}\\))|(?<=\\(\\d{1,4})\\)){0,4}`;
// A number does not start right after a digit, or after a digit and a joining mark (`17/08`: the `08` is not a start).
const NOT_AFTER_DIGIT = `(?<!\\d|\\d[.${DASHES}/_])`;
// …and does not end where the next character is a digit or a joining mark and a digit.
const NOT_BEFORE_DIGIT = `(?!\\d|[.${DASHES}/_]\\d)`;

// Sixteen digits with separator runs between them.
const NIK = new RegExp(`${NOT_AFTER_DIGIT}\\d(?:${SEP}\\d){15}${NOT_BEFORE_DIGIT}`, 'g');
// +62 / (+62) / 62 / 0, then 8–14 more digits with separator runs; isPhoneLike decides.
const PHONE = new RegExp(
  `${NOT_AFTER_DIGIT}(?<!\\+)(?:\\+\\s{0,2}62|\\(\\s{0,2}\\+?\\s{0,2}62\\s{0,2}\\)|62|0)(?:${SEP}\\d){8,14}${NOT_BEFORE_DIGIT}`,
  'g',
);
// A landline with its area code in brackets or followed by spaces or a dash: (0435) 821234, 0711-512345, 0435 - 821234.
const LANDLINE = new RegExp(`${NOT_AFTER_DIGIT}\\(?0[1-9]\\d{1,2}\\)?(?:\\s{1,3}|\\s{0,3}[${DASHES}]\\s{0,3})\\d{5,8}${NOT_BEFORE_DIGIT}`, 'g');

// Emails. A plain address: local@domain.tld.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A disguised one: spaces around `@`, `(at)`, `[at]`, `{at}`, ` at `, `(dot)`, ` dot `, ` titik `. Only with a known
// top-level domain at the end, so that "datang at 8" or "Mantap @ Dukcapil Gorontalo" stay as written.
const OPEN = '[(\\[{<]';
const CLOSE = '[)\\]}>]';
const AT = `(?:\\s{0,3}@\\s{0,3}|\\s{0,3}${OPEN}\\s{0,2}(?:at|@)\\s{0,2}${CLOSE}\\s{0,3}|\\s{1,3}at\\s{1,3})`;
const DOT = `(?:\\s{0,3}\\.\\s{0,3}|\\s{0,3}${OPEN}\\s{0,2}(?:dot|titik|\\.)\\s{0,2}${CLOSE}\\s{0,3}|\\s{1,3}(?:dot|titik)\\s{1,3})`;
const LOCAL_DOT = `(?:\\.|${OPEN}\\s{0,2}(?:dot|titik)\\s{0,2}${CLOSE})`;
const TLD = '(?:com|net|org|id|info|biz|io|me|co|edu|gov|ac|sch|my|sg|uk|us|au|app|dev|xyz|online|site)';
const LABEL = '[a-z0-9][a-z0-9-]*';
const DISGUISED_EMAIL = new RegExp(
  `(?<![a-z0-9._%+-])[a-z0-9_%+-]+(?:${LOCAL_DOT}[a-z0-9_%+-]+)*${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}${TLD}(?![a-z0-9])`,
  'gi',
);

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

const inRange = (s: string, min: number, max: number) => Number(s) >= min && Number(s) <= max;
const isDay = (s: string) => s.length <= 2 && inRange(s, 1, 31);
const isMonth = (s: string) => s.length <= 2 && inRange(s, 1, 12);
const isYear = (s: string) => s.length === 4 && inRange(s, 1900, 2100);

/**
 * Whether groups of digits read as a list of dates (17 08 2026, 2026 03 17), times (08 00) and years (2026), as in
 * `17/08/2026 - 20/08/2026` or `08.00-12.00 13.00-16.00`. A NIK never reads so: its groups of four are never all
 * years (the third holds a month and a year: 0100–1299) and a longer group (6 or 16 digits) is none of these.
 */
function looksLikeDatesOrTimes(groups: string[]): boolean {
  const memo = new Map<number, boolean>();
  const from = (i: number): boolean => {
    if (i === groups.length) return true;
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    const [a = '', b = '', c = ''] = groups.slice(i, i + 3);
    const ok =
      (i + 3 <= groups.length && ((isDay(a) && isMonth(b) && isYear(c)) || (isYear(a) && isMonth(b) && isDay(c))) && from(i + 3)) ||
      (i + 2 <= groups.length && a.length <= 2 && inRange(a, 0, 24) && b.length === 2 && inRange(b, 0, 59) && from(i + 2)) ||
      (isYear(a) && from(i + 1));
    memo.set(i, ok);
    return ok;
  };
  return groups.length > 1 && from(0);
}

function groupsOf(match: string): string[] {
  return match.match(/\d+/g) ?? [];
}

function isNik(match: string): boolean {
  return digitsOf(match).length === 16 && !looksLikeDatesOrTimes(groupsOf(match));
}

function isPhoneLike(match: string): boolean {
  if (looksLikeDatesOrTimes(groupsOf(match))) return false;
  const digits = digitsOf(match);
  if (match.includes('+') || digits.startsWith('62')) {
    // 62, an optional trunk 0 in brackets, then a mobile or area code (not 0).
    const national = digits.slice(2).replace(/^0/, '');
    return /^[1-9]/.test(national) && digits.length >= 10 && digits.length <= 15;
  }
  // Domestic mobile form: 0 then 8, 10–13 digits (0812-3456-789 … 0812-3456-78901). Landlines: LANDLINE.
  return digits.startsWith('08') && digits.length >= 10 && digits.length <= 13;
}

/** The text, normalised (see normalizeText), with emails, NIKs and phone numbers replaced by visible labels. */
export function redactPersonalData(text: string): string {
  return normalizeText(text)
    .replace(EMAIL, MASKS.email)
    .replace(DISGUISED_EMAIL, MASKS.email)
    .replace(NIK, (m) => (isNik(m) ? MASKS.nik : m))
    .replace(PHONE, (m) => (isPhoneLike(m) ? MASKS.phone : m))
    .replace(LANDLINE, (m) => (looksLikeDatesOrTimes(groupsOf(m)) ? m : MASKS.phone));
}

/** True when the text still holds something the redactor masks (used by tests and by the seed's self-check). */
export function containsPersonalData(text: string): boolean {
  return redactPersonalData(text) !== normalizeText(text);
}
