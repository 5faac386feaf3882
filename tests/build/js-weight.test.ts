// JavaScript shipped per page, against budgets: a resident on a cheap phone with patchy signal opens /nilai first.
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedServer } from '../support/browser.ts';
import { BUDGETS_KB, DIST, onDemandPages, pageWeight } from '../support/js-weight.ts';

describe('JavaScript weight per page (gzipped, loaded at start)', () => {
  // Pages rendered on demand (the permit form) are weighed as the demo server answers them.
  let rendered: Record<string, string> = {};
  beforeAll(async () => {
    rendered = await onDemandPages((await sharedServer()).url);
  });

  it.each(Object.entries(BUDGETS_KB))('/%s stays within %d KB', (page, budgetKb) => {
    const weight = pageWeight(DIST, page, rendered[page]);
    console.log(`[js-weight] /${page}: ${(weight.initialGzipBytes / 1024).toFixed(1)} KB at start, ${(weight.lazyGzipBytes / 1024).toFixed(1)} KB on demand`);
    expect(weight.initialGzipBytes).toBeLessThanOrEqual(budgetKb * 1024);
  });

  it('counts the rating page island and the Svelte runtime (the shared schema loads on demand, issue 19)', () => {
    const weight = pageWeight(DIST, 'nilai');
    expect(weight.files.some((f) => f.includes('RatingForm'))).toBe(true);
    expect(weight.initialGzipBytes).toBeGreaterThan(10 * 1024);
  });
});
