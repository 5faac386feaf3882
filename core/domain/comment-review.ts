// Which comments wait for review before their text is published (issue 15 finding 14, decisions 019 and 047). The rating form
// promises that names are masked; a name cannot be masked reliably, so a comment that names a person (an honorific
// or "bernama" followed by a name, a common given name alone, an NIP) or alleges misconduct (pungli, suap, minta uang, calo, amplop …) still
// counts in the score at once, but its text waits for an evaluator of the unit's region or an administrator: a unit
// never decides alone about a comment that names its own staff. The rules err towards review.
import * as v from 'valibot';
import { normalizeText } from './redaction.ts';

export const COMMENT_REVIEW_REASONS = ['names_person', 'alleges_misconduct'] as const;
export type CommentReviewReason = (typeof COMMENT_REVIEW_REASONS)[number];

/** The review state of a comment: null when it never needed one (published with the rating). */
export const COMMENT_REVIEW_STATES = ['pending', 'published', 'withheld'] as const;
export type CommentReviewState = (typeof COMMENT_REVIEW_STATES)[number];

export const REVIEW_DECISIONS = ['publish', 'withhold'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Whether a comment's text may be shown outside the review: never while pending or once withheld. */
export function isCommentPublic(state: string | null): boolean {
  return state === null || state === 'published';
}

// Words that put a person's name after them. Lower case; matched whole, with an optional dot (Sdr., Bpk., H.).
const HONORIFICS = [
  'pak', 'bapak', 'bpk', 'bp', 'bu', 'ibu', 'ibuk', 'buk', 'mas', 'mbak', 'mba', 'bang', 'abang', 'kak', 'kakak', 'dik', 'adik',
  'om', 'tante', 'sdr', 'sdri', 'saudara', 'saudari', 'tuan', 'nyonya', 'ny', 'nona', 'teh', 'teteh', 'kang', 'akang', 'uda',
  'uni', 'bli', 'daeng', 'cak', 'ning', 'koh', 'cik', 'encik', 'ustad', 'ustadz', 'ustaz', 'hj', 'haji', 'oknum',
];
// Phrases that introduce a name: "petugas bernama X", "namanya X", "atas nama X".
const NAME_INTRODUCERS = ['bernama', 'namanya', 'nama nya', 'nama beliau', 'nama petugasnya', 'atas nama', 'a.n.', 'a/n'];

// Words that follow an honorific without being a name: honorifics themselves, roles (a role names an office, not a
// person's name), and common words ("ibu hamil", "bapak ibu petugas", "pak, tolong", "Ibu Kota"). Lower case.
const NOT_A_NAME = new Set([
  ...HONORIFICS,
  // roles and offices
  'petugas', 'pegawai', 'staf', 'staff', 'karyawan', 'pejabat', 'pimpinan', 'kepala', 'kades', 'lurah', 'camat', 'bupati', 'walikota',
  'wali', 'gubernur', 'menteri', 'presiden', 'sekdes', 'sekcam', 'sekda', 'kasi', 'kasubag', 'kabid', 'kadis', 'kapolsek', 'kapolres',
  'danramil', 'babinsa', 'rt', 'rw', 'dusun', 'kadus', 'ketua', 'sekretaris', 'bendahara', 'direktur', 'manager', 'manajer', 'admin',
  'operator', 'kasir', 'loket', 'cs', 'teller', 'satpam', 'security', 'sopir', 'supir', 'ojol', 'ojek', 'tukang', 'guru', 'dosen',
  'dokter', 'bidan', 'perawat', 'suster', 'polisi', 'tentara', 'kurir', 'pengantar', 'penjaga', 'tamu', 'pemohon', 'warga',
  // people in general
  'hamil', 'tua', 'muda', 'lansia', 'sepuh', 'menyusui', 'disabilitas', 'anak', 'bayi', 'rumah', 'tangga', 'kota', 'pertiwi', 'negara',
  'kawin', 'yth', 'terhormat', 'sekalian', 'semuanya', 'semua', 'sendiri', 'saya', 'kami', 'kita', 'anda', 'dia', 'beliau', 'mereka',
  'siapa', 'itu', 'ini', 'tersebut', 'tsb', 'lain', 'lainnya', 'nya', 'nik', 'kk', 'ktp', 'akta', 'surat', 'berkas',
  // function words and common replies
  'yang', 'yg', 'dan', 'di', 'ke', 'dari', 'dr', 'tadi', 'sudah', 'sdh', 'udah', 'belum', 'blm', 'sangat', 'sekali', 'juga', 'saja',
  'aja', 'tidak', 'tak', 'nggak', 'gak', 'ga', 'bisa', 'akan', 'sedang', 'lagi', 'masih', 'pun', 'dengan', 'dgn', 'untuk', 'utk',
  'buat', 'kalau', 'kalo', 'jika', 'karena', 'krn', 'tapi', 'tetapi', 'namun', 'atau', 'sama', 'para', 'agar', 'supaya', 'mohon',
  'tolong', 'terima', 'kasih', 'makasih', 'trims', 'selamat', 'pagi', 'siang', 'sore', 'malam', 'baik', 'ramah', 'sopan', 'cepat',
  'lambat', 'lama', 'bagus', 'jelek', 'kurang', 'lebih', 'sabar', 'galak', 'judes', 'jutek', 'kasar', 'hebat', 'mantap', 'mantab',
  'keren', 'top', 'oke', 'ok', 'kok', 'sih', 'deh', 'dong', 'ya', 'yah', 'lho', 'loh', 'kan', 'pas', 'waktu', 'saat', 'ketika',
  'kemarin', 'besok', 'hari', 'jam', 'minta', 'bilang', 'katanya', 'kata', 'bicara', 'menjawab', 'jawab', 'melayani', 'membantu',
  'bantu', 'mau', 'ingin', 'harus', 'perlu', 'boleh', 'jangan', 'sering', 'selalu', 'kadang', 'ada', 'tidak', 'semoga', 'sukses',
  'sehat', 'the', 'and',
]);

// Common Indonesian given names (lower case) that are not also everyday words: a comment that names one ("Budi ramah")
// names a person without any honorific, so it waits for review too (issue 25 item 9, decision 047). Names that are
// everyday words ("Bagus", "Indah", "Ayu", "Putri", "Hari", "Fitri" as in Idul Fitri, "Teguh", "Suci") are left out: a
// list cannot tell them from praise. The list errs towards review ("budi pekerti" waits too); it is not a promise to
// find every name, and the form still asks residents to write none.
const GIVEN_NAMES = new Set([
  'budi', 'agus', 'joko', 'andi', 'rudi', 'dedi', 'deddy', 'dedy', 'hendra', 'hendri', 'hendro', 'wahyu', 'wahyudi', 'eko', 'dwi', 'sri',
  'siti', 'dewi', 'rina', 'rini', 'yanti', 'yuni', 'wati', 'lina', 'nia', 'sari', 'ahmad', 'achmad', 'muhammad', 'muhamad', 'mohammad',
  'mohamad', 'abdul', 'arif', 'rizky', 'rizki', 'dian', 'desi', 'desy', 'dina', 'hidayat', 'hasan', 'husein', 'ismail', 'ibrahim',
  'yusuf', 'irfan', 'iwan', 'wawan', 'yudi', 'yanto', 'heri', 'herry', 'bambang', 'sutrisno', 'suparman', 'sugeng', 'supriyadi',
  'suryadi', 'sulastri', 'sumarni', 'suharti', 'rohman', 'nurul', 'lukman', 'rahman', 'reza', 'rendi', 'randi', 'fauzi', 'fadli',
  'firman', 'gilang', 'hafiz', 'ilham', 'jefri', 'yohanes', 'stefanus', 'petrus', 'paulus', 'susanti', 'susi', 'tuti', 'tini', 'ratna',
  'retno', 'endang', 'erna', 'evi', 'fitriani', 'hartono', 'haryanto', 'herman', 'indra', 'irma', 'irwan', 'jamal', 'jufri',
  'kurniawan', 'ketut', 'nyoman', 'wayan', 'ratih', 'rika', 'riska', 'santi', 'sinta', 'sulis', 'taufik', 'tono', 'udin', 'ujang',
  'umar', 'usman', 'yani', 'yuli', 'zainal', 'zulkifli', 'andre', 'anton', 'asep', 'aldi', 'alfian', 'amir', 'anwar', 'beni', 'benny',
  'candra', 'dodi', 'doni', 'edi', 'eddy', 'erik', 'fahmi', 'faisal', 'ferry', 'galih', 'gunawan', 'hadi', 'hamzah', 'ikhsan', 'ivan',
  'jono', 'komang', 'mulyadi', 'nanang', 'novi', 'prasetyo', 'rahmad', 'ramli', 'roni', 'ronny', 'rusdi', 'saiful', 'samsul', 'sandi',
  'sigit', 'soni', 'supri', 'syahrul', 'tatang', 'tedi', 'toni', 'wahid', 'widodo', 'aisyah', 'fatimah', 'halimah', 'khadijah',
  'nabila', 'nadia', 'nina', 'nita', 'novita', 'rahma', 'rosita', 'safitri', 'siska', 'tania', 'vera', 'vina', 'winda', 'yulia',
  'yuliana', 'zahra', 'aminah', 'rani', 'dita', 'devi', 'diah', 'dyah', 'elis', 'ernawati', 'hesti', 'ika', 'kiki', 'lusi', 'mira',
  'neni', 'yusran', 'yunus', 'rusli', 'hamid', 'salim', 'arman', 'darmawan', 'setiawan', 'hidayah', 'rosmini', 'nurdin', 'rahim',
]);
const NAME_WORD = /[\p{L}][\p{L}'’-]*/gu;

// Misconduct (DOMAIN.md §10: pungli, bribes, abuse belong in SP4N-LAPOR!). Matched on a lower-case form in which
// marks inside a word are dropped ("pung-li", "s.u.a.p") and spaced-out letters are joined ("p u n g l i").
const MISCONDUCT = new RegExp(
  [
    'pungli\\w*', 'pungutan\\s+liar', '(?:di|me|men|ter)?suap\\w*', '(?:di|me|ny)?sogok\\w*', 'nyogok\\w*',
    '(?:minta|meminta|dimintai|diminta|mintai|mintain|dimintain|disuruh\\s+bayar|nagih|menagih|ditagih)\\s+(?:\\w+\\s+)?(?:uang|duit|biaya|bayaran|imbalan|ongkos|dana|sumbangan|jatah|rp\\.?\\s*\\d|\\d)',
    'uang\\s+(?:pelicin|rokok|kopi|bensin|damai|terima\\s*kasih|lelah|jasa|tambahan|administrasi\\s+tambahan)', 'pelicin',
    'calo', 'calo-calo', 'percaloan', 'amplop', 'salam\\s+tempel', 'pemerasan', '(?:di|me)?meras', 'diperas', 'gratifikasi',
    'korupsi', 'kkn', 'biaya\\s+(?:siluman|tidak\\s+resmi|liar)', 'tanpa\\s+(?:kwitansi|kuitansi)', 'imbalan', 'upeti', 'setoran\\s+ke',
    'pelecehan', 'dilecehkan', 'melecehkan', 'cabul', 'dipukul', 'memukul', 'kekerasan', 'diancam', 'mengancam', 'intimidasi',
  ].map((p) => `(?<![\\p{L}])${p}(?![\\p{L}])`).join('|'),
  'iu',
);

const WORD = '[\\p{L}][\\p{L}\'’-]*';
const HONORIFIC_THEN_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${HONORIFICS.join('|')})\\.?\\s+(${WORD}|\\p{Lu}\\.?(?![\\p{L}]))`, 'giu');
const INTRODUCER_THEN_WORD = new RegExp(
  `(?<![\\p{L}])(?:${NAME_INTRODUCERS.map((p) => p.replace(/[./]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})\\s*:?\\s+(${WORD})`,
  'giu',
);
// An NIP (ASN employee number, 18 digits) names one officer.
const NIP = /(?<![\p{L}])nip\.?\s*:?\s*\d[\d\s.]{16,24}/iu;

function namesPerson(text: string): boolean {
  for (const re of [HONORIFIC_THEN_WORD, INTRODUCER_THEN_WORD]) {
    for (const m of text.matchAll(re)) {
      const word = m[1]!.toLowerCase().replace(/[.'’-]+$/, '');
      // "itu namanya pemerasan": a word of misconduct is not a name.
      if (!NOT_A_NAME.has(word) && !MISCONDUCT.test(word)) return true;
    }
  }
  for (const m of text.matchAll(NAME_WORD)) if (GIVEN_NAMES.has(m[0].toLowerCase())) return true;
  return NIP.test(text);
}

function misconductForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/(?<=\p{L})[.\-_*'’`]+(?=\p{L})/gu, '')
    .replace(/(?<![\p{L}])\p{L}(?:\s\p{L}(?![\p{L}])){2,}/gu, (m) => m.replace(/\s/g, ''));
}

