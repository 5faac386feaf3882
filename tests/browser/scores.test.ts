// A resident opens a unit page and the scoreboard and reads the same numbers the API publishes, as text in tables.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, sharedBrowser, reportSkip, sharedServer, type ServerAddress } from '../support/browser.ts';

reportSkip('score pages');

const idNumber = (x: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

describe.skipIf(!hasChromium)('score pages in a real browser', () => {
  let server: ServerAddress;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([sharedServer(), sharedBrowser()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function api(path: string) {
    return (await (await fetch(server.url + path)).json()) as any;
  }

  it('shows the unit IKM, grade and every element NRR as text', async () => {
    const scores = await api('/api/units/dukcapil-kota-gorontalo/scores?period=2026-S1');
    await page.goto(`${server.url}/unit/dukcapil-kota-gorontalo?periode=2026-S1`);
    await page.getByTestId('elements-table').waitFor();
    expect(await page.getByTestId('ikm').textContent()).toBe(idNumber(scores.ikm));
    expect(await page.getByTestId('mutu').textContent()).toBe(scores.mutu);
    const rows = await page.getByTestId('elements-table').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(9);
    scores.elements.forEach((e: any, i: number) => expect(rows[i]).toContain(idNumber(e.nrr)));
    const trend = await page.getByTestId('trend-table').locator('tbody tr').allTextContents();
    expect(trend.at(-1)).toContain(idNumber(scores.trend.at(-1).ikm));
    const services = await page.getByTestId('services-table').locator('tbody tr').allTextContents();
    expect(services).toHaveLength(scores.services.length);
    await page.screenshot({ path: 'test-results/unit-page-360.png', fullPage: true });
  });

  it('marks every element tied for the lowest "terendah" on the island: disdikbud-provinsi-gorontalo 2026-Q2 (issue 25, item 6)', async () => {
    const scores = await api('/api/units/disdikbud-provinsi-gorontalo/scores?period=2026-Q2');
    expect(scores.lowest.length).toBeGreaterThan(1);
    await page.goto(`${server.url}/unit/disdikbud-provinsi-gorontalo?periode=2026-Q2`);
    await page.getByTestId('elements-table').waitFor();
    const marked = await page.getByTestId('elements-table').locator('tbody th').evaluateAll((ths) =>
      ths.filter((th) => th.querySelector('.badge')?.textContent === 'terendah').map((th) => th.textContent!.slice(0, 2)));
    expect(marked).toEqual(scores.lowest);
  });

  it('says "data belum cukup" for a unit below its sample target', async () => {
    await page.goto(`${server.url}/unit/puskesmas-telaga?periode=2026`);
    await page.getByTestId('data-belum-cukup').waitFor();
    expect(await page.getByTestId('data-belum-cukup').textContent()).toContain('Data belum cukup');
  });

  it('shows a grade below the sample target as provisional, never a bare letter: kecamatan-plaju 2026-Q4', async () => {
    const scores = await api('/api/units/kecamatan-plaju/scores?period=2026-Q4');
    // Published (at least k ratings, decision 047) but below the sample target.
    expect(scores.n).toBeGreaterThanOrEqual(scores.minPublicRatings);
    expect(scores).toMatchObject({ sampleAdequate: false, provisional: true });
    expect(scores.mutu).toMatch(/^[A-D]$/);
    await page.goto(`${server.url}/unit/kecamatan-plaju?periode=2026-Q4`);
    await page.getByTestId('data-belum-cukup').waitFor();
    expect(await page.getByTestId('mutu').textContent()).toBe(`${scores.mutu} (sementara)`);
    // Every grade in the per-service and trend tables below its target is marked too.
    const services = await page.getByTestId('services-table').locator('tbody tr').allTextContents();
    scores.services.forEach((s: any, i: number) => { if (s.mutu && s.provisional) expect(services[i]).toContain(`${s.mutu} (sementara)`); });
    const trend = await page.getByTestId('trend-table').locator('tbody tr').allTextContents();
    scores.trend.forEach((p: any, i: number) => { if (p.mutu && p.provisional) expect(trend[i]).toContain(`${p.mutu} (sementara)`); });
  });

  it.each([
    ['puskesmas-telaga', '2026-Q4'],
    ['kelurahan-bagus-kuning', '2025-Q1'],
  ])('prints no grade, IKM or interval behind two ratings, only "kurang dari 5 penilaian": %s %s (decision 047)', async (slug, period) => {
    const scores = await api(`/api/units/${slug}/scores?period=${period}`);
    expect(scores).toMatchObject({ n: 2, minPublicRatings: 5, ikm: null, mutu: null, ikmCi95: null });
    await page.goto(`${server.url}/unit/${slug}?periode=${period}`);
    await page.locator('.summary').waitFor();
    const summary = (await page.locator('.summary').textContent()) ?? '';
    expect(summary).toContain('kurang dari 5 penilaian');
    expect(summary).not.toContain('83,33 – 83,33');
    expect(summary).not.toContain('hampir pasti');
    expect(summary).not.toMatch(/\b[A-D] \(sementara\)/);
  });

  it('lists the ranked units with their IKM and the units with too little data', async () => {
    const board = await api('/api/scoreboard?period=2026&region=75');
    await page.goto(`${server.url}/peringkat?periode=2026&wilayah=75`);
    await page.getByTestId('ranked-table').waitFor();
    const ranked = page.getByTestId('ranked-table').locator('tbody tr');
    expect(await ranked.count()).toBe(board.ranked.length);
    for (const [i, r] of board.ranked.entries()) {
      const text = await ranked.nth(i).textContent();
      expect(text).toContain(r.unit.name);
      expect(text).toContain(idNumber(r.ikm));
      expect(text).toContain(idNumber(r.shrunkIkm));
    }
    const insufficient = await page.getByTestId('insufficient-table').locator('tbody tr').allTextContents();
    expect(insufficient).toHaveLength(board.insufficient.length);
    await page.screenshot({ path: 'test-results/scoreboard-360.png', fullPage: true });
  });

  // Issue 25 item 10: on /peringkat?periode=2026 an IKM of 80,60 ranks below one of 80,42. The ranking score column
  // must say what it is, next to the table, in both languages, with the m the ranking used.
  it.each([
    { lang: 'id', prefix: '', fmt: idNumber, words: ['bukan IKM', '(n × IKM + 50 × m) ÷ (n + 50)'] },
    { lang: 'en', prefix: '/en', fmt: (x: number) => x.toFixed(2), words: ['not the IKM', '(n × IKM + 50 × m) ÷ (n + 50)'] },
  ])('/peringkat ($lang) says why a higher IKM can rank lower: the ranking score\'s formula and its m', async ({ prefix, fmt, words }) => {
    const board = await api('/api/scoreboard?period=2026');
    // The demo data holds such a pair (80,60 below 80,42).
    const inverted = board.ranked.filter((r: any, i: number) => board.ranked.slice(0, i).some((above: any) => above.ikm < r.ikm));
    expect(inverted.length).toBeGreaterThan(0);
    await page.goto(`${server.url}${prefix}/peringkat?periode=2026`);
    await page.getByTestId('ranked-table').waitFor();
    const note = page.getByTestId('ranking-score-note');
    expect(await note.isVisible()).toBe(true);
    const text = (await note.textContent()) ?? '';
    for (const w of words) expect(text).toContain(w);
    expect(text).toContain(`m = ${fmt(board.priorMean)}`);
    // The column's header is described by the note (read with the header by a screen reader).
    const described = await page.getByTestId('ranked-table').locator('thead th').last().getAttribute('aria-describedby');
    expect(described).toBe(await note.getAttribute('id'));
  });

  it('switches the unit page to English with the numbers in English format', async () => {
    const scores = await api('/api/units/dukcapil-kota-gorontalo/scores?period=2026-S1');
    await page.goto(`${server.url}/en/unit/dukcapil-kota-gorontalo?periode=2026-S1`);
    await page.getByTestId('elements-table').waitFor();
    expect(await page.getByTestId('ikm').textContent()).toBe(scores.ikm.toFixed(2));
    expect(await page.getByRole('heading', { name: 'Community Satisfaction Index (IKM)' }).count()).toBe(1);
  });
});
