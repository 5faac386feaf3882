// Words of the SP4N-LAPOR! hand-off (issue 27 item 7, decision 066): the evaluator's screen and the unit's public line.
import type { Lang } from './i18n';

const id = {
  // The unit's public page: only the facts, never the complaint's text or its tracking details.
  publicHeading: 'Pengaduan ke SP4N-LAPOR!',
  publicLine: (forwarded: number, answered: number) =>
    `${forwarded} pengaduan dari saran warga diteruskan ke SP4N-LAPOR!; ${answered} sudah dijawab oleh instansi.`,
  // The evaluator's screen.
  heading: 'Penerusan ke SP4N-LAPOR!',
  intro: 'Saran yang ditahan karena dugaan pelanggaran (pungli, suap, kekerasan) disiapkan sebagai pengaduan untuk lapor.go.id: salin teksnya atau unduh berkas JSON, ajukan di LAPOR!, lalu catat nomor tiketnya dan kemudian jawaban instansi. Diteruskan paling lambat 3 hari kerja sejak saran ditahan; instansi menjawab dalam 5 hari kerja.',
  prepare: 'Siapkan untuk SP4N-LAPOR!',
  prepared: 'Pengaduan disiapkan.',
  none: 'Tidak ada pengaduan yang menunggu penerusan atau jawaban.',
  text: 'Teks pengaduan (salin ke formulir LAPOR!)',
  download: 'Unduh berkas JSON',
  trackingNumber: 'Nomor tiket LAPOR!',
  forwardedOn: 'Tanggal diteruskan',
  saveTracking: 'Catat nomor tiket',
  trackingSaved: 'Nomor tiket dicatat.',
  answeredOn: 'Tanggal jawaban instansi',
  summary: 'Ringkasan jawaban',
  saveAnswer: 'Catat jawaban',
  answerSaved: 'Jawaban instansi dicatat.',
  dueForward: (date: string) => `Teruskan paling lambat ${date}`,
  dueAnswer: (date: string) => `Jawaban instansi paling lambat ${date}`,
  overdue: 'Terlambat',
  failed: 'Gagal:',
};

const en: typeof id = {
  publicHeading: 'Complaints to SP4N-LAPOR!',
  publicLine: (forwarded, answered) =>
    `${forwarded} complaint${forwarded === 1 ? '' : 's'} from residents’ suggestions forwarded to SP4N-LAPOR!; ${answered} answered by the agency.`,
  heading: 'Forwarding to SP4N-LAPOR!',
  intro: 'Suggestions held because they allege misconduct (illegal fees, bribes, violence) are prepared as complaints for lapor.go.id: copy the text or download the JSON file, file it on LAPOR!, then record its tracking number and later the agency’s answer. Forward within 3 working days of the hold; the agency answers within 5 working days.',
  prepare: 'Prepare for SP4N-LAPOR!',
  prepared: 'Complaint prepared.',
  none: 'No complaint is waiting to be forwarded or answered.',
  text: 'Complaint text (copy into the LAPOR! form)',
  download: 'Download the JSON file',
  trackingNumber: 'LAPOR! tracking number',
  forwardedOn: 'Forwarded on',
  saveTracking: 'Record tracking number',
  trackingSaved: 'Tracking number recorded.',
  answeredOn: 'Agency answered on',
  summary: 'Summary of the answer',
  saveAnswer: 'Record answer',
  answerSaved: 'The agency’s answer is recorded.',
  dueForward: (date) => `Forward by ${date}`,
  dueAnswer: (date) => `Agency’s answer due by ${date}`,
  overdue: 'Overdue',
  failed: 'Failed:',
};

export function laporStrings(lang: Lang) {
  return lang === 'en' ? en : id;
}
