// The suggestions of an annual SKM report grouped by element (issue 25 item 2; docs/decisions/046). A suggestion is
// free text: no rule reads what it is about. What is known for certain is how its writer rated the nine elements, so
// each suggestion counts under the element(s) its writer scored lowest — the element the suggestion most likely
// concerns. Several elements tied at the writer's lowest answer each count it (the counts may add up to more than the
// number of suggestions); a writer who gave all nine the same answer points at no element and counts apart.
import { SKM_ELEMENTS } from './skm.ts';

export interface SuggestionGroups {
  total: number;
  /** Per element, in the regulation's order. */
  byElement: { code: string; n: number }[];
  /** Suggestions whose writer gave all nine elements the same answer. */
  even: number;
}

/** `patterns`: each distinct set of nine answers behind suggestions, with how many suggestions have it. */
export function groupSuggestionsByElement(patterns: Iterable<{ answers: readonly number[]; count: number }>): SuggestionGroups {
  const counts = SKM_ELEMENTS.map(() => 0);
  let total = 0;
  let even = 0;
  for (const { answers: a, count } of patterns) {
    total += count;
    const low = Math.min(...a);
    if (a.every((x) => x === low)) even += count;
    else a.forEach((x, i) => { if (x === low) counts[i]! += count; });
  }
  return { total, byElement: SKM_ELEMENTS.map((e, i) => ({ code: e.code, n: counts[i]! })), even };
}
