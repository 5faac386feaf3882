// The receipt's note for a suggestion whose text waits for review (decision 019). Rendered into the /nilai page as a
// <template> that the island shows when the answer says commentReview: 'pending', so the island's script carries none of it.
import type { Lang } from './i18n';

const id = {
  reviewTitle: 'Saran Anda menunggu tinjauan',
  reviewBody:
    'Saran Anda menyebut nama orang atau dugaan pelanggaran. Jawaban penilaian Anda tetap diolah seperti biasa, tetapi teks ' +
    'saran baru tampil untuk publik setelah ditinjau evaluator wilayah atau administrator portal, bukan oleh unit ini.',
  reviewLapor: 'Untuk melaporkan pungli, suap, atau penyalahgunaan wewenang, gunakan SP4N-LAPOR!, kanal pengaduan nasional:',
  reviewLaporAfter: 'Laporan diteruskan ke instansi terkait dalam 3 hari kerja dan wajib dijawab dalam 5 hari kerja.',
};

const en: typeof id = {
  reviewTitle: 'Your suggestion waits for review',
  reviewBody:
    'Your suggestion names a person or alleges misconduct. Your answers are processed as usual, but the text of the ' +
    "suggestion is shown to the public only after review by the region's evaluator or a portal administrator, not by this unit.",
  reviewLapor: 'To report illegal fees, bribes or abuse of power, use SP4N-LAPOR!, the national complaints channel:',
  reviewLaporAfter: 'A report is forwarded to the agency concerned within 3 working days and must be answered within 5 working days.',
};

/** SP4N-LAPOR!, the national complaints channel (DOMAIN.md §10). */
export const LAPOR_URL = 'https://www.lapor.go.id/';

export function commentReviewStrings(lang: Lang) {
  return { ...(lang === 'en' ? en : id), laporUrl: LAPOR_URL };
}
