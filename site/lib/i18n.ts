// Interface text, Bahasa Indonesia first and English second. Pages exist at / (id) and /en/ (en).
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** Static paths for pages that exist in both languages: / and /en/. */
export function langPaths() {
  return [{ params: { lang: undefined } }, { params: { lang: 'en' } }];
}

export function langFromParam(param: string | undefined): Lang {
  return param === 'en' ? 'en' : 'id';
}

/** The site path of a page in a language: href('en', '/nilai/x') → '/en/nilai/x'. */
export function href(lang: Lang, path: string): string {
  return lang === 'en' ? `/en${path === '/' ? '/' : path}` : path;
}

/** The same page in the other language, from a current path. */
export function switchPath(pathname: string, to: Lang): string {
  const bare = pathname.replace(/^\/en(?=\/|$)/, '') || '/';
  return href(to, bare);
}

const id = {
  siteName: 'Rapor',
  tagline: 'Suara warga untuk pelayanan publik',
  skipToContent: 'Langsung ke isi',
  navHome: 'Beranda',
  navPrimary: 'Navigasi utama',
  otherLanguage: 'English',
  otherLanguageLabel: 'Read this page in English',
  footerNote: 'Rapor menampilkan hasil Survei Kepuasan Masyarakat (PermenPANRB 14/2017). Penilaian tidak mencatat nama, NIK, atau nomor HP.',
  loading: 'Memuat…',
  loadFailed: 'Data tidak dapat dimuat. Periksa sambungan internet lalu muat ulang halaman.',
  retry: 'Coba lagi',
  noscript: 'Halaman ini membutuhkan JavaScript untuk memuat data.',

  homeTitle: 'Nilai pelayanan publik di daerah Anda',
  homeIntro: 'Cari unit layanan yang Anda kunjungi — kantor perizinan, Dukcapil, Samsat, puskesmas, rumah sakit, kecamatan — lalu beri penilaian. Sembilan pertanyaan, sekitar dua menit, tanpa nama.',
  searchLabel: 'Nama unit layanan',
  searchHint: 'Contoh: Dukcapil, Samsat Jambi, Puskesmas Plaju',
  regionLabel: 'Wilayah',
  allRegions: 'Semua wilayah',
  searchButton: 'Cari',
  resultsHeading: 'Unit layanan',
  resultsCount: (n: number) => `${n} unit ditampilkan`,
  noResults: 'Tidak ada unit yang cocok. Coba kata lain atau pilih semua wilayah.',
  loadMore: 'Tampilkan lebih banyak',
  rateThis: 'Beri penilaian',
  seeUnit: 'Lihat unit',

  unitTitle: 'Unit layanan',
  unitNotFound: 'Unit layanan ini tidak ditemukan. Mungkin alamatnya salah ketik.',
  unitServices: 'Layanan dan standar waktu penyelesaian',
  serviceColumn: 'Layanan',
  slaColumn: 'Janji waktu penyelesaian',
  noSla: 'Belum dipublikasikan',
  permitBadge: 'perizinan',
  address: 'Alamat',
  region: 'Wilayah',
  timezone: 'Zona waktu',
  rateUnitCta: 'Beri penilaian untuk unit ini',
  slaUnits: { working_days: 'hari kerja', calendar_days: 'hari kalender', hours: 'jam', minutes: 'menit' } as Record<string, string>,

  rateTitle: 'Penilaian layanan',
  rateIntro: 'Jawab sembilan pertanyaan tentang layanan yang baru Anda terima. Tidak perlu menulis nama, NIK, atau nomor HP.',
  serviceLabel: 'Layanan yang Anda terima',
  servicePlaceholder: 'Pilih layanan…',
  questionOf: (i: number, n: number) => `Pertanyaan ${i} dari ${n}`,
  profileHeading: 'Tentang Anda (tidak wajib)',
  profileIntro: 'Data ini hanya untuk tabel profil responden dalam laporan SKM. Tidak ada nama yang dicatat.',
  gender: 'Jenis kelamin',
  genderL: 'Laki-laki',
  genderP: 'Perempuan',
  age: 'Usia (tahun)',
  education: 'Pendidikan terakhir',
  occupation: 'Pekerjaan',
  choose: 'Pilih…',
  educationLabels: { SD: 'SD ke bawah', SMP: 'SMP', SMA: 'SMA', 'D1-D3': 'D1–D3', 'D4-S1': 'D4/S1', S2: 'S2', S3: 'S3' } as Record<string, string>,
  occupationLabels: { PNS: 'PNS', TNI: 'TNI', POLRI: 'POLRI', Swasta: 'Swasta', Wirausaha: 'Wirausaha', 'Pelajar/Mahasiswa': 'Pelajar/Mahasiswa', Lainnya: 'Lainnya' } as Record<string, string>,
  commentLabel: 'Saran atau masukan (tidak wajib)',
  commentHint: 'Jangan tulis nama, NIK, nomor HP, atau email. Jika tertulis, akan disamarkan otomatis sebelum disimpan.',
  charsLeft: (n: number) => `Sisa ${n} karakter`,
  visitCodeLabel: 'Kode kunjungan (jika ada)',
  visitCodeHint: 'Kode dari slip yang diberikan petugas, contoh K7Q2-MX4D. Penilaian dengan kode tercatat sebagai terverifikasi.',
  submit: 'Kirim penilaian',
  sending: 'Mengirim…',
  errorSummaryTitle: 'Ada yang perlu diperbaiki',
  errAnswer: 'Pilih satu jawaban untuk pertanyaan ini.',
  errService: 'Pilih layanan yang Anda terima.',
  errAge: 'Tulis usia dalam tahun, 15 sampai 100.',
  errComment: 'Saran terlalu panjang (maksimal 2.000 karakter).',
  errVisitCode: 'Kode kunjungan tidak dikenal untuk unit ini. Periksa kembali, atau kosongkan.',
  errVisitCodeSpent: 'Kode kunjungan ini sudah pernah dipakai. Kosongkan kolom ini untuk tetap mengirim.',
  errVisitCodeFormat: 'Kode kunjungan terdiri dari 8 huruf/angka, contoh K7Q2-MX4D.',
  errGeneric: 'Isian ini belum benar.',
  errNetwork: 'Tidak dapat terhubung ke server. Jawaban Anda masih tersimpan di halaman ini — coba kirim lagi.',
  errServer: 'Server sedang bermasalah. Jawaban Anda masih di halaman ini — coba kirim lagi sebentar lagi.',
  errThrottled: 'Terlalu banyak penilaian dalam waktu singkat. Coba lagi beberapa saat lagi.',
  thanksTitle: 'Terima kasih atas penilaian Anda!',
  thanksBody: 'Penilaian Anda sudah kami terima dan dihitung dalam Indeks Kepuasan Masyarakat unit ini.',
  receiptLabel: 'Nomor tanda terima',
  receiptHint: 'Simpan nomor ini jika ingin menanyakan penilaian Anda.',
  verifiedNote: 'Penilaian ini terverifikasi dengan kode kunjungan.',
  rateAgain: 'Beri penilaian lain',
  backToUnit: 'Lihat halaman unit',

  periodLabel: 'Periode',
  navScoreboard: 'Peringkat',
  navPermits: 'Waktu izin',
  navSignIn: 'Masuk petugas',
  navMethod: 'Metodologi',
  navPrivacy: 'Privasi',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundBody: 'Alamat yang Anda buka tidak ada. Kembali ke beranda untuk mencari unit layanan.',
};

