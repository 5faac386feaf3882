// Issue 15, finding 14: a comment that names a person or alleges misconduct waits for review by someone outside the
// unit before its text is published (decision 019). The heuristic errs towards review; plain praise and complaints
// about the service are published at once.
import { describe, expect, it } from 'vitest';
import { commentReviewNeeded } from '../../core/domain/comment-review.ts';

const namesPerson = [
  'Pak Budi di loket 3 sangat lambat',
  'Bu Sari ramah sekali, terima kasih',
  'dilayani ibu Rina dengan baik',
  'mas Andi yang jaga parkir kasar',
  'Petugas bernama Joko tidak sopan',
  'petugas yg namanya Dewi sering main HP',
  'oknum Rudi di bagian arsip',
  'Sdr. Hendra tidak ada di tempat',
  'Bapak Wahyu kepala seksi',
  'pak budi lama sekali melayani',
  'Mbak Lina di loket informasi',
  'dilayani Pak B. di loket 2',
  'berkas atas nama Siti Aminah belum jadi',
  'yang melayani NIP 198501012010011001',
  'ＰＡＫ　ＢＵＤＩ di loket',
  // A common given name alone (issue 25 item 9, decision 047).
  'Budi ramah',
  'terima kasih siti sudah membantu',
  'yang di loket 2, Dewi, cepat sekali',
];

const allegesMisconduct = [
  'ada pungli di loket 3',
  'pungutan liar untuk KTP',
  'petugas minta uang 50 ribu',
  'saya dimintai uang 100rb supaya cepat',
  'dimintai biaya padahal gratis',
  'harus kasih uang pelicin',
  'lewat calo lebih cepat',
  'banyak percaloan di sini',
  'disuruh kasih amplop',
  'katanya uang rokok',
  'itu namanya pemerasan',
  'petugas disuap biar cepat',
  'harus nyogok dulu',
  'p u n g l i merajalela',
  'ada pung-li',
  'bayar uang damai ke petugas',
  'petugas meminta imbalan',
];

const publishAtOnce = [
  'Pelayanan bagus, terima kasih!',
  'Antrian terlalu lama, mohon tambah loket',
  'Terima kasih Bapak/Ibu petugas',
  'Terima kasih bapak ibu petugas semua',
  'petugas ramah dan cepat',
  'prioritaskan ibu hamil dan lansia',
  'ruang tunggu panas, pak',
  'Pak, tolong AC diperbaiki',
  'Pelayanan pak camat sangat baik',
  'Bu guru yang mengantar anaknya dilayani cepat',
  'persyaratan berkas dimasukkan ke map',
  'calon pengantin dilayani dengan baik',
  'biaya sesuai tarif resmi Rp 50.000',
  'dimintai fotokopi KK dua lembar',
  'Ibu Kota Nusantara',
  'jam layanan 08.00-16.00 WITA',
  'Pelayanan bagus, ruangannya indah dan bersih',
  'ramai sekali menjelang Idul Fitri, hari Senin paling padat',
];

describe('commentReviewNeeded', () => {
  it.each(namesPerson)('holds %j back: it names a person', (text) => {
    expect(commentReviewNeeded(text)).toEqual({ review: true, reasons: ['names_person'] });
  });

  it.each(allegesMisconduct)('holds %j back: it alleges misconduct', (text) => {
    expect(commentReviewNeeded(text)).toEqual({ review: true, reasons: ['alleges_misconduct'] });
  });

  it('gives both reasons for the comment of the issue', () => {
    expect(commentReviewNeeded('Pak Budi di loket 3 minta uang 50 ribu')).toEqual({ review: true, reasons: ['names_person', 'alleges_misconduct'] });
  });

  it.each(publishAtOnce)('publishes %j at once', (text) => {
    expect(commentReviewNeeded(text)).toEqual({ review: false, reasons: [] });
  });

  it('needs no review without a comment', () => {
    expect(commentReviewNeeded(null)).toEqual({ review: false, reasons: [] });
    expect(commentReviewNeeded('   ')).toEqual({ review: false, reasons: [] });
  });
});
