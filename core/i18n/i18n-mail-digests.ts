// Words of alerts and digests (issue 27 item 3): the unit staff's digest mail, the names of the kinds of mail and of
// the frequencies, the preferences form on /akun and the unsubscribe page. Bahasa Indonesia first, English second.
import type { Frequency, NotificationKind } from '../domain/notifications.ts';
import type { Lang } from './lang.ts';

export interface DigestWords {
  kinds: Record<NotificationKind, string>;
  frequencies: Record<Frequency, string>;
  // The digest mail
  subjectWeekly: (unit: string, from: string, to: string) => string;
  subjectDaily: (unit: string, date: string) => string;
  covers: (from: string, to: string) => string;
  scoresHeading: (quarter: string) => string;
  ikm: string;
  noIkm: (k: number) => string;
  change: string;
  noChange: string;
  ratingsInQuarter: string;
  ratingsInWindow: string;
  weakest: string;
  noWeakest: string;
  workHeading: string;
  commentsWaiting: string;
  oldestWaiting: (days: number, date: string) => string;
  followUpsOverdue: string;
  followUpsDueSoon: string;
  kiosksWaiting: string;
  followUpItem: (problem: string, due: string) => string;
  openDashboard: string;
  reasonDigest: (unit: string) => string;
  // The preferences form
  formHeading: string;
  formIntro: string;
  kindColumn: string;
  save: string;
  saved: string;
  digestHour: string;
  // The unsubscribe page
  unsubTitle: string;
  unsubQuestion: (kind: string, email: string) => string;
  unsubButton: string;
  unsubDone: (kind: string) => string;
  unsubAlreadyOff: (kind: string) => string;
  toPreferences: string;
  // The follow-up overdue alert
  overdueSubject: (unit: string) => string;
  overdueText: (problem: string, due: string) => string;
  overdueAction: string;
  // The reply-overdue alert (no comment text: the unit reads it in the dashboard)
  replySubject: (unit: string) => string;
  replyText: (date: string, workingDays: number) => string;
  replyAction: string;
  // The review-waiting alert (evaluators and administrators; no comment text)
  reviewSubject: (unit: string) => string;
  reviewText: (date: string, workingDays: number) => string;
  reviewAction: string;
  reasonReviewer: string;
  // The SP4N-LAPOR! hand-off alert (no complaint text)
  laporSubject: (step: 'forward' | 'answer', overdue: boolean, unit: string) => string;
  laporText: (step: 'forward' | 'answer', since: string, due: string) => string;
  laporAction: string;
  reasonEvaluator: string;
}