export type Strings = typeof id;

const en: Strings = {
  siteName: 'Rapor',
  tagline: "Residents' voice for public services",
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navPrimary: 'Main navigation',
  otherLanguage: 'Bahasa Indonesia',
  otherLanguageLabel: 'Baca halaman ini dalam Bahasa Indonesia',
  footerNote: 'Rapor shows the results of the Community Satisfaction Survey (SKM, PermenPANRB 14/2017). Ratings record no name, national ID or phone number.',
  loading: 'Loading…',
  loadFailed: 'The data could not be loaded. Check your connection and reload the page.',
  retry: 'Try again',
  noscript: 'This page needs JavaScript to load its data.',

  homeTitle: 'Rate the public services in your area',
  homeIntro: 'Find the service unit you visited — permit office, civil registry, vehicle tax office, health centre, hospital, district office — and rate it. Nine questions, about two minutes, no name.',
  searchLabel: 'Service unit name',
  searchHint: 'For example: Dukcapil, Samsat Jambi, Puskesmas Plaju',
  regionLabel: 'Region',
  allRegions: 'All regions',
  searchButton: 'Search',
  resultsHeading: 'Service units',
  resultsCount: (n: number) => `${n} units shown`,
  noResults: 'No unit matches. Try another word or choose all regions.',
  loadMore: 'Show more',
  rateThis: 'Rate',
  seeUnit: 'View unit',

  unitTitle: 'Service unit',
  unitNotFound: 'This service unit was not found. The address may be mistyped.',
  unitServices: 'Services and promised completion times',
  serviceColumn: 'Service',
  slaColumn: 'Promised completion time',
  noSla: 'Not yet published',
  permitBadge: 'permit',
  address: 'Address',
  region: 'Region',
  timezone: 'Time zone',
  rateUnitCta: 'Rate this unit',
  slaUnits: { working_days: 'working days', calendar_days: 'calendar days', hours: 'hours', minutes: 'minutes' },

  rateTitle: 'Rate a service',
  rateIntro: 'Answer nine questions about the service you just received. No name, ID number or phone number is needed.',
  serviceLabel: 'The service you received',
  servicePlaceholder: 'Choose a service…',
  questionOf: (i: number, n: number) => `Question ${i} of ${n}`,
  profileHeading: 'About you (optional)',
  profileIntro: 'Used only for the respondent profile tables of the SKM report. No name is recorded.',
  gender: 'Sex',
  genderL: 'Male',
  genderP: 'Female',
  age: 'Age (years)',
  education: 'Highest education',
  occupation: 'Occupation',
  choose: 'Choose…',
  educationLabels: { SD: 'Primary or less', SMP: 'Junior secondary', SMA: 'Senior secondary', 'D1-D3': 'Diploma (D1–D3)', 'D4-S1': 'Bachelor (D4/S1)', S2: 'Master (S2)', S3: 'Doctorate (S3)' },
  occupationLabels: { PNS: 'Civil servant', TNI: 'Armed forces', POLRI: 'Police', Swasta: 'Private employee', Wirausaha: 'Self-employed', 'Pelajar/Mahasiswa': 'Student', Lainnya: 'Other' },
  commentLabel: 'Suggestion or feedback (optional)',
  commentHint: 'Do not write names, ID numbers, phone numbers or emails. Any that are written are masked automatically before storing.',
  charsLeft: (n: number) => `${n} characters left`,
  visitCodeLabel: 'Visit code (if you have one)',
  visitCodeHint: 'The code on the slip from the counter, for example K7Q2-MX4D. A rating with a code is recorded as verified.',
  submit: 'Send rating',
  sending: 'Sending…',
  errorSummaryTitle: 'There is a problem',
  errAnswer: 'Choose one answer for this question.',
  errService: 'Choose the service you received.',
  errAge: 'Enter your age in years, 15 to 100.',
  errComment: 'The suggestion is too long (2,000 characters at most).',
  errVisitCode: 'This visit code is not known for this unit. Check it, or leave it empty.',
  errVisitCodeSpent: 'This visit code has already been used. Leave the field empty to send anyway.',
  errVisitCodeFormat: 'A visit code has 8 letters or digits, for example K7Q2-MX4D.',
  errGeneric: 'This field is not right yet.',
  errNetwork: 'Cannot reach the server. Your answers are still on this page — try sending again.',
  errServer: 'The server has a problem. Your answers are still on this page — try again in a moment.',
  errThrottled: 'Too many ratings in a short time. Try again in a little while.',
  thanksTitle: 'Thank you for your rating!',
  thanksBody: "Your rating has been received and counts in this unit's Community Satisfaction Index.",
  receiptLabel: 'Receipt number',
  receiptHint: 'Keep this number if you want to ask about your rating.',
  verifiedNote: 'This rating is verified with a visit code.',
  rateAgain: 'Rate another visit',
  backToUnit: 'View the unit page',

  periodLabel: 'Period',
  navScoreboard: 'Rankings',
  navPermits: 'Permit times',
  navSignIn: 'Staff sign-in',
  navMethod: 'Methodology',
  navPrivacy: 'Privacy',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The address you opened does not exist. Go back to the home page to find a service unit.',
};

export const STRINGS: Record<Lang, Strings> = { id, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
