// Words of the unit dashboard's follow-up tab (follow-up items and the survey's publication), in both languages (issue 26 item 4: the staff screens' words split by screen).
import { type Lang } from './i18n';
import { scoreStrings } from './i18n-scores';
import { dasborCommonStrings } from './i18n-dasbor-common';

const id = {
  suggestionsHeading: 'Usulan dari unsur terlemah',
  useSuggestion: 'Pakai usulan ini',
  newFollowUp: 'Tambah rencana tindak lanjut',
  noElement: 'Tidak terkait unsur',
  progress: 'Kemajuan (%)',
  evidenceUrl: 'Tautan bukti (tidak wajib)',
  evidenceFile: 'Berkas bukti (PDF atau gambar, maks. 5 MB)',
  upload: 'Unggah',
  uploaded: 'Bukti tersimpan.',
  evidenceCount: (n: number) => `${n} berkas bukti`,
  markStarted: 'Mulai dikerjakan',
  publicationsHeading: 'Publikasi hasil survei',
  publicationsIntro: 'Catat setiap media tempat hasil SKM dipublikasikan, dengan tautan ke foto atau tangkapan layar. Papan kepatuhan menghitung media dari catatan ini.',
  medium: 'Media',
  mediaNames: { print: 'Cetak (poster, brosur)', electronic: 'Elektronik (TV, monitor, kios)', social: 'Media sosial', website: 'Situs web', app: 'Aplikasi', billboard: 'Baliho / papan reklame' } as Record<string, string>,
  publishedOn: 'Tanggal publikasi',
  publicationEvidence: 'Tautan bukti (foto atau tangkapan layar)',
  note: 'Catatan (tidak wajib)',
  record: 'Catat',
  noPublications: 'Belum ada publikasi tercatat tahun ini.',
  update: 'Perbarui',
};

const en: typeof id = {
  suggestionsHeading: 'Suggestions from the weakest elements',
  useSuggestion: 'Use this suggestion',
  newFollowUp: 'Add a follow-up item',
  noElement: 'No particular element',
  progress: 'Progress (%)',
  evidenceUrl: 'Evidence link (optional)',
  evidenceFile: 'Evidence file (PDF or image, at most 5 MB)',
  upload: 'Upload',
  uploaded: 'Evidence saved.',
  evidenceCount: (n: number) => `${n} evidence file${n === 1 ? '' : 's'}`,
  markStarted: 'Start work',
  publicationsHeading: 'Publishing the survey results',
  publicationsIntro: 'Record each medium the SKM results were published on, with a link to a photo or screenshot. The compliance board counts media from these records.',
  medium: 'Medium',
  mediaNames: { print: 'Print (poster, leaflet)', electronic: 'Electronic (TV, monitor, kiosk)', social: 'Social media', website: 'Website', app: 'App', billboard: 'Billboard' },
  publishedOn: 'Date published',
  publicationEvidence: 'Evidence link (photo or screenshot)',
  note: 'Note (optional)',
  record: 'Record',
  noPublications: 'No publication recorded this year yet.',
  update: 'Update',
};

/** The score pages' words, the shared staff words and this screen's own. */
export function dasborFollowUpsStrings(lang: Lang) {
  return { ...scoreStrings(lang), ...dasborCommonStrings(lang), ...(lang === 'en' ? en : id) };
}
