// The demo world of DESIGN.md "Demo data": three regions from the seed documents, real kinds of service units,
// their services with published completion times, and the 2025–2026 holiday calendar (DOMAIN.md §6).
// Region codes follow BPS (province 2 digits, kota/kabupaten 4); the kecamatan code is illustrative. Kemendagri codes
// (open data) agree with BPS down to kabupaten/kota; Plaju's is left unset rather than guessed.

export interface SeedRegion { code: string; name: string; kind: string; timezone: string; parentCode: string | null; kemendagriCode: string | null }
export interface SeedService {
  slug: string;
  name: string;
  isPermit: boolean;
  sla: { value: number; unit: 'working_days' | 'calendar_days' | 'hours' | 'minutes'; startsAt: string } | null;
  /** Relative share of the unit's visits. */
  weight: number;
  /**
   * Not a permit, but the demo once took it for one (issue 25 item 11): the seed still draws the permit reports it drew
   * for it and throws them away, so that every other unit's ratings and reports stay exactly as they were.
   */
  formerPermitDraws?: true;
}
export interface SeedUnit {
  slug: string;
  name: string;
  kind: UnitKind;
  regionCode: string;
  address: string;
  /** Expected responses over the two demo years. */
  volume: number;
  /** Latent satisfaction on the 1–4 scale, and its change per year. */
  quality: number;
  trend: number;
}

export const REGIONS: SeedRegion[] = [
  { code: '75', name: 'Provinsi Gorontalo', kind: 'provinsi', timezone: 'Asia/Makassar', parentCode: null, kemendagriCode: '75' },
  { code: '7501', name: 'Kabupaten Gorontalo', kind: 'kabupaten', timezone: 'Asia/Makassar', parentCode: '75', kemendagriCode: '75.01' },
  { code: '7571', name: 'Kota Gorontalo', kind: 'kota', timezone: 'Asia/Makassar', parentCode: '75', kemendagriCode: '75.71' },
  { code: '1671', name: 'Kota Palembang', kind: 'kota', timezone: 'Asia/Jakarta', parentCode: null, kemendagriCode: '16.71' },
  { code: '1671050', name: 'Kecamatan Plaju', kind: 'kecamatan', timezone: 'Asia/Jakarta', parentCode: '1671', kemendagriCode: null },
  { code: '15', name: 'Provinsi Jambi', kind: 'provinsi', timezone: 'Asia/Jakarta', parentCode: null, kemendagriCode: '15' },
  { code: '1571', name: 'Kota Jambi', kind: 'kota', timezone: 'Asia/Jakarta', parentCode: '15', kemendagriCode: '15.71' },
];

export type UnitKind = 'dpmptsp' | 'dukcapil' | 'samsat' | 'puskesmas' | 'rsud' | 'kecamatan' | 'kelurahan' | 'disdik';

const wd = (value: number, startsAt = 'sejak berkas dinyatakan lengkap') => ({ value, unit: 'working_days' as const, startsAt });
const min = (value: number, startsAt = 'sejak nomor antrean dipanggil') => ({ value, unit: 'minutes' as const, startsAt });

