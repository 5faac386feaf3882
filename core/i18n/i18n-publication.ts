// Words of the publication kit in the workspace and the admin page (issue 18 item 2).
import type { Lang } from './i18n';

const id = {
  kitHeading: 'Publikasi hasil',
  kitIntro: 'Terbitkan hasil survei di beberapa media: setiap penggunaan tercatat sebagai bukti publikasi.',
  resultsPoster: 'Unduh poster hasil (PDF A4)',
  screen: 'Layar ruang tunggu',
  widget: 'Widget untuk situs web',
  badge: 'Lencana SVG',
  archive: 'Arsip publik',
  embedHint: 'Kode untuk disalin ke situs web:',
  framesHeading: 'Situs yang boleh memasang widget',
  framesIntro: 'Satu origin per baris, misalnya https://gorontalokota.go.id. Widget ditolak di situs lain.',
  framesUnit: 'Unit',
  framesOrigins: 'Origin yang diizinkan',
  framesSave: 'Simpan daftar origin',
  saved: 'Tersimpan.',
  choose: 'Pilih',
  archiveLink: 'Arsip hasil semua periode',
};

const en: typeof id = {
  kitHeading: 'Publishing the results',
  kitIntro: 'Publish the survey results on several media: each use is logged as evidence of publication.',
  resultsPoster: 'Download the results poster (A4 PDF)',
  screen: 'Waiting-room screen',
  widget: 'Widget for a website',
  badge: 'SVG badge',
  archive: 'Public archive',
  embedHint: 'Code to paste into a website:',
  framesHeading: 'Sites allowed to embed the widget',
  framesIntro: 'One origin per line, such as https://gorontalokota.go.id. Other sites are refused.',
  framesUnit: 'Unit',
  framesOrigins: 'Allowed origins',
  framesSave: 'Save the origins',
  saved: 'Saved.',
  choose: 'Choose',
  archiveLink: 'Results of every period (archive)',
};

export function publicationStrings(lang: Lang) {
  return lang === 'en' ? en : id;
}
