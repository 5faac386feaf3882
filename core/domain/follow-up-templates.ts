// Follow-up plan items (RTL, DOMAIN.md §7) proposed for an element that scores low, as units write them after an
// SKM period. Staff edit them before publishing; the seed uses them as they are.
import type { ElementCode } from './skm.ts';

export const FOLLOW_UP_TEMPLATES: Record<ElementCode, { problem: string; action: string; responsible: string }> = {
  U1: { problem: 'Persyaratan di loket berbeda dengan yang diumumkan.', action: 'Memutakhirkan daftar persyaratan di papan informasi dan situs web, lalu membekali petugas loket.', responsible: 'Kepala Bidang Pelayanan' },
  U2: { problem: 'Prosedur dinilai berbelit dan berpindah-pindah meja.', action: 'Menyederhanakan alur menjadi satu loket dan memasang bagan alur di ruang tunggu.', responsible: 'Kepala Bidang Pelayanan' },
  U3: { problem: 'Waktu tunggu dan penyelesaian dinilai lambat.', action: 'Menambah loket pada jam sibuk dan menerapkan antrean daring dengan perkiraan waktu.', responsible: 'Kepala Bidang Pelayanan' },
  U4: { problem: 'Informasi biaya/tarif tidak jelas bagi pengguna.', action: 'Memasang maklumat biaya dan tarif resmi di setiap loket dan di situs web.', responsible: 'Sekretaris' },
  U5: { problem: 'Produk layanan belum sesuai standar pelayanan yang dipublikasikan.', action: 'Meninjau standar pelayanan bersama perwakilan pengguna layanan.', responsible: 'Sekretaris' },
  U6: { problem: 'Petugas belum menguasai semua jenis layanan.', action: 'Pelatihan teknis bergilir untuk petugas loket setiap triwulan.', responsible: 'Kepala Subbagian Umum dan Kepegawaian' },
  U7: { problem: 'Sebagian pengguna menilai petugas kurang ramah.', action: 'Pelatihan pelayanan prima dan penilaian singkat per loket.', responsible: 'Kepala Subbagian Umum dan Kepegawaian' },
  U8: { problem: 'Pengaduan belum ditindaklanjuti secara terbuka.', action: 'Membuka kanal pengaduan resmi dan menjawab setiap pengaduan dalam tiga hari kerja.', responsible: 'Sekretaris' },
  U9: { problem: 'Ruang tunggu panas dan kursi kurang.', action: 'Pengadaan kursi tambahan dan pendingin ruangan di ruang tunggu.', responsible: 'Kepala Subbagian Umum dan Kepegawaian' },
};
