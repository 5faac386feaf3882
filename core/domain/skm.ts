// The SKM questionnaire of PermenPANRB No. 14 Tahun 2017 (DOMAIN.md §2).
// Answers are stored by element code (U1–U9), never by their position on a form: the regulation's own sample
// form asks "sarana" before "pengaduan", the reverse of the element order.

import { ELEMENT_CODES, type Answers, type ElementCode } from './skm-codes.ts';
import { SKM_TEXT_EN } from './skm-text.en.ts';
import { SKM_TEXT_ID } from './skm-text.id.ts';

export { ELEMENT_CODES, type Answer, type Answers, type ElementCode } from './skm-codes.ts';

export type Lang = 'id' | 'en';

export interface SkmElement {
  code: ElementCode;
  name: Record<Lang, string>;
  question: Record<Lang, string>;
  /** Labels of answers 1, 2, 3, 4 in that order. */
  labels: Record<Lang, readonly [string, string, string, string]>;
}

/** One element's words in one language (skm-text.id.ts, skm-text.en.ts). */
export interface ElementText {
  code: ElementCode;
  name: string;
  question: string;
  /** Labels of answers 1, 2, 3, 4 in that order. */
  labels: readonly [string, string, string, string];
}

export const SKM_ELEMENTS: readonly SkmElement[] = SKM_TEXT_ID.map((id, i) => {
  const en = SKM_TEXT_EN[i]!;
  if (en.code !== id.code) throw new Error(`skm-text.en.ts: element ${i + 1} is ${en.code}, expected ${id.code}`);
  return {
    code: id.code,
    name: { id: id.name, en: en.name },
    question: { id: id.question, en: en.question },
    labels: { id: id.labels, en: en.labels },
  };
});

/** Sum of the nine answers of one respondent (9–36). Kept as an integer so rollups stay exact. */
export function answersTotal(answers: Answers): number {
  let total = 0;
  for (const code of ELEMENT_CODES) total += answers[code];
  return total;
}
