// The search results page without JavaScript (issue 17 item 3), rendered on demand by the built site (npx astro build
// first; docs/decisions/054): links, the kind and region, escaping, in both languages. The figures themselves are
// checked against the demo world in search-demo.test.ts. (These checks read server/pages/search-results.ts's output
// before the page became an Astro page.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { insertFixture, migratedDb } from '../support/db.ts';
import { DIST } from '../support/js-weight.ts';

let conn: Awaited<ReturnType<typeof migratedDb>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  conn = await migratedDb();
  await insertFixture(conn.db);
  await conn.db.updateTable('units').set({ name: 'Dukcapil <Kota> & "Sipil"' }).where('id', '=', 'u-gtlo').execute();
  app = createApp({ db: conn.db, now: () => new Date('2026-08-10T03:00:00.000Z'), distDir: DIST });
});
afterAll(() => conn.close());

/** The page's main content: the layout around it carries the language switch's own small script. */
async function main(path: string): Promise<string> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

describe('/cari', () => {
  it('shows each unit with its kind, region and links, every text escaped', async () => {
    const html = await main(`/cari?q=${encodeURIComponent('dukcapil <b>')}`);
    // In an attribute, & " and < are escaped (Svelte's rule): nothing can leave the value or open a tag.
    expect(html).toContain('value="dukcapil &lt;b>"');
    expect(html).toContain('Hasil pencarian “dukcapil &lt;b&gt;”');
    expect(html).toContain('Dukcapil &lt;Kota&gt; &amp; &quot;Sipil&quot;');
    expect(html).not.toContain('<Kota>');
    expect(html).toContain('Dukcapil (kependudukan) · Kota Gorontalo');
    expect(html).toContain('href="/unit/dukcapil-uji-gorontalo"');
    expect(html).toContain('href="/nilai/dukcapil-uji-gorontalo"');
    expect(html).toContain('Belum ada penilaian tahun ini');
    expect(html).toContain('action="/cari"');
    expect(html).not.toContain('<script');
  });

  it('speaks English on /en/cari, with English links', async () => {
    const html = await main('/en/cari?q=dukcapil');
    expect(html).toContain('href="/en/unit/dukcapil-uji-gorontalo"');
    expect(html).toContain('action="/en/cari"');
  });

  it('says when nothing matches, and asks for words when none were given', async () => {
    expect(await main('/cari?q=zzzqqq')).toContain('Tidak ada unit yang cocok.');
    expect(await main('/cari')).toContain('misalnya KTP, rumah sakit');
  });
});

describe('the on-demand pages under Hono (docs/decisions/054)', () => {
  it('leaves the prerendered error page\'s route and unknown paths to the site\'s 404, never a 500', async () => {
    for (const path of ['/404', '/404/', '/en/404', '/halaman-yang-tidak-ada', '/x/y/cari', '/_server-islands/x']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain('<h1>Halaman tidak ditemukan</h1>');
    }
  });
});
