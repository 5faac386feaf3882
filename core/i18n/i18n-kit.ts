// The publication kit's words in Bahasa Indonesia (first) and English: the waiting-room screen, the widget, the archive
// (site/pages/[...lang]/tayang, widget, unit/[slug]/arsip) and the results poster (server/report/results-poster.ts).
import { GRADES } from '../domain/ikm.ts';
import { shownInterval } from '../domain/shown-interval.ts';
import { belowMinimumWords, isBelowMinimum } from '../domain/small-cells.ts';
import type { Lang } from '../domain/skm.ts';
import { fmtNumber } from './format.ts';

export const KIT_LABELS = {
  id: {
    screenTitle: 'Hasil survei kepuasan masyarakat',
    ikm: 'Indeks Kepuasan Masyarakat',
    respondents: 'responden',
    grade: 'Mutu',
    provisional: 'sementara',
    yearToDate: (year: string) => `Tahun ${year}, sampai hari ini`,
    elements: 'Sembilan unsur pelayanan',
    replies: 'Tanggapan terbaru kami',
    noReplies: 'Belum ada tanggapan yang diterbitkan.',
    followUps: 'Yang sedang kami perbaiki',
    followUpsDone: (done: number, total: number) => `${done} dari ${total} rencana tindak lanjut selesai`,
    noFollowUps: 'Belum ada rencana tindak lanjut.',
    scanToRate: 'Pindai untuk menilai pelayanan kami',
    qrLabel: (unit: string) => `Kode QR ke halaman penilaian ${unit}`,
    stale: 'Data belum diperbarui (koneksi terputus); ditampilkan data terakhir.',
    rate: 'Beri penilaian',
    details: 'Rincian',
    archiveTitle: 'Arsip hasil survei',
    archiveLead: 'Setiap triwulan dan tahun dengan penilaian, sebagaimana diterbitkan di halaman unit.',
    archiveEmpty: 'Belum ada penilaian untuk unit ini.',
    period: 'Periode',
    interval: 'Selang kepercayaan 95%',
    n: 'Responden',
    back: 'Kembali ke halaman unit',
    posterTitle: 'Hasil Survei Kepuasan Masyarakat',
    posterFileName: 'poster-hasil',
    posterDue: 'target',
    posterFixingNone: 'Belum ada rencana tindak lanjut yang berjalan.',
    posterNote: 'Nilai unsur (NRR) pada skala 1–4; IKM pada skala 25–100 (PermenPANRB 14/2017).',
  },
  en: {
    screenTitle: 'Public satisfaction survey results',
    ikm: 'Public Satisfaction Index (IKM)',
    respondents: 'respondents',
    grade: 'Grade',
    provisional: 'provisional',
    yearToDate: (year: string) => `${year} to date`,
    elements: 'The nine service elements',
    replies: 'Our latest replies',
    noReplies: 'No replies published yet.',
    followUps: 'What we are fixing',
    followUpsDone: (done: number, total: number) => `${done} of ${total} follow-up items done`,
    noFollowUps: 'No follow-up plan yet.',
    scanToRate: 'Scan to rate our service',
    qrLabel: (unit: string) => `QR code to the rating page of ${unit}`,
    stale: 'Not updated (connection lost); showing the last figures.',
    rate: 'Rate this service',
    details: 'Details',
    archiveTitle: 'Results archive',
    archiveLead: 'Every quarter and year with ratings, as published on the unit page.',
    archiveEmpty: 'This unit has no ratings yet.',
    period: 'Period',
    interval: '95% interval',
    n: 'Respondents',
    back: 'Back to the unit page',
    posterTitle: 'Public Satisfaction Survey Results',
    posterFileName: 'results-poster',
    posterDue: 'due',
    posterFixingNone: 'No follow-up items under way.',
    posterNote: 'Element scores (NRR) on the 1–4 scale; IKM on the 25–100 scale (PermenPANRB 14/2017).',
  },
} as const satisfies Record<Lang, unknown>;

function kinerja(mutu: string | null, lang: Lang): string {
  const g = GRADES.find((x) => x.mutu === mutu);
  return g ? (lang === 'id' ? g.kinerja : g.kinerjaEn) : '';
}

/** "A (Sangat baik)", or "A (sementara)" below the sample target; "–" without ratings. */
export function gradeWords(r: { mutu: string | null; provisional: boolean }, lang: Lang): string {
  if (r.mutu === null) return '–';
  return r.provisional ? `${r.mutu} (${KIT_LABELS[lang].provisional})` : `${r.mutu} (${kinerja(r.mutu, lang)})`;
}

/** The IKM as the kit prints it, or "kurang dari k penilaian" behind fewer than k ratings (decision 047). */
export function ikmWords(r: { ikm: number | null; n: number; minPublicRatings: number }, lang: Lang): string {
  return isBelowMinimum(r.n, r.minPublicRatings) ? belowMinimumWords(r.minPublicRatings, lang) : fmtNumber(lang, r.ikm);
}

/** The 95 % interval as the archive prints it, or "–" where it says nothing. */
export function intervalWords(r: { ikmCi95: [number, number] | null; intervalNote?: string | null }, lang: Lang): string {
  return shownInterval(r, (n) => fmtNumber(lang, n)) ?? '–';
}
