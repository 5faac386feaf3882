// Words of the account security page (/akun), in both languages (issue 26 item 4: the staff screens' words split by screen).
import { strings, type Lang } from './i18n';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  accountTitle: 'Keamanan akun',
  twoFactorHeading: 'Verifikasi dua langkah',
  twoFactorIntro: 'Selain kata sandi, masuk meminta kode 6 angka dari aplikasi autentikator di ponsel Anda (misalnya Google Authenticator, Microsoft Authenticator, Aegis atau FreeOTP). Orang yang mengetahui kata sandi Anda tetap tidak bisa masuk.',
  twoFactorOn: (date: string) => `Aktif sejak ${date}.`,
  twoFactorOff: 'Belum aktif.',
  twoFactorRequiredNotice: 'Administrator wajib memakai verifikasi dua langkah. Aktifkan dulu sebelum membuka halaman lain.',
  twoFactorUnavailable: 'Verifikasi dua langkah tersedia untuk akun evaluator dan administrator.',
  startSetup: 'Aktifkan verifikasi dua langkah',
  setupPasswordIntro: 'Untuk memastikan ini Anda, masukkan kata sandi Anda saat ini.',
  scanStep: '1. Pindai kode QR ini dengan aplikasi autentikator.',
  qrAlt: 'Kode QR untuk aplikasi autentikator',
  manualKey: 'Tidak bisa memindai? Masukkan kunci ini secara manual:',
  confirmStep: '2. Masukkan kode 6 angka yang muncul di aplikasi.',
  confirm: 'Aktifkan',
  enabledDone: 'Verifikasi dua langkah sudah aktif.',
  recoveryHeading: 'Kode pemulihan',
  recoveryIntro: 'Simpan kode ini di tempat aman (cetak atau tulis di kertas). Setiap kode hanya bisa dipakai sekali untuk masuk bila ponsel Anda hilang. Kode ini hanya ditampilkan sekali ini.',
  recoveryLeft: (n: number) => `Sisa kode pemulihan: ${n}.`,
  recoverySaved: 'Saya sudah menyimpan kode ini',
  disableHeading: 'Matikan verifikasi dua langkah',
  disableIntro: 'Masukkan kata sandi atau kode dari aplikasi autentikator.',
  disableTwoFactor: 'Matikan',
  disabledDone: 'Verifikasi dua langkah dimatikan.',
  passwordOrCode: 'Isi kata sandi atau kode.',
  wrongPassword: 'Kata sandi salah.',
  backToWork: 'Kembali ke halaman kerja',
};

const en: typeof id = {
  accountTitle: 'Account security',
  twoFactorHeading: 'Two-step verification',
  twoFactorIntro: 'Besides the password, signing in asks for a 6-digit code from an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, Aegis or FreeOTP). Someone who knows your password still cannot sign in.',
  twoFactorOn: (date: string) => `On since ${date}.`,
  twoFactorOff: 'Not on yet.',
  twoFactorRequiredNotice: 'Administrators must use two-step verification. Turn it on before opening other pages.',
  twoFactorUnavailable: 'Two-step verification is available to evaluator and administrator accounts.',
  startSetup: 'Turn on two-step verification',
  setupPasswordIntro: 'To make sure it is you, enter your current password.',
  scanStep: '1. Scan this QR code with the authenticator app.',
  qrAlt: 'QR code for the authenticator app',
  manualKey: 'Cannot scan? Enter this key by hand:',
  confirmStep: '2. Enter the 6-digit code the app shows.',
  confirm: 'Turn on',
  enabledDone: 'Two-step verification is on.',
  recoveryHeading: 'Recovery codes',
  recoveryIntro: 'Keep these codes somewhere safe (print them or write them down). Each code signs you in once if your phone is lost. They are shown only this once.',
  recoveryLeft: (n: number) => `Recovery codes left: ${n}.`,
  recoverySaved: 'I have saved these codes',
  disableHeading: 'Turn off two-step verification',
  disableIntro: 'Enter your password or a code from the authenticator app.',
  disableTwoFactor: 'Turn off',
  disabledDone: 'Two-step verification is off.',
  passwordOrCode: 'Enter the password or a code.',
  wrongPassword: 'The password is wrong.',
  backToWork: 'Back to your work page',
};

/** The site's common words, the shared staff words and this screen's own. */
export function dasborAccountStrings(lang: Lang) {
  return { ...strings(lang), ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