export const SERVICES_BY_KIND: Record<UnitKind, SeedService[]> = {
  dpmptsp: [
    { slug: 'penerbitan-pbg', name: 'Persetujuan Bangunan Gedung (PBG)', isPermit: true, sla: wd(28), weight: 3 },
    { slug: 'kkpr', name: 'Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)', isPermit: true, sla: wd(25), weight: 2 },
    { slug: 'nib-oss', name: 'Pendampingan Nomor Induk Berusaha (NIB) melalui OSS', isPermit: true, sla: min(60), weight: 4 },
    { slug: 'izin-praktik-nakes', name: 'Surat Izin Praktik Tenaga Kesehatan', isPermit: true, sla: wd(14), weight: 2 },
    { slug: 'izin-reklame', name: 'Izin Penyelenggaraan Reklame', isPermit: true, sla: wd(7), weight: 1 },
  ],
  dukcapil: [
    { slug: 'perekaman-ktp-el', name: 'Perekaman KTP-el', isPermit: false, sla: min(30), weight: 4 },
    { slug: 'kartu-keluarga', name: 'Penerbitan Kartu Keluarga', isPermit: false, sla: wd(1), weight: 3, formerPermitDraws: true },
    { slug: 'akta-kelahiran', name: 'Penerbitan Akta Kelahiran', isPermit: false, sla: wd(1), weight: 2, formerPermitDraws: true },
    { slug: 'surat-pindah', name: 'Surat Keterangan Pindah', isPermit: false, sla: wd(1), weight: 1, formerPermitDraws: true },
  ],
  samsat: [
    { slug: 'pkb-tahunan', name: 'Pembayaran PKB Tahunan', isPermit: false, sla: min(30), weight: 5 },
    { slug: 'stnk-lima-tahunan', name: 'Pengesahan STNK Lima Tahunan', isPermit: false, sla: min(60), weight: 2 },
    { slug: 'balik-nama', name: 'Balik Nama Kendaraan Bermotor (BBNKB)', isPermit: false, sla: wd(3), weight: 1, formerPermitDraws: true },
  ],
  puskesmas: [
    { slug: 'pemeriksaan-umum', name: 'Pemeriksaan Umum', isPermit: false, sla: min(60), weight: 5 },
    { slug: 'kia-kb', name: 'Kesehatan Ibu, Anak dan KB', isPermit: false, sla: min(60), weight: 2 },
    { slug: 'kesehatan-gigi', name: 'Kesehatan Gigi dan Mulut', isPermit: false, sla: min(60), weight: 1 },
    { slug: 'surat-keterangan-sehat', name: 'Surat Keterangan Sehat', isPermit: false, sla: min(30), weight: 1 },
  ],
  rsud: [
    { slug: 'rawat-jalan', name: 'Rawat Jalan', isPermit: false, sla: min(90, 'sejak pendaftaran'), weight: 5 },
    { slug: 'igd', name: 'Instalasi Gawat Darurat', isPermit: false, sla: min(5, 'sejak pasien tiba'), weight: 2 },
    { slug: 'rawat-inap', name: 'Rawat Inap', isPermit: false, sla: null, weight: 2 },
    { slug: 'laboratorium', name: 'Pemeriksaan Laboratorium', isPermit: false, sla: min(120, 'sejak sampel diambil'), weight: 1 },
  ],
  kecamatan: [
    { slug: 'rekomendasi-izin', name: 'Rekomendasi Izin dan Non-Perizinan', isPermit: true, sla: wd(3), weight: 2 },
    { slug: 'legalisasi-dokumen', name: 'Legalisasi Dokumen', isPermit: false, sla: min(30), weight: 3 },
    { slug: 'surat-keterangan-ahli-waris', name: 'Surat Keterangan Ahli Waris', isPermit: false, sla: wd(5), weight: 1, formerPermitDraws: true },
  ],
  kelurahan: [
    { slug: 'surat-pengantar', name: 'Surat Pengantar', isPermit: false, sla: min(30), weight: 3 },
    { slug: 'surat-keterangan-domisili', name: 'Surat Keterangan Domisili', isPermit: false, sla: wd(1), weight: 1, formerPermitDraws: true },
  ],
  disdik: [
    { slug: 'legalisir-ijazah', name: 'Legalisir Ijazah', isPermit: false, sla: wd(1), weight: 3 },
    { slug: 'izin-operasional-satuan-pendidikan', name: 'Izin Operasional Satuan Pendidikan', isPermit: true, sla: wd(14), weight: 1 },
    { slug: 'rekomendasi-mutasi-siswa', name: 'Rekomendasi Mutasi Siswa', isPermit: false, sla: wd(3), weight: 2, formerPermitDraws: true },
  ],
};