function allegesMisconduct(text: string): boolean {
  return MISCONDUCT.test(text.toLowerCase()) || MISCONDUCT.test(misconductForm(text));
}

/**
 * Whether a (redacted) comment waits for review before its text is published, and why. Pure: the rating's insert
 * stores the answer (db/queries/comment-review.ts commentReviewColumns).
 */
export function commentReviewNeeded(text: string | null | undefined): { review: boolean; reasons: CommentReviewReason[] } {
  const t = normalizeText(text ?? '').trim();
  if (!t) return { review: false, reasons: [] };
  const reasons: CommentReviewReason[] = [];
  if (namesPerson(t)) reasons.push('names_person');
  if (allegesMisconduct(t)) reasons.push('alleges_misconduct');
  return { review: reasons.length > 0, reasons };
}

/** A reviewer's decision (POST /api/review/comments/{id}): withholding a resident's words needs a written reason. */
export const reviewDecisionSchema = v.pipe(
  v.object({
    decision: v.picklist(REVIEW_DECISIONS, `must be one of ${REVIEW_DECISIONS.join(', ')}`),
    reason: v.optional(v.nullable(v.pipe(v.string('must be text'), v.trim(), v.maxLength(500, 'must be at most 500 characters'))), null),
  }),
  v.forward(
    v.check((d) => d.decision !== 'withhold' || Boolean(d.reason), 'is required to withhold a comment'),
    ['reason'],
  ),
  // The same rule for the OpenAPI document (decision 056), which cannot read the check above.
  v.metadata({ if: { properties: { decision: { const: 'withhold' } } }, then: { required: ['reason'], properties: { reason: { type: 'string', minLength: 1 } } } }),
);
