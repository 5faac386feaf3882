// The respondent profile tables of an SKM report (PermenPANRB 14/2017 sample form): sex, age, education,
// occupation. Age bands are ours: the regulation asks for age in years and leaves the grouping to the report.
import { EDUCATION_LEVELS, GENDERS, OCCUPATIONS } from './rating-input.ts';

export const AGE_BANDS = ['15–24', '25–34', '35–44', '45–54', '55–64', '65+'] as const;

export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  if (age < 25) return '15–24';
  if (age < 35) return '25–34';
  if (age < 45) return '35–44';
  if (age < 55) return '45–54';
  if (age < 65) return '55–64';
  return '65+';
}

export interface ProfileRow {
  gender: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
  n: number;
}

export interface Tabulation {
  key: string;
  n: number;
  share: number;
}

export interface ProfileTables {
  n: number;
  gender: Tabulation[];
  age: Tabulation[];
  education: Tabulation[];
  occupation: Tabulation[];
}

/** Counts per category, in the form's order, with "not stated" last; shares of all respondents, 3 decimals. */
export function tabulateProfile(rows: ProfileRow[]): ProfileTables {
  const total = rows.reduce((s, r) => s + r.n, 0);
  const table = (keys: readonly string[], pick: (r: ProfileRow) => string | null): Tabulation[] => {
    const counts = new Map<string, number>([...keys.map((k) => [k, 0] as [string, number]), ['tidak diisi', 0]]);
    for (const r of rows) {
      const k = pick(r);
      const key = k !== null && counts.has(k) ? k : 'tidak diisi';
      counts.set(key, counts.get(key)! + r.n);
    }
    return [...counts].map(([key, n]) => ({ key, n, share: total ? Math.round((n / total) * 1000) / 1000 : 0 }));
  };
  return {
    n: total,
    gender: table(GENDERS, (r) => r.gender),
    age: table(AGE_BANDS, (r) => (r.age === null ? null : ageBand(r.age))),
    education: table(EDUCATION_LEVELS, (r) => r.education),
    occupation: table(OCCUPATIONS, (r) => r.occupation),
  };
}
