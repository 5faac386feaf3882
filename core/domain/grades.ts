// The four grades of PermenPANRB 14/2017 and their words, in a module of their own so the site's islands can name a
// grade without loading the interval arithmetic of ikm.ts.
export type Mutu = 'A' | 'B' | 'C' | 'D';

export const GRADES: readonly { mutu: Mutu; kinerja: string; kinerjaEn: string; from: number; to: number }[] = [
  { mutu: 'A', kinerja: 'Sangat baik', kinerjaEn: 'Very good', from: 88.31, to: 100 },
  { mutu: 'B', kinerja: 'Baik', kinerjaEn: 'Good', from: 76.61, to: 88.31 },
  { mutu: 'C', kinerja: 'Kurang baik', kinerjaEn: 'Poor', from: 65, to: 76.61 },
  { mutu: 'D', kinerja: 'Tidak baik', kinerjaEn: 'Very poor', from: 25, to: 65 },
];

/** The grade's words in the page's language: PermenPANRB 14/2017's kinerja, or its English (''/null for no grade). */
export function kinerjaWords(kinerja: string | null, lang: 'id' | 'en'): string {
  if (!kinerja) return '';
  return lang === 'id' ? kinerja : (GRADES.find((g) => g.kinerja === kinerja)?.kinerjaEn ?? kinerja);
}

/** The grade's words by its letter (A → Sangat baik / Very good); the letter itself when unknown. */
export function kinerjaOfMutu(mutu: string, lang: 'id' | 'en'): string {
  const g = GRADES.find((grade) => grade.mutu === mutu);
  return g ? (lang === 'id' ? g.kinerja : g.kinerjaEn) : mutu;
}

