// Strings of the home page's unit search.
import { strings, type Lang } from './i18n';

const id = {
  homeTitle: 'Nilai pelayanan publik di daerah Anda',
  homeIntro: 'Cari unit layanan yang Anda kunjungi — kantor perizinan, Dukcapil, Samsat, puskesmas, rumah sakit, kecamatan — lalu beri penilaian. Sembilan pertanyaan, sekitar dua menit, tanpa nama.',
  searchLabel: 'Unit layanan atau keperluan',
  searchHint: 'Contoh: KTP, rumah sakit, izin usaha, STNK, Dukcapil, Puskesmas Plaju',
  searchButton: 'Cari',
  resultsHeading: 'Unit layanan',
  resultsCount: (n: number) => `${n} unit ditampilkan`,
  noResults: 'Tidak ada unit yang cocok. Coba kata lain atau pilih semua wilayah.',
  loadMore: 'Tampilkan lebih banyak',
  rateThis: 'Beri penilaian',
  seeUnit: 'Lihat unit',
};

const en: typeof id = {
  homeTitle: 'Rate the public services in your area',
  homeIntro: 'Find the service unit you visited — permit office, civil registry, vehicle tax office, health centre, hospital, district office — and rate it. Nine questions, about two minutes, no name.',
  searchLabel: 'Service unit or what you need',
  searchHint: 'For example: KTP, rumah sakit (hospital), izin usaha (business permit), STNK, Dukcapil, Puskesmas Plaju',
  searchButton: 'Search',
  resultsHeading: 'Service units',
  resultsCount: (n: number) => `${n} units shown`,
  noResults: 'No unit matches. Try another word or choose all regions.',
  loadMore: 'Show more',
  rateThis: 'Rate',
  seeUnit: 'View unit',
};

export function homeStrings(lang: Lang) {
  return { ...strings(lang), ...(lang === 'en' ? en : id) };
}
