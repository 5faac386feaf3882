// Words of the unit dashboard's ratings and suggestions tab, in both languages (issue 26 item 4: the staff screens' words split by screen).
import { type Lang } from './i18n';
import { scoreStrings } from './i18n-scores';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  onlyWithComment: 'Hanya yang ada saran',
  statusFilter: 'Status',
  allStatuses: 'Semua',
  statusNames: { accepted: 'Diterima', verified: 'Terverifikasi', excluded: 'Dikecualikan' } as Record<string, string>,
  show: 'Tampilkan',
  noResponses: 'Tidak ada penilaian yang cocok.',
  replyLabel: 'Tanggapan unit (tampil publik)',
  sendReply: 'Kirim tanggapan',
  hideReason: 'Alasan menyembunyikan',
  hide: 'Sembunyikan',
  restore: 'Tampilkan kembali',
  reasons: { spam: 'Spam (juga dikecualikan dari IKM)', data_pribadi: 'Data pribadi', kasar: 'Kasar', di_luar_topik: 'Di luar topik' } as Record<string, string>,
  hiddenBecause: (r: string) => `Disembunyikan: ${r}`,
  commentInReview: 'Saran ini menyebut nama orang atau dugaan pelanggaran: teksnya menunggu tinjauan evaluator wilayah atau administrator, dan unit belum dapat menanggapi atau menyembunyikannya.',
  commentWithheld: 'Saran ini ditahan oleh peninjau (evaluator wilayah atau administrator) dan tidak tampil untuk publik.',
  pendingApproval: 'Menunggu persetujuan evaluator',
  pendingSent: 'Periode ini sudah ditutup: permintaan dikirim dan menunggu persetujuan evaluator.',
  integrityLocked: 'Dikecualikan oleh pemeriksaan integritas; hanya evaluator wilayah atau administrator yang dapat mengembalikannya.',
  spamNote: 'Alasan tertulis (wajib untuk penilaian tanpa saran)',
  excludeAsSpam: 'Keluarkan dari IKM (spam)',
  reasonPrompt: '— Pilih alasan —',
  reasonRequired: 'Pilih alasan menyembunyikan terlebih dahulu.',
  confirmHide: (r: string) => `Sembunyikan saran ini dengan alasan “${r}”? Saran tidak lagi tampil untuk publik.`,
  confirmHideYes: 'Ya, sembunyikan',
  confirmExclude: 'Keluarkan penilaian ini dari IKM sebagai spam?',
  confirmExcludeYes: 'Ya, keluarkan',
};

const en: typeof id = {
  onlyWithComment: 'Only with a suggestion',
  statusFilter: 'Status',
  allStatuses: 'All',
  statusNames: { accepted: 'Accepted', verified: 'Verified', excluded: 'Excluded' },
  show: 'Show',
  noResponses: 'No ratings match.',
  replyLabel: "Unit's reply (public)",
  sendReply: 'Send reply',
  hideReason: 'Reason to hide',
  hide: 'Hide',
  restore: 'Show again',
  reasons: { spam: 'Spam (also excluded from the IKM)', data_pribadi: 'Personal data', kasar: 'Abusive', di_luar_topik: 'Off topic' },
  hiddenBecause: (r: string) => `Hidden: ${r}`,
  commentInReview: "This suggestion names a person or alleges misconduct: its text waits for review by the region's evaluator or an administrator, and the unit cannot reply to it or hide it yet.",
  commentWithheld: 'A reviewer (the region’s evaluator or an administrator) withheld this suggestion; it is not shown to the public.',
  pendingApproval: 'Waiting for an evaluator’s approval',
  pendingSent: 'This period is closed: the request was sent and waits for an evaluator’s approval.',
  integrityLocked: 'Held back by the integrity checks; only an evaluator of the region or an administrator can put it back.',
  spamNote: 'Written reason (required for a rating without a suggestion)',
  excludeAsSpam: 'Exclude from the IKM (spam)',
  reasonPrompt: '— Choose a reason —',
  reasonRequired: 'Choose the reason to hide it first.',
  confirmHide: (r: string) => `Hide this suggestion as “${r}”? It will no longer be shown to the public.`,
  confirmHideYes: 'Yes, hide it',
  confirmExclude: 'Exclude this rating from the IKM as spam?',
  confirmExcludeYes: 'Yes, exclude it',
};

/** The score pages' words, the shared staff words and this screen's own. */
export function dasborResponsesStrings(lang: Lang) {
  return { ...scoreStrings(lang), ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
