// Words of the API token section of the account page (/akun) and its plain HTML form (issue 27 item 6,
// docs/decisions/065-api-tokens.md), in both languages.
import type { Lang } from './i18n';

const id = {
  heading: 'Token API untuk sistem lain',
  intro: 'Token API membiarkan sistem lain (dasbor pemda, alat BI, sistem kepegawaian) membaca data yang boleh Anda baca, dengan header Authorization: Bearer. Token hanya bisa membaca: tidak bisa mengubah apa pun dan tidak bisa membuat atau mencabut token.',
  listHeading: 'Token aktif',
  none: 'Belum ada token aktif.',
  name: 'Nama',
  created: 'Dibuat',
  expires: 'Berlaku sampai',
  lastUsed: 'Terakhir dipakai',
  never: 'Belum pernah',
  noExpiry: 'Tanpa batas',
  action: 'Tindakan',
  revoke: 'Cabut',
  revokeLabel: (name: string) => `Cabut token ${name}`,
  createHeading: 'Buat token baru',
  nameHint: 'Untuk apa token ini, misalnya "Dasbor Bappeda".',
  expiresField: 'Berlaku sampai (opsional)',
  expiresHint: 'Token berhenti bekerja setelah tanggal ini (akhir hari, WIB). Kosongkan bila tanpa batas; Anda tetap bisa mencabutnya kapan saja.',
  password: 'Kata sandi Anda saat ini',
  passwordHint: 'Untuk memastikan ini Anda.',
  create: 'Buat token',
  createdHeading: 'Token baru Anda',
  createdIntro: 'Salin token ini sekarang dan simpan di sistem yang memakainya. Token ini hanya ditampilkan sekali ini: Rapor hanya menyimpan sidiknya dan tidak bisa menampilkannya lagi.',
  createdUsage: 'Pakai sebagai header:',
  errorSummary: 'Token belum dibuat:',
  fields: {
    name: 'Isi nama token (paling banyak 80 karakter).',
    expiresAt: 'Isi tanggal yang akan datang (paling lama 5 tahun lagi), atau kosongkan.',
    password: 'Isi kata sandi Anda saat ini.',
  } as Record<string, string>,
  wrongPassword: 'Kata sandi salah.',
  limit: 'Akun ini sudah memiliki 20 token aktif. Cabut token yang tidak dipakai lagi.',
  throttled: 'Terlalu banyak percobaan. Coba lagi beberapa saat lagi.',
  failed: 'Token tidak bisa dibuat. Coba lagi.',
  signIn: 'Masuk untuk mengelola token API.',
};

const en: typeof id = {
  heading: 'API tokens for other systems',
  intro: 'An API token lets another system (the local government\'s dashboard, a BI tool, the HR system) read the data you may read, with an Authorization: Bearer header. A token only reads: it cannot change anything, and cannot create or revoke tokens.',
  listHeading: 'Active tokens',
  none: 'No active tokens yet.',
  name: 'Name',
  created: 'Created',
  expires: 'Valid until',
  lastUsed: 'Last used',
  never: 'Never',
  noExpiry: 'No expiry',
  action: 'Action',
  revoke: 'Revoke',
  revokeLabel: (name: string) => `Revoke token ${name}`,
  createHeading: 'Create a new token',
  nameHint: 'What the token is for, for example "Bappeda dashboard".',
  expiresField: 'Valid until (optional)',
  expiresHint: 'The token stops working after this date (end of day, WIB). Leave empty for no expiry; you can revoke it at any time.',
  password: 'Your current password',
  passwordHint: 'To make sure it is you.',
  create: 'Create token',
  createdHeading: 'Your new token',
  createdIntro: 'Copy this token now and keep it in the system that uses it. It is shown only this once: Rapor keeps only its fingerprint and cannot show it again.',
  createdUsage: 'Use it as the header:',
  errorSummary: 'The token was not created:',
  fields: {
    name: 'Give the token a name (at most 80 characters).',
    expiresAt: 'Give a date in the future (at most 5 years ahead), or leave it empty.',
    password: 'Enter your current password.',
  },
  wrongPassword: 'The password is not right.',
  limit: 'This account already has 20 active tokens. Revoke the ones no longer used.',
  throttled: 'Too many attempts. Try again in a while.',
  failed: 'The token could not be created. Try again.',
  signIn: 'Sign in to manage API tokens.',
};

export function tokenStrings(lang: Lang): typeof id {
  return lang === 'en' ? en : id;
}

/** An instant of a token's life (created, valid until, last used) as a reader on /akun reads it, in WIB. */
export function tokenTime(lang: Lang, iso: string): string {
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
  return `${text} WIB`;
}
