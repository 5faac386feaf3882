// One mapping from the API's error codes and field messages to the words the staff and administrator screens show
// (issue 17 item 6): every form passes its own visible labels, and gets back a sentence per field and, for errors
// that belong to no field, one sentence for the summary. Never the API's English text or its internal keys.
import type { ApiResult } from './api';
import type { Lang } from '../../core/i18n/i18n';

export interface FormProblem {
  /** Field key → the sentence shown beside the field and in the summary. */
  fields: Record<string, string>;
  /** What went wrong with the whole form (offline, signed out, forbidden…), or ''. */
  general: string;
  /** True when the session has ended: the form shows a link to sign in again. */
  signedOut: boolean;
}

type Rule = [RegExp, { id: (label: string, m: RegExpExecArray) => string; en: (label: string, m: RegExpExecArray) => string }];

/** API field messages (core/domain/admin-input.ts and the routes), most specific first. */
const FIELD_RULES: Rule[] = [
  [/^is required$/, { id: (l) => `${l} wajib diisi.`, en: (l) => `${l} is required.` }],
  [/^must be at most (\d+) characters$/, { id: (l, m) => `${l} paling banyak ${m[1]} karakter.`, en: (l, m) => `${l} must be at most ${m[1]} characters.` }],
  [/^must use lowercase letters, digits and hyphens$/, {
    id: (l) => `${l} hanya boleh berisi huruf kecil, angka dan tanda hubung, misalnya dpmptsp-kota-gorontalo.`,
    en: (l) => `${l} may only hold lowercase letters, digits and hyphens, such as dpmptsp-kota-gorontalo.`,
  }],
  [/^must be a BPS-style region code/, { id: (l) => `${l} berupa angka kode wilayah BPS, misalnya 7571.`, en: (l) => `${l} is a BPS region code of digits, such as 7571.` }],
  [/^must be an email address$/, { id: (l) => `${l} harus berupa alamat email, misalnya nama@instansi.go.id.`, en: (l) => `${l} must be an email address, such as name@agency.go.id.` }],
  [/^must have at least (\d+) characters$/, { id: (l, m) => `${l} paling sedikit ${m[1]} karakter.`, en: (l, m) => `${l} needs at least ${m[1]} characters.` }],
  [/^must be a whole number from (\d+) to (\d+)$/, { id: (l, m) => `${l} berupa bilangan bulat ${m[1]} sampai ${m[2]}.`, en: (l, m) => `${l} must be a whole number from ${m[1]} to ${m[2]}.` }],
  [/^must be a date/, { id: (l) => `${l}: pilih tanggal yang benar.`, en: (l) => `${l}: choose a real date.` }],
  [/^must be a year/, { id: (l) => `${l} berupa tahun, misalnya 2026.`, en: (l) => `${l} must be a year, such as 2026.` }],
  [/^is already used$/, { id: (l) => `${l} sudah dipakai akun lain.`, en: (l) => `${l} is already used by another account.` }],
  [/^(is not a unit|No unit)/, { id: (l) => `${l}: pilih unit dari daftar.`, en: (l) => `${l}: choose a unit from the list.` }],
  [/^(is not a region|No region)/, { id: (l) => `${l}: pilih wilayah dari daftar.`, en: (l) => `${l}: choose a region from the list.` }],
  [/^a staff account needs its unit$/, { id: () => 'Akun petugas unit perlu unitnya: pilih unit.', en: () => 'A staff account needs its unit: choose one.' }],
  [/^only staff accounts belong to a unit$/, { id: () => 'Hanya akun petugas unit yang punya unit: kosongkan pilihan unit.', en: () => 'Only staff accounts belong to a unit: clear the unit.' }],
  [/^only evaluator accounts have a region$/, { id: () => 'Hanya akun evaluator yang punya wilayah: kosongkan pilihan wilayah.', en: () => 'Only evaluator accounts have a region: clear the region.' }],
  [/needs its completion time/, { id: () => 'Layanan perizinan perlu janji waktu: isi angkanya.', en: () => 'A permit service needs its completion time: enter the number.' }],
  [/^(must not be before from|The tenure cannot end before it began)/, { id: (l) => `${l} tidak boleh sebelum tanggal mulai.`, en: (l) => `${l} cannot be before the start date.` }],
  [/^must be an 18-digit NIP$/, { id: (l) => `${l} berupa 18 angka.`, en: (l) => `${l} is 18 digits.` }],
  [/^must be one of|^must be (staff|Asia)/, { id: (l) => `${l}: pilih dari daftar.`, en: (l) => `${l}: choose from the list.` }],
  [/^must be a number$/, { id: (l) => `${l} berupa angka.`, en: (l) => `${l} must be a number.` }],
  [/^must not be after today$/, { id: (l) => `${l} tidak boleh setelah hari ini.`, en: (l) => `${l} cannot be after today.` }],
  [/^must not be negative$/, { id: (l) => `${l} tidak boleh negatif.`, en: (l) => `${l} cannot be negative.` }],
  [/^is too (large|long)$/, { id: (l) => `${l} terlalu besar atau panjang.`, en: (l) => `${l} is too large or long.` }],
  [/^must be a phone number$/, { id: (l) => `${l} berupa nomor telepon, misalnya 0435 123456.`, en: (l) => `${l} must be a phone number, such as 0435 123456.` }],
  [/own parent/, { id: (l) => `${l} tidak boleh wilayah itu sendiri.`, en: (l) => `${l} cannot be the region itself.` }],
  [/make a cycle/, { id: (l) => `${l} akan membuat wilayah saling menjadi induk.`, en: (l) => `${l} would make regions each other's parent.` }],
  [/time zone of a region that has units/, { id: (l) => `${l} tidak dapat diubah karena wilayah ini sudah punya unit.`, en: (l) => `${l} cannot change: this region already has units.` }],
];

