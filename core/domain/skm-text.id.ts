// The SKM questionnaire's words in Bahasa Indonesia (PermenPANRB No. 14 Tahun 2017), by element. Apart from skm.ts so
// the Indonesian rating page ships only its own language (issue 19); SKM_ELEMENTS in skm.ts joins both languages.
import type { ElementText } from './skm.ts';

export const SKM_TEXT_ID: readonly ElementText[] = [
  {
    code: 'U1',
    name: 'Persyaratan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    labels: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    code: 'U2',
    name: 'Sistem, mekanisme, dan prosedur',
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    labels: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    code: 'U3',
    name: 'Waktu penyelesaian',
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    labels: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  {
    code: 'U4',
    name: 'Biaya/tarif',
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    labels: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  {
    code: 'U5',
    name: 'Produk spesifikasi jenis pelayanan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    labels: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    code: 'U6',
    name: 'Kompetensi pelaksana',
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    labels: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    code: 'U7',
    name: 'Perilaku pelaksana',
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    labels: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    code: 'U8',
    name: 'Penanganan pengaduan, saran dan masukan',
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    labels: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  {
    code: 'U9',
    name: 'Sarana dan prasarana',
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    labels: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
];
