// Words of the SKM report page (/laporan/skm), in both languages (issue 26 item 4: the staff screens' words split by screen).
import { type Lang } from './i18n';
import { scoreStrings } from './i18n-scores';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  reportPdf: 'Unduh PDF',
  reportTitle: 'Laporan Survei Kepuasan Masyarakat',
  reportMethod: 'Metode: Survei Kepuasan Masyarakat menurut PermenPANRB Nomor 14 Tahun 2017 — sembilan unsur pelayanan, skala 1–4, IKM = Σ(NRR × 1/9) × 25. Sampel minimal menurut tabel Krejcie & Morgan. Penilaian dikumpulkan melalui portal Rapor (QR di loket, tautan web, dan kios).',
  reportSuggestions: 'Saran pengguna layanan',
  reportWeakest: 'Unsur dengan nilai terendah',
  reportSuggestionsCount: (shown: string, total: string) => shown === total ? `${total} saran pada periode ini.` : `${shown} saran terbaru dari ${total} saran pada periode ini.`,
  reportPreviousFollowUps: (period: string) => `Tindak lanjut periode sebelumnya (${period}) dan hasilnya`,
  reportNoFollowUps: 'Tidak ada rencana tindak lanjut untuk periode ini.',
  outcomeColumn: 'Hasil',
  outcomes: { 'done-on-time': 'Selesai tepat waktu', 'done-late': 'Selesai terlambat', 'done-undated': 'Selesai (tanggal tidak dicatat)', overdue: 'Belum selesai, lewat target', 'not-yet-due': 'Belum selesai, belum jatuh tempo' } as Record<string, string>,
  serviceSampleLabel: 'Sampel per jenis layanan (Krejcie & Morgan per layanan)',
  generated: (d: string) => `Dibuat ${d}`,
};

const en: typeof id = {
  reportPdf: 'Download PDF',
  reportTitle: 'Community Satisfaction Survey report',
  reportMethod: 'Method: the Community Satisfaction Survey of PermenPANRB No. 14/2017 — nine service elements, scale 1–4, IKM = Σ(NRR × 1/9) × 25. Minimum sample from the Krejcie & Morgan table. Ratings collected through the Rapor portal (QR at the counter, web link and kiosks).',
  reportSuggestions: "Service users' suggestions",
  reportWeakest: 'Lowest-scoring elements',
  reportSuggestionsCount: (shown: string, total: string) => shown === total ? `${total} suggestions in this period.` : `The newest ${shown} of ${total} suggestions in this period.`,
  reportPreviousFollowUps: (period: string) => `The previous period's follow-up (${period}) and how it went`,
  reportNoFollowUps: 'No follow-up plan for this period.',
  outcomeColumn: 'Outcome',
  outcomes: { 'done-on-time': 'Done on time', 'done-late': 'Done late', 'done-undated': 'Done (date not recorded)', overdue: 'Not done, past due', 'not-yet-due': 'Not done, not yet due' },
  serviceSampleLabel: 'Sample per service type (Krejcie & Morgan per service)',
  generated: (d: string) => `Generated ${d}`,
};

/** The score pages' words, the shared staff words and this screen's own. */
export function dasborReportStrings(lang: Lang) {
  return { ...scoreStrings(lang), ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
