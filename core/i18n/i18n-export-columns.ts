// The exports' columns for people (issue 28 item 7): the Indonesian header of each column in an XLSX file, what it
// means and in what unit, for the workbook's second sheet "Kamus data". CSV and NDJSON keep the machine codes
// (docs/data-dictionary.md). One entry per column code of each table; a code missing here is a bug the tests catch.

/** A column as a person reads it: header label, meaning, unit or kind of value, and a column width in characters. */
export interface ColumnWords {
  label: string;
  meaning: string;
  unit: string;
  width: number;
}

type Entry = readonly [label: string, meaning: string, unit: string, width?: number];

const TEXT = 'teks';
const DATE = 'tanggal (tttt-bb-hh)';
const YES_NO = 'ya/tidak (TRUE/FALSE)';
const WHOLE = 'bilangan bulat';
const INDEX = 'indeks 25–100 (2 desimal)';

const unit: Record<string, Entry> = {
  unit_slug: ['Kode unit', 'Kode unit layanan di alamat portal', TEXT, 28],
  unit_name: ['Nama unit', 'Nama unit layanan', TEXT, 36],
  region_code: ['Kode wilayah', 'Kode wilayah unit (kode BPS)', TEXT, 12],
};

const nrr = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`nrr_u${i}`, [`NRR U${i}`, `Nilai rata-rata unsur U${i} (jawaban 1–4)`, 'angka 1–4 (2 desimal)', 10] as Entry]),
);
const answers = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`u${i}`, [`U${i}`, `Jawaban unsur U${i} menurut kode unsur (PermenPANRB 14/2017), bukan urutan di formulir`, 'bilangan bulat 1–4', 6] as Entry]),
);

