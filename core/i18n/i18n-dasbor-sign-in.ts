// Words of the sign-in page (/masuk), in both languages (issue 26 item 4: the staff screens' words split by screen).
import { strings, type Lang } from './i18n';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  signInTitle: 'Masuk',
  signInIntro: 'Untuk petugas unit layanan, evaluator dan administrator. Warga tidak perlu akun untuk memberi penilaian.',
  signIn: 'Masuk',
  signingIn: 'Memeriksa…',
  signInFailed: 'Email atau kata sandi salah.',
  codeStepIntro: 'Buka aplikasi autentikator di ponsel Anda dan masukkan kode 6 angka untuk Rapor. Ponsel tidak ada? Masukkan salah satu kode pemulihan.',
  verify: 'Verifikasi',
  codeExpired: 'Waktu untuk memasukkan kode sudah habis. Masukkan email dan kata sandi lagi.',
  startOver: 'Mulai lagi',
  demoNote: (pw: string) => `Mode demo: masuk sebagai admin@demo.rapor.id, evaluator@demo.rapor.id, evaluator.gorontalo@demo.rapor.id, atau staff.{slug-unit}@demo.rapor.id (misalnya staff.dpmptsp-kota-gorontalo@demo.rapor.id). Kata sandi semua akun demo: ${pw}`,
};

const en: typeof id = {
  signInTitle: 'Sign in',
  signInIntro: 'For service unit staff, evaluators and administrators. Residents need no account to rate.',
  signIn: 'Sign in',
  signingIn: 'Checking…',
  signInFailed: 'The email or password is not right.',
  codeStepIntro: 'Open the authenticator app on your phone and enter the 6-digit code for Rapor. Phone not at hand? Enter one of your recovery codes.',
  verify: 'Verify',
  codeExpired: 'The time to enter the code has run out. Enter your email and password again.',
  startOver: 'Start again',
  demoNote: (pw: string) => `Demo mode: sign in as admin@demo.rapor.id, evaluator@demo.rapor.id, evaluator.gorontalo@demo.rapor.id, or staff.{unit-slug}@demo.rapor.id (for example staff.dpmptsp-kota-gorontalo@demo.rapor.id). Every demo account's password: ${pw}`,
};

/** The site's common words, the shared staff words and this screen's own. */
export function dasborSignInStrings(lang: Lang) {
  return { ...strings(lang), ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
