// Words of "a resident hears back" (issue 27 item 4, docs/decisions/063-reply-subscriptions.md): the form on the receipt
// page and the thank-you screen, its answers, and the one mail sent when the unit replies. The mail names no unit
// staff, quotes no comment or reply and says nothing about the resident: it only points to the receipt.
import type { Lang } from './lang.ts';

const id = {
  heading: 'Kabari saya bila unit menanggapi',
  intro: 'Tinggalkan alamat email untuk menerima satu surel saat unit menanggapi saran Anda. Alamat ini disimpan terpisah dari penilaian, tidak terlihat oleh unit, dipakai sekali, lalu dihapus (paling lama 90 hari).',
  emailLabel: 'Alamat email',
  submit: 'Kabari saya',
  subscribed: 'Terima kasih. Kami akan mengirim satu surel ke alamat yang Anda tinggalkan saat unit menanggapi, lalu menghapus alamat itu.',
  errEmail: 'Masukkan alamat email yang benar, misalnya nama@contoh.id.',
  errThrottled: 'Terlalu banyak permintaan dari sambungan ini. Coba lagi nanti.',
  errNotPossible: 'Saran ini tidak dapat ditanggapi lagi, jadi tidak ada kabar yang dapat dikirim.',
  errServer: 'Alamat belum tersimpan. Coba lagi.',
  errorSummaryTitle: 'Ada masalah',
  mailSubject: 'Unit menanggapi saran Anda',
  mailHeading: 'Ada tanggapan atas saran Anda',
  mailBody: 'Unit layanan yang Anda nilai telah menanggapi saran Anda. Tanggapannya dapat dibaca pada tanda terima penilaian Anda.',
  mailAction: 'Lihat tanggapan',
  mailReason: 'Anda menerima surel ini karena meninggalkan alamat email pada tanda terima penilaian. Alamat itu sudah kami hapus; surel lain tidak akan dikirim.',
};

const en: typeof id = {
  heading: 'Tell me when the unit replies',
  intro: 'Leave an email address to receive one mail when the unit replies to your suggestion. The address is kept apart from your rating, never shown to the unit, used once and then deleted (after 90 days at most).',
  emailLabel: 'Email address',
  submit: 'Tell me',
  subscribed: 'Thank you. We will send one mail to the address you left when the unit replies, then delete the address.',
  errEmail: 'Enter a valid email address, such as name@example.com.',
  errThrottled: 'Too many requests from this connection. Please try again later.',
  errNotPossible: 'This suggestion can no longer get a reply, so there is nothing to tell you.',
  errServer: 'The address was not saved. Please try again.',
  errorSummaryTitle: 'There is a problem',
  mailSubject: 'The unit replied to your suggestion',
  mailHeading: 'Your suggestion has a reply',
  mailBody: 'The service unit you rated has replied to your suggestion. You can read the reply on your rating receipt.',
  mailAction: 'See the reply',
  mailReason: 'You receive this mail because you left an email address on your rating receipt. We have deleted that address; no other mail will be sent.',
};

export type ReplyNoticeStrings = typeof id;

export function replyNoticeStrings(lang: Lang): ReplyNoticeStrings {
  return lang === 'en' ? en : id;
}
