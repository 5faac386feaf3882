// The server-rendered search results (issue 17 item 3): figures, links and escaping, in both languages.
import { describe, expect, it } from 'vitest';
import { searchResultsHtml } from '../../server/pages/search-results.ts';
import type { UnitSearchResult } from '../../core/api-types.ts';

const result: UnitSearchResult = {
  query: 'ktp <b>',
  region: null,
  period: { code: '2026', from: '2026-01-01', to: '2026-12-31' },
  minPublicRatings: 5,
  items: [
    { slug: 'dukcapil-kota', name: 'Dukcapil <Kota> & "Sipil"', kind: 'dukcapil', region: { code: '7571', name: 'Kota Gorontalo' }, ikm: 81.5, mutu: 'B', kinerja: 'Baik', n: 1234, provisional: false },
    { slug: 'dukcapil-baru', name: 'Dukcapil Baru', kind: 'dukcapil', region: { code: '15', name: 'Provinsi Jambi' }, ikm: null, mutu: null, kinerja: null, n: 0, provisional: false },
  ],
  elsewhere: [],
};

describe('searchResultsHtml', () => {
  it('shows each unit with its IKM, grade, kind, region and links, escaped', () => {
    const html = searchResultsHtml('id', result.query, result);
    expect(html).toContain('value="ktp &lt;b&gt;"');
    expect(html).toContain('Hasil pencarian “ktp &lt;b&gt;”');
    expect(html).toContain('Dukcapil &lt;Kota&gt; &amp; &quot;Sipil&quot;');
    expect(html).not.toContain('<Kota>');
    expect(html).toContain('<strong>IKM 2026: 81,50</strong> · Mutu B (Baik) · 1.234 penilaian');
    expect(html).toContain('Dukcapil (kependudukan) · Kota Gorontalo');
    expect(html).toContain('href="/unit/dukcapil-kota"');
    expect(html).toContain('href="/nilai/dukcapil-kota"');
    expect(html).toContain('Belum ada penilaian tahun ini');
    expect(html).toContain('action="/cari"');
    expect(html).not.toContain('<script');
  });

  it('speaks English on /en/cari, with English links', () => {
    const html = searchResultsHtml('en', 'ktp', { ...result, query: 'ktp' });
    expect(html).toContain('<strong>IKM 2026: 81.50</strong> · Grade B (Good) · 1,234 ratings');
    expect(html).toContain('href="/en/unit/dukcapil-kota"');
    expect(html).toContain('action="/en/cari"');
  });

  it('says when nothing matches, and asks for words when none were given', () => {
    expect(searchResultsHtml('id', 'zzz', { ...result, query: 'zzz', items: [] })).toContain('Tidak ada unit yang cocok.');
    expect(searchResultsHtml('id', '', null)).toContain('misalnya KTP, rumah sakit');
  });
});
