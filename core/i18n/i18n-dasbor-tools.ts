// Words of the unit dashboard's counter tools tab and its print pages (/dasbor/poster, /dasbor/kode), in both languages (issue 26 item 4: the staff screens' words split by screen).
import { type Lang } from './i18n';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  posterHeading: 'Poster QR untuk loket',
  posterIntro: 'Cetak dan tempel di loket. Warga memindai kode untuk menilai layanan.',
  printPoster: 'Buka halaman cetak poster',
  codesHeading: 'Kode kunjungan sekali pakai',
  codesIntro: 'Berikan satu kode per kunjungan. Penilaian dengan kode tercatat sebagai terverifikasi.',
  howMany: 'Jumlah kode',
  issueCodes: 'Buat kode',
  unusedCodes: (n: number) => `${n} kode belum dipakai`,
  printCodes: 'Buka lembar cetak kode',
  // Moderation approvals and anonymity (docs/decisions/021-closed-periods.md).
  codesUsed: (used: number, issued: number) => `${used} dari ${issued} kode sudah dipakai`,
  codesPrivacy: 'Kapan dan untuk penilaian mana sebuah kode dipakai tidak ditampilkan, agar penilai tetap anonim. Waktu penilaian juga hanya ditampilkan per hari.',
  kiosksHeading: 'Perangkat kios',
  kioskName: 'Nama perangkat',
  registerKiosk: 'Daftarkan kios',
  kioskToken: 'Token kios (hanya ditampilkan sekali; masukkan di perangkat kios)',
  revoke: 'Cabut',
  revoked: 'dicabut',
};

const en: typeof id = {
  posterHeading: 'QR poster for the counter',
  posterIntro: 'Print it and put it up at the counter. Residents scan the code to rate the service.',
  printPoster: 'Open the poster print page',
  codesHeading: 'One-time visit codes',
  codesIntro: 'Give one code per visit. Ratings with a code are recorded as verified.',
  howMany: 'Number of codes',
  issueCodes: 'Issue codes',
  unusedCodes: (n: number) => `${n} unused codes`,
  printCodes: 'Open the code print sheet',
  // Moderation approvals and anonymity (docs/decisions/021-closed-periods.md).
  codesUsed: (used: number, issued: number) => `${used} of ${issued} codes used`,
  codesPrivacy: 'When a code was used, and by which rating, is not shown, so raters stay anonymous. Rating times are shown by day only.',
  kiosksHeading: 'Kiosk devices',
  kioskName: 'Device name',
  registerKiosk: 'Register kiosk',
  kioskToken: 'Kiosk token (shown only once; enter it on the kiosk device)',
  revoke: 'Revoke',
  revoked: 'revoked',
};

/** The shared staff words and this screen's own. */
export function dasborToolsStrings(lang: Lang) {
  return { ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