const GENERAL = {
  id: {
    field: (l: string) => `${l} belum benar.`,
    offline: 'Server tidak dapat dihubungi. Periksa sambungan internet, lalu coba lagi.',
    signedOut: 'Sesi Anda sudah berakhir, jadi isian ini belum tersimpan.',
    forbidden: 'Akun ini tidak berhak melakukan ini.',
    notFound: 'Yang hendak diubah tidak ditemukan; muat ulang halaman lalu pilih dari daftar.',
    throttled: 'Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.',
    server: 'Server sedang bermasalah; isian belum tersimpan. Coba lagi beberapa saat lagi.',
    other: 'Isian belum tersimpan. Periksa lalu coba lagi.',
    signInAgain: 'Masuk lagi',
  },
  en: {
    field: (l: string) => `${l} is not right yet.`,
    offline: 'The server could not be reached. Check the internet connection, then try again.',
    signedOut: 'Your session has ended, so this was not saved.',
    forbidden: 'This account may not do this.',
    notFound: 'What you meant to change was not found; reload the page and choose from the list.',
    throttled: 'Too many attempts. Wait a moment, then try again.',
    server: 'The server has a problem; nothing was saved. Try again in a little while.',
    other: 'Not saved. Check the form and try again.',
    signInAgain: 'Sign in again',
  },
};

export function generalStrings(lang: Lang) {
  return GENERAL[lang];
}

/** The sentence for one field message, with the field's visible label. */
export function fieldMessage(lang: Lang, label: string, message: string): string {
  for (const [re, words] of FIELD_RULES) {
    const m = re.exec(message);
    if (m) return words[lang](label, m);
  }
  return GENERAL[lang].field(label);
}

/**
 * Words for a failed request. `labels` maps the API's field keys (dotted paths such as `sla.value`) to the form's
 * visible labels; a field the form does not show is said in the general line with no key.
 */
export function explain(lang: Lang, result: Extract<ApiResult<unknown>, { ok: false }>, labels: Record<string, string>): FormProblem {
  const g = GENERAL[lang];
  const fields: Record<string, string> = {};
  let general = '';
  for (const [key, message] of Object.entries(result.error.fields ?? {})) {
    const label = labels[key] ?? labels[key.split('.')[0]!];
    if (label) fields[labels[key] ? key : key.split('.')[0]!] ??= fieldMessage(lang, label, message);
    else general ||= g.other;
  }
  const signedOut = result.status === 401;
  if (!Object.keys(fields).length && !general) {
    if (result.status === 0) general = g.offline;
    else if (signedOut) general = g.signedOut;
    else if (result.status === 403) general = g.forbidden;
    else if (result.status === 404) general = g.notFound;
    else if (result.status === 429) general = g.throttled;
    else if (result.status >= 500) general = g.server;
    else general = g.other;
  }
  return { fields, general, signedOut };
}

/** Fields left empty, checked before sending (the server checks again). */
export function missing(lang: Lang, values: Record<string, string>, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !v.trim()).map(([k]) => [k, fieldMessage(lang, labels[k] ?? k, 'is required')]));
}

/** Where the sign-in page should bring the user back to. */
export function signInHref(lang: Lang): string {
  return `${lang === 'en' ? '/en' : ''}/masuk?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** The aria-describedby of a control: its hint and its message, when shown. */
export function describedBy(id: string, error: string | undefined, hint: boolean): string | undefined {
  return [hint ? `${id}-petunjuk` : '', error ? `${id}-galat` : ''].filter(Boolean).join(' ') || undefined;
}
