// Strings of the receipt page (/tanda-terima/{receipt}), rendered on demand (site/pages/[...lang]/tanda-terima/[receipt].astro).
import type { Lang } from './i18n';

const id = {
  receiptTitle: 'Tanda terima penilaian',
  receiptLabel: 'Nomor tanda terima',
  unitLabel: 'Unit layanan',
  dateLabel: 'Tanggal penilaian',
  commentLabel: 'Saran Anda',
  status: {
    none: 'Penilaian ini tanpa saran.',
    received: 'Diterima. Saran yang lolos pemeriksaan otomatis tampil untuk publik di halaman unit.',
    review: 'Menunggu tinjauan: saran menyebut nama orang atau dugaan pelanggaran, dan baru tampil setelah ditinjau evaluator wilayah atau administrator.',
    withheld: 'Tidak ditampilkan: peninjau (evaluator wilayah atau administrator) menahan saran ini.',
    hidden: 'Disembunyikan oleh unit.',
  },
  reasonLabel: 'Alasan',
  reasons: { spam: 'Spam atau iklan', data_pribadi: 'Memuat data pribadi', kasar: 'Kata-kata kasar', di_luar_topik: 'Di luar topik layanan', other: 'Lainnya' } as Record<string, string>,
  replyHeading: 'Tanggapan unit',
  noReply: 'Unit belum menanggapi.',
  privacyNote: 'Halaman ini tidak menampilkan jawaban, data diri, atau jam penilaian Anda.',
  backToUnit: 'Lihat halaman unit',
};

const en: typeof id = {
  receiptTitle: 'Rating receipt',
  receiptLabel: 'Receipt number',
  unitLabel: 'Service unit',
  dateLabel: 'Date of the rating',
  commentLabel: 'Your suggestion',
  status: {
    none: 'This rating has no suggestion.',
    received: "Received. Suggestions that pass the automatic checks are shown to the public on the unit's page.",
    review: "Waiting for review: the suggestion names a person or alleges misconduct, and is shown only after review by the region's evaluator or an administrator.",
    withheld: 'Not shown: a reviewer (regional evaluator or administrator) withheld this suggestion.',
    hidden: 'Hidden by the unit.',
  },
  reasonLabel: 'Reason',
  reasons: { spam: 'Spam or advertising', data_pribadi: 'Contains personal data', kasar: 'Abusive language', di_luar_topik: 'Not about the service', other: 'Other' },
  replyHeading: "The unit's reply",
  noReply: 'The unit has not replied yet.',
  privacyNote: 'This page does not show your answers, your personal details or the time of your rating.',
  backToUnit: 'View the unit page',
};

export function receiptStrings(lang: Lang) {
  return lang === 'en' ? en : id;
}
