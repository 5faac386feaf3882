// What a failed request means, in words (issue 17 item 5): offline, signed out, forbidden, missing, too many, server
// trouble. Only a request that never reached the server is the reader's connection; a 503 is the server's.
// Kept apart from api.ts so the rating page, which words its own errors, does not carry it.
import type { Lang } from '../../core/i18n/i18n';

export interface Failure {
  status: number;
  retryAfter?: number | undefined;
}

const id = {
  offline: 'Server tidak dapat dihubungi. Periksa sambungan internet Anda, lalu coba lagi.',
  signedOut: 'Sesi Anda sudah berakhir. Masuk lagi, lalu coba lagi.',
  forbidden: 'Akun ini tidak berhak membuka data ini.',
  notFound: 'Data ini tidak ditemukan: mungkin sudah dihapus, atau alamatnya salah.',
  tooMany: (seconds?: number) => `Terlalu banyak permintaan. Tunggu ${seconds ? `${seconds} detik` : 'sebentar'}, lalu coba lagi.`,
  server: (status: number) => `Server sedang bermasalah (kode ${status}), bukan sambungan internet Anda. Coba lagi beberapa saat lagi.`,
  refused: (status: number) => `Permintaan ini tidak dapat diproses (kode ${status}).`,
};

const en: typeof id = {
  offline: 'The server could not be reached. Check your internet connection, then try again.',
  signedOut: 'Your session has ended. Sign in again, then try again.',
  forbidden: 'This account may not open this data.',
  notFound: 'This was not found: it may have been removed, or the address is wrong.',
  tooMany: (seconds?: number) => `Too many requests. Wait ${seconds ? `${seconds} seconds` : 'a moment'}, then try again.`,
  server: (status: number) => `The server is having trouble (code ${status}); your connection is fine. Try again in a little while.`,
  refused: (status: number) => `This request could not be processed (code ${status}).`,
};

/** The sentence that tells a reader what went wrong with a request (status 0: it never reached the server). */
export function failureText(lang: Lang, failure: Failure): string {
  const t = lang === 'en' ? en : id;
  const { status } = failure;
  if (status === 0) return t.offline;
  if (status === 401) return t.signedOut;
  if (status === 403) return t.forbidden;
  if (status === 404 || status === 410) return t.notFound;
  if (status === 429) return t.tooMany(failure.retryAfter);
  if (status >= 500) return t.server(status);
  return t.refused(status);
}
