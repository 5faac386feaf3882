// The SKM questionnaire of PermenPANRB No. 14 Tahun 2017 (DOMAIN.md §2).
// Answers are stored by element code (U1–U9), never by their position on a form: the regulation's own sample
// form asks "sarana" before "pengaduan", the reverse of the element order.

export const ELEMENT_CODES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type ElementCode = (typeof ELEMENT_CODES)[number];
export type Answer = 1 | 2 | 3 | 4;
export type Answers = Record<ElementCode, Answer>;

export type Lang = 'id' | 'en';

export interface SkmElement {
  code: ElementCode;
  name: Record<Lang, string>;
  question: Record<Lang, string>;
  /** Labels of answers 1, 2, 3, 4 in that order. */
  labels: Record<Lang, readonly [string, string, string, string]>;
}

export const SKM_ELEMENTS: readonly SkmElement[] = [
  {
    code: 'U1',
    name: { id: 'Persyaratan', en: 'Requirements' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      en: 'How well did the requirements match the kind of service?',
    },
    labels: {
      id: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      en: ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
    },
  },
  {
    code: 'U2',
    name: { id: 'Sistem, mekanisme, dan prosedur', en: 'Systems, mechanisms and procedures' },
    question: {
      id: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      en: 'How easy was the service procedure at this unit?',
    },
    labels: {
      id: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
      en: ['Not easy', 'Less easy', 'Easy', 'Very easy'],
    },
  },
  {
    code: 'U3',
    name: { id: 'Waktu penyelesaian', en: 'Completion time' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      en: 'How fast was the service delivered?',
    },
    labels: {
      id: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
      en: ['Not fast', 'Less fast', 'Fast', 'Very fast'],
    },
  },
  {
    code: 'U4',
    name: { id: 'Biaya/tarif', en: 'Cost/fee' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      en: 'How fair was the cost or fee of the service?',
    },
    labels: {
      id: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
      en: ['Very expensive', 'Fairly expensive', 'Cheap', 'Free'],
    },
  },
  {
    code: 'U5',
    name: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product specification' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      en: 'How well did the product you received match the published service standard?',
    },
    labels: {
      id: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
      en: ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
    },
  },
  {
    code: 'U6',
    name: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      en: 'How competent were the staff who served you?',
    },
    labels: {
      id: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
      en: ['Not competent', 'Less competent', 'Competent', 'Very competent'],
    },
  },
  {
    code: 'U7',
    name: { id: 'Perilaku pelaksana', en: 'Staff conduct' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      en: 'How polite and friendly were the staff?',
    },
    labels: {
      id: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
      en: ['Not polite and friendly', 'Less polite and friendly', 'Polite and friendly', 'Very polite and friendly'],
    },
  },
  {
    code: 'U8',
    name: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints, suggestions and feedback' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      en: 'How are complaints from service users handled?',
    },
    labels: {
      id: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
      en: ['None', 'Exists but does not work', 'Works, but not fully', 'Well managed'],
    },
  },
  {
    code: 'U9',
    name: { id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' },
    question: {
      id: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      en: 'How good were the facilities and infrastructure?',
    },
    labels: {
      id: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
      en: ['Poor', 'Fair', 'Good', 'Very good'],
    },
  },
];

/** Sum of the nine answers of one respondent (9–36). Kept as an integer so rollups stay exact. */
export function answersTotal(answers: Answers): number {
  let total = 0;
  for (const code of ELEMENT_CODES) total += answers[code];
  return total;
}