export const UNITS: SeedUnit[] = [
  // Provinsi Gorontalo (WITA)
  { slug: 'dpmptsp-provinsi-gorontalo', name: 'DPMPTSP Provinsi Gorontalo', kind: 'dpmptsp', regionCode: '75', address: 'Jl. Sapta Marga, Kota Gorontalo', volume: 1500, quality: 3.25, trend: 0.08 },
  { slug: 'samsat-kota-gorontalo', name: 'UPTD Samsat Kota Gorontalo', kind: 'samsat', regionCode: '75', address: 'Jl. Nani Wartabone, Kota Gorontalo', volume: 3000, quality: 3.05, trend: 0.12 },
  { slug: 'rsud-hasri-ainun-habibie', name: 'RSUD dr. Hasri Ainun Habibie', kind: 'rsud', regionCode: '75', address: 'Jl. Jenderal Sudirman, Limboto', volume: 1800, quality: 2.95, trend: 0.05 },
  { slug: 'disdikbud-provinsi-gorontalo', name: 'Dinas Pendidikan dan Kebudayaan Provinsi Gorontalo', kind: 'disdik', regionCode: '75', address: 'Jl. Jaksa Agung Suprapto, Kota Gorontalo', volume: 700, quality: 3.0, trend: 0.0 },
  // Kota Gorontalo
  { slug: 'dpmptsp-kota-gorontalo', name: 'DPMPTSP Kota Gorontalo', kind: 'dpmptsp', regionCode: '7571', address: 'Jl. Jenderal Sudirman, Kota Gorontalo', volume: 2400, quality: 3.62, trend: 0.1 },
  { slug: 'dukcapil-kota-gorontalo', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Gorontalo', kind: 'dukcapil', regionCode: '7571', address: 'Jl. H.B. Jassin, Kota Gorontalo', volume: 3600, quality: 3.15, trend: 0.06 },
  { slug: 'rsud-aloei-saboe', name: 'RSUD Prof. Dr. H. Aloei Saboe', kind: 'rsud', regionCode: '7571', address: 'Jl. S. Parman, Kota Gorontalo', volume: 2600, quality: 2.8, trend: 0.15 },
  { slug: 'puskesmas-kota-selatan', name: 'Puskesmas Kota Selatan', kind: 'puskesmas', regionCode: '7571', address: 'Kelurahan Biawu, Kota Selatan', volume: 1000, quality: 3.45, trend: 0.02 },
  { slug: 'puskesmas-dungingi', name: 'Puskesmas Dungingi', kind: 'puskesmas', regionCode: '7571', address: 'Kelurahan Huangobotu, Dungingi', volume: 800, quality: 3.1, trend: -0.05 },
  { slug: 'kecamatan-kota-tengah', name: 'Kantor Kecamatan Kota Tengah', kind: 'kecamatan', regionCode: '7571', address: 'Kelurahan Liluwo, Kota Tengah', volume: 450, quality: 3.2, trend: 0.0 },
  { slug: 'disdik-kota-gorontalo', name: 'Dinas Pendidikan Kota Gorontalo', kind: 'disdik', regionCode: '7571', address: 'Jl. Arif Rahman Hakim, Kota Gorontalo', volume: 600, quality: 2.95, trend: 0.04 },
  // Kabupaten Gorontalo
  { slug: 'dpmptsp-kabupaten-gorontalo', name: 'DPMPTSP Kabupaten Gorontalo', kind: 'dpmptsp', regionCode: '7501', address: 'Jl. Ahmad A. Wahab, Limboto', volume: 1300, quality: 2.9, trend: 0.2 },
  { slug: 'dukcapil-kabupaten-gorontalo', name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Gorontalo', kind: 'dukcapil', regionCode: '7501', address: 'Jl. Jenderal Sudirman, Limboto', volume: 2200, quality: 2.75, trend: 0.1 },
  { slug: 'rsud-mm-dunda-limboto', name: 'RSUD M.M. Dunda Limboto', kind: 'rsud', regionCode: '7501', address: 'Jl. Achmad A. Wahab, Limboto', volume: 1500, quality: 2.7, trend: 0.08 },
  { slug: 'puskesmas-limboto', name: 'Puskesmas Limboto', kind: 'puskesmas', regionCode: '7501', address: 'Kelurahan Kayubulan, Limboto', volume: 700, quality: 3.05, trend: 0.03 },
  { slug: 'puskesmas-telaga', name: 'Puskesmas Telaga', kind: 'puskesmas', regionCode: '7501', address: 'Desa Luhu, Telaga', volume: 35, quality: 3.2, trend: 0.0 },
  { slug: 'kecamatan-limboto', name: 'Kantor Camat Limboto', kind: 'kecamatan', regionCode: '7501', address: 'Kelurahan Hunggaluwa, Limboto', volume: 380, quality: 3.1, trend: 0.05 },
  // Kota Palembang (WIB)
  { slug: 'dpmptsp-kota-palembang', name: 'DPMPTSP Kota Palembang', kind: 'dpmptsp', regionCode: '1671', address: 'Jl. Merdeka No. 1, Palembang', volume: 2800, quality: 3.2, trend: 0.05 },
  { slug: 'dukcapil-kota-palembang', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Palembang', kind: 'dukcapil', regionCode: '1671', address: 'Jl. Merdeka, Palembang', volume: 4200, quality: 2.85, trend: 0.12 },
  { slug: 'samsat-palembang-1', name: 'UPTB Samsat Palembang I', kind: 'samsat', regionCode: '1671', address: 'Jl. POM IX, Palembang', volume: 3200, quality: 3.1, trend: 0.0 },
  { slug: 'rsud-palembang-bari', name: 'RSUD Palembang BARI', kind: 'rsud', regionCode: '1671', address: 'Jl. Panca Usaha No. 1, Seberang Ulu I', volume: 2500, quality: 3.05, trend: 0.07 },
  { slug: 'disdik-kota-palembang', name: 'Dinas Pendidikan Kota Palembang', kind: 'disdik', regionCode: '1671', address: 'Jl. Dr. Wahidin, Palembang', volume: 800, quality: 2.9, trend: -0.03 },
  { slug: 'puskesmas-sukarami', name: 'Puskesmas Sukarami', kind: 'puskesmas', regionCode: '1671', address: 'Jl. Kebun Bunga, Sukarami', volume: 900, quality: 3.0, trend: 0.06 },
  // Kecamatan Plaju
  { slug: 'kecamatan-plaju', name: 'Kantor Kecamatan Plaju', kind: 'kecamatan', regionCode: '1671050', address: 'Jl. D.I. Panjaitan, Plaju', volume: 500, quality: 3.15, trend: 0.1 },
  { slug: 'puskesmas-plaju', name: 'Puskesmas Plaju', kind: 'puskesmas', regionCode: '1671050', address: 'Jl. D.I. Panjaitan, Plaju Ulu', volume: 950, quality: 3.0, trend: 0.04 },
  { slug: 'kelurahan-bagus-kuning', name: 'Kantor Kelurahan Bagus Kuning', kind: 'kelurahan', regionCode: '1671050', address: 'Jl. Kapten Robani Kadir, Plaju', volume: 25, quality: 3.35, trend: 0.0 },
  // Provinsi Jambi (WIB)
  { slug: 'dpmptsp-provinsi-jambi', name: 'DPMPTSP Provinsi Jambi', kind: 'dpmptsp', regionCode: '15', address: 'Jl. R.M. Nur Atmadibrata, Telanaipura', volume: 1100, quality: 3.1, trend: 0.06 },
  { slug: 'samsat-kota-jambi', name: 'UPTD Samsat Kota Jambi', kind: 'samsat', regionCode: '15', address: 'Jl. Jenderal Sudirman, Kota Jambi', volume: 2600, quality: 2.95, trend: 0.1 },
  { slug: 'rsud-raden-mattaher', name: 'RSUD Raden Mattaher', kind: 'rsud', regionCode: '15', address: 'Jl. Letjen Suprapto No. 31, Telanaipura', volume: 2000, quality: 2.85, trend: 0.05 },
  { slug: 'disdik-provinsi-jambi', name: 'Dinas Pendidikan Provinsi Jambi', kind: 'disdik', regionCode: '15', address: 'Jl. A. Thalib, Telanaipura', volume: 500, quality: 2.95, trend: 0.02 },
  // Kota Jambi
  { slug: 'dpmptsp-kota-jambi', name: 'DPMPTSP Kota Jambi', kind: 'dpmptsp', regionCode: '1571', address: 'Jl. Jenderal Basuki Rachmat, Kota Baru', volume: 1600, quality: 3.3, trend: 0.04 },
  { slug: 'dukcapil-kota-jambi', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Jambi', kind: 'dukcapil', regionCode: '1571', address: 'Jl. Jenderal Basuki Rachmat, Kota Baru', volume: 3000, quality: 3.0, trend: 0.09 },
  { slug: 'puskesmas-putri-ayu', name: 'Puskesmas Putri Ayu', kind: 'puskesmas', regionCode: '1571', address: 'Jl. Kapten Pattimura, Telanaipura', volume: 800, quality: 3.25, trend: 0.02 },
  { slug: 'puskesmas-simpang-kawat', name: 'Puskesmas Simpang Kawat', kind: 'puskesmas', regionCode: '1571', address: 'Jl. Sultan Agung, Jelutung', volume: 40, quality: 2.9, trend: 0.0 },
  { slug: 'kecamatan-telanaipura', name: 'Kantor Kecamatan Telanaipura', kind: 'kecamatan', regionCode: '1571', address: 'Jl. Arief Rahman Hakim, Telanaipura', volume: 420, quality: 3.05, trend: 0.06 },
  { slug: 'kecamatan-jambi-selatan', name: 'Kantor Kecamatan Jambi Selatan', kind: 'kecamatan', regionCode: '1571', address: 'Jl. Jenderal Sudirman, Jambi Selatan', volume: 30, quality: 2.8, trend: 0.0 },
];

type HolidayRow = [date: string, name: string];

// SKB Menteri Agama, Menteri Ketenagakerjaan dan MenPANRB on libur nasional and cuti bersama 2025 and 2026.
export const HOLIDAYS: { kind: 'libur_nasional' | 'cuti_bersama'; days: HolidayRow[] }[] = [
  {
    kind: 'libur_nasional',
    days: [
      ['2025-01-01', 'Tahun Baru 2025 Masehi'], ['2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'],
      ['2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'], ['2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'],
      ['2025-03-31', 'Idul Fitri 1446 Hijriah'], ['2025-04-01', 'Idul Fitri 1446 Hijriah'],
      ['2025-04-18', 'Wafat Yesus Kristus'], ['2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'],
      ['2025-05-01', 'Hari Buruh Internasional'], ['2025-05-12', 'Hari Raya Waisak 2569 BE'],
      ['2025-05-29', 'Kenaikan Yesus Kristus'], ['2025-06-01', 'Hari Lahir Pancasila'],
      ['2025-06-06', 'Idul Adha 1446 Hijriah'], ['2025-06-27', 'Tahun Baru Islam 1447 Hijriah'],
      ['2025-08-17', 'Proklamasi Kemerdekaan Republik Indonesia'], ['2025-09-05', 'Maulid Nabi Muhammad SAW'],
      ['2025-12-25', 'Kelahiran Yesus Kristus'],
      ['2026-01-01', 'Tahun Baru 2026 Masehi'], ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
      ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'], ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
      ['2026-03-21', 'Idul Fitri 1447 Hijriah'], ['2026-03-22', 'Idul Fitri 1447 Hijriah'],
      ['2026-04-03', 'Wafat Yesus Kristus'], ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
      ['2026-05-01', 'Hari Buruh Internasional'], ['2026-05-14', 'Kenaikan Yesus Kristus'],
      ['2026-05-27', 'Idul Adha 1447 Hijriah'], ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
      ['2026-06-01', 'Hari Lahir Pancasila'], ['2026-06-16', 'Tahun Baru Islam 1448 Hijriah'],
      ['2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia'], ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
      ['2026-12-25', 'Kelahiran Yesus Kristus'],
    ],
  },
  {
    kind: 'cuti_bersama',
    days: [
      ['2025-01-28', 'Cuti bersama Tahun Baru Imlek'], ['2025-03-28', 'Cuti bersama Hari Suci Nyepi'],
      ['2025-04-02', 'Cuti bersama Idul Fitri'], ['2025-04-03', 'Cuti bersama Idul Fitri'],
      ['2025-04-04', 'Cuti bersama Idul Fitri'], ['2025-04-07', 'Cuti bersama Idul Fitri'],
      ['2025-05-13', 'Cuti bersama Hari Raya Waisak'], ['2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'],
      ['2025-06-09', 'Cuti bersama Idul Adha'], ['2025-12-26', 'Cuti bersama Kelahiran Yesus Kristus'],
      ['2026-02-16', 'Cuti bersama Tahun Baru Imlek'], ['2026-03-18', 'Cuti bersama Hari Suci Nyepi'],
      ['2026-03-20', 'Cuti bersama Idul Fitri'], ['2026-03-23', 'Cuti bersama Idul Fitri'],
      ['2026-03-24', 'Cuti bersama Idul Fitri'], ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'],
      ['2026-05-28', 'Cuti bersama Idul Adha'], ['2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'],
    ],
  },
];

// Residents' suggestions as they are written at the counter, by the element they are about. Some carry a phone
// number, a NIK or an email, as real ones do, for the redactor to mask before storing.
export const COMMENTS = {
  good: [
    'Pelayanannya cepat dan petugasnya ramah. Terima kasih.',
    'Alhamdulillah urusan selesai hari ini juga, tidak perlu bolak-balik.',
    'Petugas menjelaskan persyaratan dengan sabar, sangat membantu.',
    'Ruang tunggu bersih dan ada air minum. Mantap.',
    'Antrian tertib, nomor dipanggil sesuai urutan.',
    'Tidak ada pungutan, semua gratis sesuai aturan. Pertahankan!',
    'Pelayanan sudah jauh lebih baik dibanding tahun lalu.',
    'Terima kasih bapak/ibu petugas, prosesnya jelas dan mudah.',
  ],
  bad: [
    'Antrian terlalu lama, saya menunggu lebih dari dua jam.',
    'Ruang tunggu panas, kipas angin rusak dan kursi kurang.',
    'Persyaratan yang diminta berbeda dengan yang ada di papan informasi.',
    'Petugas kurang ramah, ditanya malah dijawab ketus.',
    'Sistem sering offline, disuruh kembali besok.',
    'Kotak saran ada tapi tidak pernah ada tanggapan.',
    'Berkas sudah lengkap tapi belum selesai juga lewat dari janji.',
    'Parkir sempit dan toilet kotor, mohon diperbaiki.',
    'Informasi biaya tidak jelas, ada yang bilang bayar ada yang bilang gratis.',
  ],
  personal: [
    'Berkas saya belum jadi, mohon kabari ke 0812-3456-7801 ya pak.',
    'Tolong hubungi saya di +62 813 4455 6677 kalau dokumennya sudah selesai.',
    'Atas nama NIK 7571014509880002, KK saya belum dicetak sampai sekarang.',
    'Kirim info ke email warga.gorontalo@gmail.com saja, terima kasih.',
    'WA saya 085267891234, sudah tiga kali datang tapi belum beres.',
    'Nomor HP 0853 1122 3344, tolong dikabari kalau PBG sudah terbit.',
  ],
};

export const REPLIES = {
  good: [
    'Terima kasih atas apresiasinya. Kami akan terus menjaga kualitas pelayanan.',
    'Terima kasih, Bapak/Ibu. Masukan seperti ini menyemangati petugas kami.',
  ],
  bad: [
    'Mohon maaf atas ketidaknyamanannya. Masukan ini sudah kami bahas dalam rapat evaluasi dan masuk rencana tindak lanjut.',
    'Terima kasih atas masukannya. Kami sedang menambah loket dan memperbaiki sistem antrean.',
    'Mohon maaf. Silakan datang ke meja pengaduan di lobi agar berkas Bapak/Ibu dapat kami telusuri.',
  ],
};

