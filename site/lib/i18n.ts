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
  regionLabel: 'Wilayah',
  allRegions: 'Semua wilayah',
  gender: 'Jenis kelamin',
  genderL: 'Laki-laki',
  genderP: 'Perempuan',
  age: 'Usia (tahun)',
  education: 'Pendidikan terakhir',
  occupation: 'Pekerjaan',
  choose: 'Pilih…',
  educationLabels: { SD: 'SD ke bawah', SMP: 'SMP', SMA: 'SMA', 'D1-D3': 'D1–D3', 'D4-S1': 'D4/S1', S2: 'S2', S3: 'S3' } as Record<string, string>,
  occupationLabels: { PNS: 'PNS', TNI: 'TNI', POLRI: 'POLRI', Swasta: 'Swasta', Wirausaha: 'Wirausaha', 'Pelajar/Mahasiswa': 'Pelajar/Mahasiswa', Lainnya: 'Lainnya' } as Record<string, string>,
  sending: 'Mengirim…',
  errorSummaryTitle: 'Ada yang perlu diperbaiki',
  errNetwork: 'Tidak dapat terhubung ke server. Jawaban Anda masih tersimpan di halaman ini — coba kirim lagi.',
  errServer: 'Server sedang bermasalah. Jawaban Anda masih di halaman ini — coba kirim lagi sebentar lagi.',
  errThrottled: 'Terlalu banyak penilaian dalam waktu singkat. Coba lagi beberapa saat lagi.',
  siteName: 'Rapor',
  tagline: 'Suara warga untuk pelayanan publik',
  skipToContent: 'Langsung ke isi',
  navHome: 'Beranda',
  navPrimary: 'Navigasi utama',
  otherLanguage: 'English',
  otherLanguageLabel: 'Read this page in English',
  footerNote: 'Rapor menampilkan hasil Survei Kepuasan Masyarakat (PermenPANRB 14/2017). Penilaian tidak mencatat nama, NIK, atau nomor HP.',
  loading: 'Memuat…',
  loadFailed: 'Data tidak dapat dimuat. Muat ulang halaman untuk mencoba lagi.',
  retry: 'Coba lagi',
  noscript: 'Halaman ini membutuhkan JavaScript untuk memuat data.',


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

  backToUnit: 'Lihat halaman unit',

  periodLabel: 'Periode',
  navScoreboard: 'Peringkat',
  navPermits: 'Waktu izin',
  navSignIn: 'Masuk petugas',
  navMenu: 'Menu',
  /** The header's link for a signed-in account: to its own workspace (issue 17). */
  navWorkspace: { staff: 'Dasbor unit', evaluator: 'Dasbor evaluasi', admin: 'Administrasi' } as Record<'staff' | 'evaluator' | 'admin', string>,
  navMethod: 'Metodologi',
  navPrivacy: 'Privasi',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundBody: 'Alamat yang Anda buka tidak ada. Kembali ke beranda untuk mencari unit layanan.',
};

export type Strings = typeof id;

const en: Strings = {
  regionLabel: 'Region',
  allRegions: 'All regions',
  gender: 'Sex',
  genderL: 'Male',
  genderP: 'Female',
  age: 'Age (years)',
  education: 'Highest education',
  occupation: 'Occupation',
  choose: 'Choose…',
  educationLabels: { SD: 'Primary or less', SMP: 'Junior secondary', SMA: 'Senior secondary', 'D1-D3': 'Diploma (D1–D3)', 'D4-S1': 'Bachelor (D4/S1)', S2: 'Master (S2)', S3: 'Doctorate (S3)' },
  occupationLabels: { PNS: 'Civil servant', TNI: 'Armed forces', POLRI: 'Police', Swasta: 'Private employee', Wirausaha: 'Self-employed', 'Pelajar/Mahasiswa': 'Student', Lainnya: 'Other' },
  sending: 'Sending…',
  errorSummaryTitle: 'There is a problem',
  errNetwork: 'Cannot reach the server. Your answers are still on this page — try sending again.',
  errServer: 'The server has a problem. Your answers are still on this page — try again in a moment.',
  errThrottled: 'Too many ratings in a short time. Try again in a little while.',
  siteName: 'Rapor',
  tagline: "Residents' voice for public services",
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navPrimary: 'Main navigation',
  otherLanguage: 'Bahasa Indonesia',
  otherLanguageLabel: 'Baca halaman ini dalam Bahasa Indonesia',
  footerNote: 'Rapor shows the results of the Community Satisfaction Survey (SKM, PermenPANRB 14/2017). Ratings record no name, national ID or phone number.',
  loading: 'Loading…',
  loadFailed: 'The data could not be loaded. Reload the page to try again.',
  retry: 'Try again',
  noscript: 'This page needs JavaScript to load its data.',


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

  backToUnit: 'View the unit page',

  periodLabel: 'Period',
  navScoreboard: 'Rankings',
  navPermits: 'Permit times',
  navSignIn: 'Staff sign-in',
  navMenu: 'Menu',
  navWorkspace: { staff: 'Unit dashboard', evaluator: 'Evaluation', admin: 'Administration' },
  navMethod: 'Methodology',
  navPrivacy: 'Privacy',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The address you opened does not exist. Go back to the home page to find a service unit.',
};

export const STRINGS: Record<Lang, Strings> = { id, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
