// Strings of the integrity administration (kiosk approvals, the ASN permit setting) and the staff's kiosk status.
import type { Lang } from './i18n';

const id = {
  heading: 'Integritas penilaian',
  pendingKiosks: 'Kios menunggu persetujuan',
  noPendingKiosks: 'Tidak ada kios yang menunggu persetujuan.',
  approve: 'Setujui',
  approved: 'Kios disetujui.',
  kioskCapHeading: 'Batas kios tanpa persetujuan per unit',
  kioskCapIntro: 'Petugas unit dapat mendaftarkan kios sebanyak batas ini tanpa menunggu persetujuan administrator (0: setiap kios menunggu).',
  unitSlug: 'Slug unit',
  kioskCap: 'Batas kios',
  save: 'Simpan',
  saved: 'Tersimpan.',
  verifiedOnly: 'Indikator izin dalam bukti kinerja ASN hanya menghitung laporan yang terverifikasi kode kunjungan',
  failed: 'Gagal menyimpan. Periksa isian lalu coba lagi.',
  kioskPending: 'menunggu persetujuan administrator',
  kioskApproved: 'aktif',
  permitExclusionsHeading: 'Laporan waktu izin yang ditahan',
  kioskShareHeading: 'Porsi penilaian dari kios',
  kioskColumn: 'Dari kios / semua yang dihitung',
  shareColumn: 'Porsi',
  none: 'Tidak ada.',
  noKiosk: 'Tidak ada penilaian dari kios pada periode ini.',
};

const en: typeof id = {
  heading: 'Rating integrity',
  pendingKiosks: 'Kiosks waiting for approval',
  noPendingKiosks: 'No kiosk is waiting for approval.',
  approve: 'Approve',
  approved: 'Kiosk approved.',
  kioskCapHeading: 'Kiosks a unit may register without approval',
  kioskCapIntro: "A unit's staff may register this many kiosks without waiting for an administrator (0: every kiosk waits).",
  unitSlug: 'Unit slug',
  kioskCap: 'Kiosk cap',
  save: 'Save',
  saved: 'Saved.',
  verifiedOnly: 'Permit indicators of the ASN performance evidence count only reports verified with a visit code',
  failed: 'Could not save. Check the fields and try again.',
  kioskPending: 'waiting for an administrator\'s approval',
  kioskApproved: 'active',
  permitExclusionsHeading: 'Held-back permit time reports',
  kioskShareHeading: 'Share of ratings from kiosks',
  kioskColumn: 'From kiosks / all counted',
  shareColumn: 'Share',
  none: 'None.',
  noKiosk: 'No ratings from kiosks in this period.',
};

export function integrityStrings(lang: Lang) {
  return lang === 'en' ? en : id;
}
