// The answer lists of the respondent profile (PermenPANRB 14/2017), apart from the rating schema so that the rating
// island can draw its form without loading the schema's validator at start (issue 19). rating-input.ts re-exports them.
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'D1-D3', 'D4-S1', 'S2', 'S3'] as const;
export const OCCUPATIONS = ['PNS', 'TNI', 'POLRI', 'Swasta', 'Wirausaha', 'Pelajar/Mahasiswa', 'Lainnya'] as const;
export const GENDERS = ['L', 'P'] as const;

export type Education = (typeof EDUCATION_LEVELS)[number];
export type Occupation = (typeof OCCUPATIONS)[number];
