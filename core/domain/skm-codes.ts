// The nine SKM element codes and the answer scale (PermenPANRB No. 14 Tahun 2017), without the questionnaire's words:
// what the rating schema needs, so a page that checks answers does not load the questions in two languages (issue 19).
// skm.ts re-exports them.
export const ELEMENT_CODES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type ElementCode = (typeof ELEMENT_CODES)[number];
export type Answer = 1 | 2 | 3 | 4;
export type Answers = Record<ElementCode, Answer>;