const TABLES: Record<string, Record<string, Entry>> = {
  responses: {
    response_id: ['ID penilaian', 'Nomor unik penilaian', 'teks (UUID v7)', 38],
    ...unit,
    service_slug: ['Kode layanan', 'Layanan yang disebut warga; kosong bila tidak disebut', TEXT, 22],
    submitted_at_utc: ['Waktu masuk (UTC)', 'Saat penilaian diterima, dalam UTC; kosong di unduhan petugas unit (hanya tanggal)', 'tanggal dan jam (UTC)', 20],
    local_date: ['Tanggal (waktu setempat)', 'Tanggal penilaian menurut zona waktu unit; menentukan periode', DATE, 14],
    channel: ['Saluran', 'Cara penilaian diberikan: web, qr (kode QR), kiosk (tablet di loket)', TEXT, 9],
    status: ['Status', 'accepted: diterima; verified: dengan kode kunjungan; excluded: ditahan atau dimoderasi', TEXT, 10],
    ...answers,
    gender: ['Jenis kelamin', 'L atau P; kosong bila tidak diisi', TEXT, 8],
    age: ['Usia', 'Usia responden; kosong bila tidak diisi', 'tahun', 6],
    education: ['Pendidikan', 'SD, SMP, SMA, D1-D3, D4-S1, S2, S3; kosong bila tidak diisi', TEXT, 10],
    occupation: ['Pekerjaan', 'PNS, TNI, POLRI, Swasta, Wirausaha, Pelajar/Mahasiswa, Lainnya; kosong bila tidak diisi', TEXT, 16],
    comment: ['Saran', 'Saran tertulis yang sudah disamarkan (NIK, telepon, email); kosong bila disembunyikan, menunggu tinjauan, atau ditahan', TEXT, 60],
    exclusion_reason: ['Alasan dikecualikan', 'Hanya bila penilaian yang dikecualikan ikut diunduh: alasan penilaian ditahan', TEXT, 18],
  },
  'permit-reports': {
    report_id: ['ID laporan', 'Nomor unik laporan waktu izin', 'teks (UUID v7)', 38],
    unit_slug: unit.unit_slug!,
    service_slug: ['Kode jenis izin', 'Layanan perizinan yang dilaporkan', TEXT, 22],
    submitted_on: ['Tanggal berkas lengkap', 'Hari berkas dinyatakan lengkap (awal standar waktu)', DATE, 14],
    completed_on: ['Tanggal selesai', 'Hari izin selesai; kosong bila belum selesai', DATE, 14],
    status: ['Status', 'completed: selesai; pending: belum selesai', TEXT, 10],
    working_days: ['Hari kerja', 'Hari kerja dari berkas lengkap sampai selesai (atau sampai hari unduh bila belum selesai), dengan kalender libur', 'hari kerja', 10],
    sla_value: ['Standar waktu', 'Janji waktu layanan yang berlaku saat dilaporkan', 'angka', 10],
    sla_unit: ['Satuan standar', 'working_days (hari kerja), calendar_days (hari kalender), hours (jam), minutes (menit)', TEXT, 14],
    within_sla: ['Tepat waktu', 'Selesai dalam standar waktu; kosong bila belum selesai atau tidak dapat dinilai dari tanggal', YES_NO, 10],
    calendar_days: ['Hari kalender', 'Hari kalender dari berkas lengkap sampai selesai (atau sampai hari unduh)', 'hari kalender', 10],
    region_code: unit.region_code!,
    verified: ['Terverifikasi', 'Dilaporkan dengan kode kunjungan sekali pakai', YES_NO, 10],
    past_sla: ['Melewati standar', 'Untuk laporan yang belum selesai: sudah melewati standar waktu pada hari unduh', YES_NO, 10],
    exclusion_reason: ['Alasan dikecualikan', 'Hanya bila laporan yang dikecualikan ikut diunduh: alasan laporan ditahan', TEXT, 18],
  },
  scores: {
    ...unit,
    period: ['Periode', 'Kode periode (2026-Q3, atau dari..sampai)', TEXT, 12],
    n: ['Jumlah penilaian', 'Penilaian yang dihitung (yang dikecualikan tidak)', WHOLE, 10],
    ikm: ['IKM', 'Indeks Kepuasan Masyarakat: Σ(NRR × 1/9) × 25; kosong tanpa penilaian', INDEX, 8],
    ikm_ci_low: ['IKM batas bawah', 'Batas bawah selang kepercayaan 95 % (Student-t)', INDEX, 10],
    ikm_ci_high: ['IKM batas atas', 'Batas atas selang kepercayaan 95 % (Student-t)', INDEX, 10],
    mutu: ['Mutu', 'Mutu pelayanan A–D dari IKM yang belum dibulatkan', TEXT, 6],
    sample_target: ['Target sampel', 'Sampel minimum Krejcie & Morgan dari jumlah pengguna setahun, sebanding periode', WHOLE, 10],
    sample_adequate: ['Sampel cukup', 'Jumlah penilaian mencapai target sampel', YES_NO, 10],
    ...nrr,
    n_verified: ['Jumlah terverifikasi', 'Penilaian dengan kode kunjungan', WHOLE, 10],
    ikm_verified: ['IKM terverifikasi', 'IKM dari penilaian dengan kode kunjungan saja', INDEX, 10],
    n_excluded: ['Jumlah dikecualikan', 'Penilaian yang ditahan atau dimoderasi', WHOLE, 10],
  },
  'asn-evidence': {
    period: ['Periode', 'Periode penilaian kinerja', TEXT, 12],
    nip: ['NIP', 'Nomor Induk Pegawai pejabat', TEXT, 20],
    official_name: ['Nama pejabat', 'Pejabat yang bertanggung jawab atas unit selama (sebagian) periode', TEXT, 28],
    position: ['Jabatan', 'Jabatan pejabat', TEXT, 28],
    unit_slug: unit.unit_slug!,
    perspective: ['Perspektif', 'Perspektif SKP: Penerima Layanan atau Proses Bisnis', TEXT, 18],
    indicator: ['Indikator', 'ikm, permit_within_sla_share, permit_median_days, follow_up_on_time_share', TEXT, 24],
    unit_of_measure: ['Satuan', 'Satuan indikator: indeks (25–100), %, hari kerja atau hari kalender', TEXT, 14],
    target: ['Target', 'Target unit untuk tahun periode', 'angka', 10],
    realisation: ['Realisasi', 'Nilai terukur pada hari-hari pejabat menjabat dalam periode', 'angka', 10],
    achievement_pct: ['Capaian (%)', 'Realisasi ÷ target × 100 (untuk median hari: target ÷ realisasi × 100), paling tinggi 200', 'persen', 10],
    suggested_rating: ['Saran predikat', 'Saran dari ambang capaian; atasan yang memutuskan', TEXT, 20],
    n: ['Jumlah data', 'Pengamatan di balik realisasi (penilaian, laporan izin, atau butir tindak lanjut)', WHOLE, 10],
    sample_adequate: ['Data cukup', 'Data cukup untuk indikator ini', YES_NO, 10],
    evidence_url: ['Tautan bukti dukung', 'Halaman verifikasi bukti terkunci terbaru, atau laporan SKM bila belum dikunci', 'alamat web', 40],
    tenure_from: ['Menjabat sejak', 'Awal masa jabatan', DATE, 14],
    tenure_to: ['Menjabat sampai', 'Akhir masa jabatan; kosong bila masih menjabat', DATE, 14],
    service_slug: ['Kode jenis izin', 'Jenis izin untuk indikator izin; kosong untuk yang lain', TEXT, 22],
    realisation_note: ['Catatan realisasi', 'Mengapa baris dengan data tidak memiliki realisasi', TEXT, 40],
  },
  kepatuhan: {
    ...unit,
    year: ['Tahun', 'Tahun yang dinilai', WHOLE, 8],
    quarters_held: ['Triwulan dengan survei', 'Triwulan dengan penilaian SKM dalam tahun itu', WHOLE, 10],
    media: ['Media publikasi', 'Media tempat hasil SKM dipublikasikan', TEXT, 28],
    media_count: ['Jumlah media', 'Banyaknya media publikasi', WHOLE, 10],
    online: ['Publikasi daring', 'Hasil dipublikasikan secara daring', YES_NO, 10],
    offline: ['Publikasi luring', 'Hasil dipublikasikan secara luring', YES_NO, 10],
    rtl_planned: ['RTL direncanakan', 'Butir rencana tindak lanjut', WHOLE, 10],
    rtl_done: ['RTL selesai', 'Butir rencana tindak lanjut yang selesai', WHOLE, 10],
    rtl_share_done: ['RTL selesai (bagian)', 'Bagian butir RTL yang selesai', 'pecahan 0–1', 10],
    rtl_median_days_to_done: ['Median hari sampai selesai', 'Median hari dari rencana sampai butir RTL selesai', 'hari', 12],
    rtl_longest_days_to_done: ['Hari terlama sampai selesai', 'Hari terlama dari rencana sampai butir RTL selesai', 'hari', 12],
    zi_skm_frequency: ['ZI: frekuensi SKM', 'Nilai butir Zona Integritas untuk frekuensi survei', 'angka', 10],
    zi_publication: ['ZI: publikasi', 'Nilai butir Zona Integritas untuk publikasi hasil', 'angka', 10],
    zi_follow_up: ['ZI: tindak lanjut', 'Nilai butir Zona Integritas untuk tindak lanjut', 'angka', 10],
    pekppp_7aT: ['PEKPPP 7aT', 'Nilai butir PEKPPP 7a (publikasi, jumlah media)', 'angka', 10],
    pekppp_8aAk: ['PEKPPP 8aAk', 'Nilai butir PEKPPP 8a (bagian tindak lanjut)', 'angka', 10],
    pekppp_9aAk: ['PEKPPP 9aAk', 'Nilai butir PEKPPP 9a (hari terlama tindak lanjut)', 'angka', 10],
    pekppp_6aB: ['PEKPPP 6aB', 'Nilai butir PEKPPP 6a (syarat survei)', 'angka', 10],
    evidence_pack_url: ['Tautan paket bukti', 'Alamat unduhan paket bukti unit', 'alamat web', 40],
  },
};

/** The sheet's name for each table (at most 31 characters, as spreadsheets allow). */
export const SHEET_NAMES: Record<string, string> = {
  responses: 'Penilaian',
  'permit-reports': 'Laporan waktu izin',
  scores: 'Nilai IKM',
  'asn-evidence': 'Bukti kinerja ASN',
  kepatuhan: 'Kepatuhan',
};

export const DICTIONARY_SHEET = 'Kamus data';
export const DICTIONARY_HEADER = ['Kode kolom', 'Judul kolom', 'Arti', 'Satuan atau jenis nilai'] as const;

/** The words of `column` in `table`, or undefined for a code this file does not know. */
export function columnWords(table: string, column: string): ColumnWords | undefined {
  const entry = TABLES[table]?.[column];
  return entry && { label: entry[0], meaning: entry[1], unit: entry[2], width: entry[3] ?? 14 };
}

/** Every table this file describes, and its column codes (for the tests). */
export const DESCRIBED_TABLES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(TABLES).map(([table, columns]) => [table, Object.keys(columns)]),
);