const id: DigestWords = {
  kinds: {
    'unit-digest': 'Ringkasan unit (skor, komentar, tindak lanjut)',
    'score-alert': 'Peringatan IKM atau unsur di bawah ambang',
    'reply-overdue': 'Komentar menunggu tanggapan lebih dari 3 hari kerja',
    'followup-overdue': 'Tindak lanjut melewati tenggat',
    'review-waiting': 'Komentar menunggu tinjauan',
    'moderation-request': 'Permintaan moderasi triwulan tertutup',
    'units-below-threshold': 'Unit di bawah ambang',
    'evidence-lock-reminder': 'Pengingat mengunci bukti saat triwulan ditutup',
    'lapor-handoff-due': 'Penerusan ke SP4N-LAPOR! jatuh tempo atau melewati tenggat',
  },
  frequencies: { immediately: 'Segera', daily: 'Harian', weekly: 'Mingguan', off: 'Tidak' },
  subjectWeekly: (unit, from, to) => `Ringkasan mingguan ${unit}: ${from} – ${to}`,
  subjectDaily: (unit, date) => `Ringkasan harian ${unit}: ${date}`,
  covers: (from, to) => `Ringkasan ini mencakup ${from} sampai ${to}.`,
  scoresHeading: (quarter) => `Skor triwulan berjalan (${quarter})`,
  ikm: 'IKM',
  noIkm: (k) => `belum ada (kurang dari ${k} penilaian)`,
  change: 'Perubahan dari triwulan lalu',
  noChange: 'tidak dapat dibandingkan',
  ratingsInQuarter: 'Penilaian triwulan ini',
  ratingsInWindow: 'Penilaian dalam periode ringkasan',
  weakest: 'Unsur terlemah',
  noWeakest: 'belum ada',
  workHeading: 'Yang menunggu Anda',
  commentsWaiting: 'Komentar menunggu tanggapan',
  oldestWaiting: (days, date) => `Yang tertua menunggu ${days} hari (sejak ${date})`,
  followUpsOverdue: 'Tindak lanjut melewati tenggat',
  followUpsDueSoon: 'Tindak lanjut jatuh tempo dalam 14 hari',
  kiosksWaiting: 'Kios menunggu persetujuan',
  followUpItem: (problem, due) => `${problem} (tenggat ${due})`,
  openDashboard: 'Buka dasbor',
  reasonDigest: (unit) => `Anda menerima surel ini sebagai petugas ${unit} di Rapor.`,
  formHeading: 'Pemberitahuan surel',
  formIntro: 'Pilih seberapa sering Anda menerima setiap jenis surel. Ringkasan dikirim pukul 07.00 waktu setempat (mingguan: hari Senin).',
  kindColumn: 'Jenis surel',
  save: 'Simpan pilihan',
  saved: 'Pilihan pemberitahuan tersimpan.',
  digestHour: 'Ringkasan dikirim pukul 07.00 waktu setempat.',
  unsubTitle: 'Berhenti berlangganan',
  unsubQuestion: (kind, email) => `Berhenti mengirim surel “${kind}” ke ${email}?`,
  unsubButton: 'Ya, berhenti',
  unsubDone: (kind) => `Anda tidak akan menerima surel “${kind}” lagi.`,
  unsubAlreadyOff: (kind) => `Surel “${kind}” sudah tidak dikirim kepada Anda.`,
  toPreferences: 'Atur semua pemberitahuan',
  overdueSubject: (unit) => `Tindak lanjut melewati tenggat: ${unit}`,
  overdueText: (problem, due) => `Rencana tindak lanjut “${problem}” belum selesai dan melewati tenggat ${due}.`,
  overdueAction: 'Perbarui tindak lanjut di dasbor',
  replySubject: (unit) => `Komentar menunggu tanggapan: ${unit}`,
  replyText: (date, days) => `Komentar dari ${date} belum ditanggapi setelah ${days} hari kerja.`,
  replyAction: 'Tanggapi di dasbor',
  reviewSubject: (unit) => `Komentar menunggu tinjauan: ${unit}`,
  reviewText: (date, days) => `Komentar dari ${date} menunggu tinjauan selama ${days} hari kerja (SP4N-LAPOR! meminta paling lama 3 hari kerja).`,
  reviewAction: 'Tinjau di halaman evaluasi',
  reasonReviewer: 'Anda menerima surel ini sebagai peninjau komentar (evaluator atau administrator) di Rapor.',
  laporSubject: (step, overdue, unit) => `${step === 'forward' ? 'Penerusan ke SP4N-LAPOR!' : 'Jawaban SP4N-LAPOR!'} ${overdue ? 'melewati tenggat' : 'jatuh tempo hari ini'}: ${unit}`,
  laporText: (step, since, due) => step === 'forward'
    ? `Pengaduan dari komentar tanggal ${since} harus diteruskan ke SP4N-LAPOR! dalam 3 hari kerja, paling lambat ${due}.`
    : `Jawaban instansi atas pengaduan yang diteruskan ke SP4N-LAPOR! pada ${since} ditunggu dalam 5 hari kerja, paling lambat ${due}.`,
  laporAction: 'Buka halaman evaluasi',
  reasonEvaluator: 'Anda menerima surel ini sebagai evaluator wilayah unit ini di Rapor.',
};

