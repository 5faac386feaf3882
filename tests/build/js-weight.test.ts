// JavaScript shipped per page, against budgets: a resident on a cheap phone with patchy signal opens /nilai first.
import { describe, expect, it } from 'vitest';
import { BUDGETS_KB, DIST, onDemandHtml, pageWeight } from '../support/js-weight.ts';

describe('JavaScript weight per page (gzipped, loaded at start)', () => {
  it.each(Object.entries(BUDGETS_KB))('/%s stays within %d KB', async (page, budgetKb) => {
    const weight = pageWeight(DIST, page, await onDemandHtml(page));
    console.log(`[js-weight] /${page}: ${(weight.initialGzipBytes / 1024).toFixed(1)} KB at start, ${(weight.lazyGzipBytes / 1024).toFixed(1)} KB on demand`);
    expect(weight.initialGzipBytes).toBeLessThanOrEqual(budgetKb * 1024);
  });

  it('counts the rating page island and the Svelte runtime (the shared schema loads on demand, issue 19)', async () => {
    const weight = pageWeight(DIST, 'nilai', await onDemandHtml('nilai'));
    expect(weight.files.some((f) => f.includes('RatingForm'))).toBe(true);
    expect(weight.initialGzipBytes).toBeGreaterThan(10 * 1024);
  });
});
