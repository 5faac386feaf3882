// Common strings of the forms a resident fills (rating, permit report) in Bahasa Indonesia: the respondent profile,
// loading and error messages, the unit's service times. Apart from the site's other strings so a form page ships only
// these (issue 19); commonId (i18n.id.ts) includes them.
export const formId = {
  gender: 'Jenis kelamin',
  genderL: 'Laki-laki',
  genderP: 'Perempuan',
  age: 'Usia (tahun)',
  education: 'Pendidikan terakhir',
  occupation: 'Pekerjaan',
  choose: 'Pilih…',
  educationLabels: { SD: 'SD ke bawah', SMP: 'SMP', SMA: 'SMA', 'D1-D3': 'D1–D3', 'D4-S1': 'D4/S1', S2: 'S2', S3: 'S3' } as Record<string, string>,
  occupationLabels: { PNS: 'PNS', TNI: 'TNI', POLRI: 'POLRI', Swasta: 'Swasta', Wirausaha: 'Wirausaha', 'Pelajar/Mahasiswa': 'Pelajar/Mahasiswa', Lainnya: 'Lainnya' } as Record<string, string>,
  sending: 'Mengirim…',
  errorSummaryTitle: 'Ada yang perlu diperbaiki',
  errNetwork: 'Tidak dapat terhubung ke server. Jawaban Anda masih tersimpan di halaman ini — coba kirim lagi.',
  errServer: 'Server sedang bermasalah. Jawaban Anda masih di halaman ini — coba kirim lagi sebentar lagi.',
  errThrottled: 'Terlalu banyak penilaian dalam waktu singkat. Coba lagi beberapa saat lagi.',
  siteName: 'Rapor',
  loading: 'Memuat…',
  loadFailed: 'Data tidak dapat dimuat. Muat ulang halaman untuk mencoba lagi.',
  retry: 'Coba lagi',
  unitNotFound: 'Unit layanan ini tidak ditemukan. Mungkin alamatnya salah ketik.',
  noSla: 'Belum dipublikasikan',
  timezone: 'Zona waktu',
  slaUnits: { working_days: 'hari kerja', calendar_days: 'hari kalender', hours: 'jam', minutes: 'menit' } as Record<string, string>,
  backToUnit: 'Lihat halaman unit',
};

export type FormStrings = typeof formId;
