// Issue 16 item 13: the percentile method behind the permit figures is stated where residents and evaluators read them.
// Reads the built site (npx astro build first), like the JavaScript weight test.
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, pageHtml } from '../support/js-weight.ts';

// The pages' text as the server answers them (a page rendered on demand is asked of the build, decision 054).
const PAGES = ['metodologi', 'waktu-izin', 'privasi'];
const html: Record<string, string> = {};
beforeAll(async () => {
  for (const page of [...PAGES, ...PAGES.map((p) => `en/${p}`)]) html[page] = await pageHtml(DIST, page);
});

function text(page: string): string {
  return html[page]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the p90 method is stated', () => {
  it.each(['metodologi', 'waktu-izin'])('on /%s: interpolated between ranks, as PERCENTILE.INC', (page) => {
    const id = text(page);
    expect(id).toContain('PERCENTILE.INC');
    expect(id).toMatch(/persentil 90[^.]*interpolasi/i);
    expect(id).toContain('1 + (n − 1) × 0,9');
    const en = text(`en/${page}`);
    expect(en).toContain('PERCENTILE.INC');
    expect(en).toMatch(/90th percentile[^.]*interpolat/i);
    expect(en).toContain('1 + (n − 1) × 0.9');
  });

  it('on /metodologi: standards in minutes or hours are judged only where dates prove it (decision 029)', () => {
    expect(text('metodologi')).toContain('tidak dapat dinilai dari tanggal');
    expect(text('en/metodologi')).toContain('cannot be judged from dates');
  });
});

describe('small cells in locked evidence are stated (issue 25 item 7, decision 050)', () => {
  it('on /privasi and /metodologi: the /bukti page withholds figures below k; the locked files are for the lock\'s scope', () => {
    expect(text('privasi')).toContain('juga di halaman bukti terkunci (/bukti)');
    expect(text('en/privasi')).toContain('the locked evidence files (for evaluators and administrators whose scope covers the evidence');
    expect(text('metodologi')).toContain('berkas bukti terkunci, yang karena itu hanya dapat diunduh evaluator');
    expect(text('en/metodologi')).toContain('only evaluators and administrators whose scope covers the evidence');
  });
});
