// Strings of the rating form (/nilai) in Bahasa Indonesia, the source the English file follows. The island of the
// Indonesian page imports this file alone, so the page ships one language (issue 19).
import { SKM_TEXT_ID } from '../domain/skm-text.id';
import { formId } from './i18n-form.id';

const own = {
  rateTitle: 'Penilaian layanan',
  rateIntro: 'Jawab sembilan pertanyaan tentang layanan yang baru Anda terima. Tidak perlu menulis nama, NIK, atau nomor HP.',
  serviceLabel: 'Layanan yang Anda terima',
  servicePlaceholder: 'Pilih layanan…',
  questionOf: (i: number, n: number) => `Pertanyaan ${i} dari ${n}`,
  profileHeading: 'Tentang Anda (tidak wajib)',
  profileIntro: 'Data ini hanya untuk tabel profil responden dalam laporan SKM. Tidak ada nama yang dicatat.',
  commentLabel: 'Saran atau masukan (tidak wajib)',
  commentHint:
    'Jangan tulis nama, NIK, nomor HP, atau email. NIK, HP dan email disamarkan otomatis; saran yang menyebut nama orang ' +
    'atau dugaan pelanggaran tampil setelah ditinjau evaluator wilayah atau administrator.',
  // The count only near the limit (issue 17: "Sisa 1922 karakter" from the first key press was noise).
  charsLeft: (n: number) => (n > 200 ? '' : `Sisa ${n} karakter`),
  visitCodeLabel: 'Kode kunjungan (jika ada)',
  visitCodeHint: 'Kode dari slip yang diberikan petugas, contoh K7Q2-MX4D. Penilaian dengan kode tercatat sebagai terverifikasi.',
  submit: 'Kirim penilaian',
  errAnswer: 'Pilih satu jawaban untuk pertanyaan ini.',
  errService: 'Pilih layanan yang Anda terima.',
  errAge: 'Tulis usia dalam tahun, 15 sampai 100.',
  errComment: 'Saran terlalu panjang (maksimal 2.000 karakter).',
  errVisitCode: 'Kode kunjungan tidak dikenal untuk unit ini. Periksa kembali, atau kosongkan.',
  errVisitCodeSpent: 'Kode kunjungan ini sudah pernah dipakai. Kosongkan kolom ini untuk tetap mengirim.',
  errVisitCodeFormat: 'Kode kunjungan terdiri dari 8 huruf/angka, contoh K7Q2-MX4D.',
  errGeneric: 'Isian ini belum benar.',
  thanksTitle: 'Terima kasih atas penilaian Anda!',
  thanksBody: 'Penilaian Anda sudah kami terima dan diperiksa otomatis sebelum masuk ke IKM unit ini.',
  receiptLabel: 'Nomor tanda terima',
  receiptHint: 'Simpan nomor ini jika ingin menanyakan penilaian Anda.',
  verifiedNote: 'Penilaian ini terverifikasi dengan kode kunjungan.',
  rateAgain: 'Beri penilaian lain',
  queuedTitle: 'Penilaian tersimpan di perangkat ini',
  queuedBody: 'Sinyal sedang tidak ada. Penilaian Anda akan dikirim otomatis begitu tersambung lagi, dan hanya tercatat sekali.',
  pendingCount: (n: number) => `${n} penilaian menunggu dikirim`,
  kioskNext: (n: number) => `Formulir baru dalam ${n} detik…`,
  kioskSetupTitle: 'Pengaturan kios',
  kioskSetupBody: 'Masukkan token kios dari dasbor unit (Alat loket → Perangkat kios). Token disimpan di perangkat ini.',
  kioskTokenLabel: 'Token kios',
  kioskSave: 'Simpan token',
  honeypotLabel: 'Jangan isi kolom ini',
};

export type RatingOwnStrings = typeof own;

/** Everything the rating form shows: the strings it shares with the other resident forms, its own, and the nine questions. */
export const ratingId = { ...formId, ...own, elements: SKM_TEXT_ID };
export type RatingStrings = typeof ratingId;
