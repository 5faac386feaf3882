// The site's common interface text in Bahasa Indonesia (the source every other language follows). An island imports
// only its page's language (issue 19); strings(lang) in i18n.ts picks at run time for pages that need both.
import { formId } from './i18n-form.id';

export const commonId = {
  ...formId,
  regionLabel: 'Wilayah',
  allRegions: 'Semua wilayah',
  tagline: 'Suara warga untuk pelayanan publik',
  skipToContent: 'Langsung ke isi',
  navHome: 'Beranda',
  navPrimary: 'Navigasi utama',
  otherLanguage: 'English',
  otherLanguageLabel: 'Read this page in English',
  footerNote: 'Rapor menampilkan hasil Survei Kepuasan Masyarakat (PermenPANRB 14/2017). Penilaian tidak mencatat nama, NIK, atau nomor HP.',
  noscript: 'Halaman ini membutuhkan JavaScript untuk memuat data.',

  unitTitle: 'Unit layanan',
  unitServices: 'Layanan dan standar waktu penyelesaian',
  serviceColumn: 'Layanan',
  slaColumn: 'Janji waktu penyelesaian',
  permitBadge: 'perizinan',
  address: 'Alamat',
  region: 'Wilayah',
  rateUnitCta: 'Beri penilaian untuk unit ini',

  periodLabel: 'Periode',
  /** The button of a filter form (period, region): a plain GET form without JavaScript. */
  showFilters: 'Tampilkan',
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

export type Strings = typeof commonId;
