// Strings of the unit search results (docs/decisions/031-unit-search.md): the home page's island and the
// server-rendered results page /cari share them.
import { kinerjaOfMutu } from '../domain/grades';
import type { Lang } from './i18n';


const id = {
  pageTitle: 'Cari unit layanan',
  resultsFor: (q: string) => `Hasil pencarian “${q}”`,
  found: (n: number) => (n === 0 ? 'Tidak ada unit yang cocok.' : `${n} unit ditemukan, yang paling cocok lebih dahulu.`),
  noMatch: 'Coba kata lain: nama unit, jenis layanan atau keperluan Anda, misalnya KTP, rumah sakit, izin usaha, STNK.',
  askQuery: 'Tulis nama unit, jenis layanan atau keperluan Anda, misalnya KTP, rumah sakit, izin usaha, STNK.',
  ikmOf: (year: string) => `IKM ${year}`,
  grade: 'Mutu',
  noRatings: 'Belum ada penilaian tahun ini',
  provisional: 'sementara: sampel belum mencapai target',
  ratings: (n: string) => `${n} penilaian`,
  elsewhereHeading: 'Diurus instansi lain',
  elsewhereGo: 'Situs resmi',
};

const en: typeof id = {
  pageTitle: 'Find a service unit',
  resultsFor: (q: string) => `Results for “${q}”`,
  found: (n: number) => (n === 0 ? 'No unit matches.' : `${n} ${n === 1 ? 'unit' : 'units'} found, best match first.`),
  noMatch: 'Try other words: the unit’s name, the kind of service or what you need, for example KTP, hospital (rumah sakit), business permit (izin usaha), STNK.',
  askQuery: 'Type the unit’s name, the kind of service or what you need, for example KTP, rumah sakit, izin usaha, STNK.',
  ikmOf: (year: string) => `IKM ${year}`,
  grade: 'Grade',
  noRatings: 'No ratings yet this year',
  provisional: 'provisional: the sample has not reached its target',
  ratings: (n: string) => `${n} ${n === '1' ? 'rating' : 'ratings'}`,
  elsewhereHeading: 'Run by another agency',
  elsewhereGo: 'Official site',
};

export function searchStrings(lang: Lang) {
  const t = lang === 'en' ? en : id;
  /** "B (Baik)", or "B (Baik), sementara: …" for a provisional grade. */
  const gradeText = (mutu: string, provisional: boolean) => `${mutu} (${kinerjaOfMutu(mutu, lang)})${provisional ? `, ${t.provisional}` : ''}`;
  return { ...t, gradeText };
}
