// Strings of the rating form (/nilai), kept apart so the page a resident opens first carries only what it shows.
import { strings, type Lang } from './i18n';

const id = {
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

const en: typeof id = {
  rateTitle: 'Rate a service',
  rateIntro: 'Answer nine questions about the service you just received. No name, ID number or phone number is needed.',
  serviceLabel: 'The service you received',
  servicePlaceholder: 'Choose a service…',
  questionOf: (i: number, n: number) => `Question ${i} of ${n}`,
  profileHeading: 'About you (optional)',
  profileIntro: 'Used only for the respondent profile tables of the SKM report. No name is recorded.',
  commentLabel: 'Suggestion or feedback (optional)',
  commentHint:
    'Do not write names, ID numbers, phone numbers or emails. ID numbers, phones and emails are masked automatically; a ' +
    "suggestion naming a person or alleging misconduct is shown after review by the region's evaluator or an administrator.",
  charsLeft: (n: number) => (n > 200 ? '' : `${n} characters left`),
  visitCodeLabel: 'Visit code (if you have one)',
  visitCodeHint: 'The code on the slip from the counter, for example K7Q2-MX4D. A rating with a code is recorded as verified.',
  submit: 'Send rating',
  errAnswer: 'Choose one answer for this question.',
  errService: 'Choose the service you received.',
  errAge: 'Enter your age in years, 15 to 100.',
  errComment: 'The suggestion is too long (2,000 characters at most).',
  errVisitCode: 'This visit code is not known for this unit. Check it, or leave it empty.',
  errVisitCodeSpent: 'This visit code has already been used. Leave the field empty to send anyway.',
  errVisitCodeFormat: 'A visit code has 8 letters or digits, for example K7Q2-MX4D.',
  errGeneric: 'This field is not right yet.',
  thanksTitle: 'Thank you for your rating!',
  thanksBody: "Your rating has been received and is checked automatically before it enters this unit's IKM.",
  receiptLabel: 'Receipt number',
  receiptHint: 'Keep this number if you want to ask about your rating.',
  verifiedNote: 'This rating is verified with a visit code.',
  rateAgain: 'Rate another visit',
  queuedTitle: 'Rating saved on this device',
  queuedBody: 'There is no signal right now. Your rating will be sent automatically once the connection is back, and recorded once.',
  pendingCount: (n: number) => `${n} ratings waiting to be sent`,
  kioskNext: (n: number) => `New form in ${n} seconds…`,
  kioskSetupTitle: 'Kiosk set-up',
  kioskSetupBody: "Enter the kiosk token from the unit dashboard (Counter tools → Kiosk devices). It is kept on this device.",
  kioskTokenLabel: 'Kiosk token',
  kioskSave: 'Save token',
  honeypotLabel: 'Leave this field empty',
};

export function ratingStrings(lang: Lang) {
  return { ...strings(lang), ...(lang === 'en' ? en : id) };
}