const en: DigestWords = {
  kinds: {
    'unit-digest': 'Unit digest (scores, comments, follow-up)',
    'score-alert': 'IKM or an element below the threshold',
    'reply-overdue': 'A comment waiting for a reply over 3 working days',
    'followup-overdue': 'A follow-up item past its due date',
    'review-waiting': 'Comments waiting for review',
    'moderation-request': 'Closed-quarter moderation requests',
    'units-below-threshold': 'Units below the threshold',
    'evidence-lock-reminder': 'Reminder to lock evidence when a quarter closes',
    'lapor-handoff-due': 'SP4N-LAPOR! hand-off due or overdue',
  },
  frequencies: { immediately: 'Immediately', daily: 'Daily', weekly: 'Weekly', off: 'Off' },
  subjectWeekly: (unit, from, to) => `Weekly digest for ${unit}: ${from} – ${to}`,
  subjectDaily: (unit, date) => `Daily digest for ${unit}: ${date}`,
  covers: (from, to) => `This digest covers ${from} to ${to}.`,
  scoresHeading: (quarter) => `The open quarter's scores (${quarter})`,
  ikm: 'IKM',
  noIkm: (k) => `none yet (fewer than ${k} ratings)`,
  change: 'Change from the last quarter',
  noChange: 'cannot be compared',
  ratingsInQuarter: 'Ratings this quarter',
  ratingsInWindow: 'Ratings in the digest’s dates',
  weakest: 'Weakest element',
  noWeakest: 'none yet',
  workHeading: 'Waiting for you',
  commentsWaiting: 'Comments waiting for a reply',
  oldestWaiting: (days, date) => `The oldest has waited ${days} days (since ${date})`,
  followUpsOverdue: 'Follow-up items overdue',
  followUpsDueSoon: 'Follow-up items due within 14 days',
  kiosksWaiting: 'Kiosks waiting for approval',
  followUpItem: (problem, due) => `${problem} (due ${due})`,
  openDashboard: 'Open the dashboard',
  reasonDigest: (unit) => `You get this mail as staff of ${unit} on Rapor.`,
  formHeading: 'Mail notifications',
  formIntro: 'Choose how often you get each kind of mail. Digests go out at 07:00 local time (weekly: on Monday).',
  kindColumn: 'Kind of mail',
  save: 'Save choices',
  saved: 'Notification choices saved.',
  digestHour: 'Digests go out at 07:00 local time.',
  unsubTitle: 'Unsubscribe',
  unsubQuestion: (kind, email) => `Stop sending “${kind}” mail to ${email}?`,
  unsubButton: 'Yes, stop',
  unsubDone: (kind) => `You will not get “${kind}” mail any more.`,
  unsubAlreadyOff: (kind) => `“${kind}” mail is no longer sent to you.`,
  toPreferences: 'Manage all notifications',
  overdueSubject: (unit) => `Follow-up item overdue: ${unit}`,
  overdueText: (problem, due) => `The follow-up item “${problem}” is not done and was due on ${due}.`,
  overdueAction: 'Update the follow-up in the dashboard',
  replySubject: (unit) => `A comment waits for a reply: ${unit}`,
  replyText: (date, days) => `A comment of ${date} has had no reply for ${days} working days.`,
  replyAction: 'Reply in the dashboard',
  reviewSubject: (unit) => `A comment waits for review: ${unit}`,
  reviewText: (date, days) => `A comment of ${date} has waited ${days} working days for review (SP4N-LAPOR! asks for at most 3 working days).`,
  reviewAction: 'Review it on the evaluation page',
  reasonReviewer: 'You get this mail as a reviewer of comments (evaluator or administrator) on Rapor.',
  laporSubject: (step, overdue, unit) => `${step === 'forward' ? 'SP4N-LAPOR! hand-off' : 'SP4N-LAPOR! answer'} ${overdue ? 'overdue' : 'due today'}: ${unit}`,
  laporText: (step, since, due) => step === 'forward'
    ? `The complaint from a comment of ${since} is to be forwarded to SP4N-LAPOR! within 3 working days, by ${due}.`
    : `The agency's answer to the complaint forwarded to SP4N-LAPOR! on ${since} is due within 5 working days, by ${due}.`,
  laporAction: 'Open the evaluation page',
  reasonEvaluator: 'You get this mail as an evaluator of this unit\'s region on Rapor.',
};

export const digestWords: Record<Lang, DigestWords> = { id, en };
