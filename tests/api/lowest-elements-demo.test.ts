// Ties on the unit page (issue 25, item 6): "terendah" marks every element whose exact NRR is the lowest, not the first
// of them in element order, in the API answer the island reads and on the page the server fills without JavaScript.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { demoDb } from '../support/db.ts';
import { DIST } from '../support/js-weight.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  // The unit page is rendered on demand by the built site (npx astro build first; docs/decisions/054).
  conn = await demoDb();
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z'), distDir: DIST });
});
afterAll(async () => {
  await conn.close();
});

/** The elements whose answers add up to the least (every element has the same n), from the raw responses. */
async function lowestByRecount(slug: string, from: string, to: string): Promise<string[]> {
  const row = (await sql<Record<string, number>>`
    select sum(r.u1) as u1, sum(r.u2) as u2, sum(r.u3) as u3, sum(r.u4) as u4, sum(r.u5) as u5, sum(r.u6) as u6, sum(r.u7) as u7, sum(r.u8) as u8, sum(r.u9) as u9
    from responses r join units u on u.id = r.unit_id
    where u.slug = ${slug} and r.local_date between ${from} and ${to} and r.exclusion_reason is null`.execute(conn.db)).rows[0]!;
  const sums = Array.from({ length: 9 }, (_, i) => Number(row[`u${i + 1}`]));
  const min = Math.min(...sums);
  return sums.flatMap((s, i) => (s === min ? [`U${i + 1}`] : []));
}

/** The element codes the page the server rendered badges as the lowest (read without Svelte's hydration comments). */
function badged(page: string, word: string): string[] {
  const html = page.replace(/<!--[\s\S]*?-->/g, '');
  const table = /<table [^>]*data-figure="elements"[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<th scope="row">(U\d)[^<]*(<span class="badge">([^<]*)<\/span>)?<\/th>/g)].filter((m) => m[3] === word).map((m) => m[1]!);
}

describe('the lowest element on the unit page (issue 25, item 6)', () => {
  it('disdikbud-provinsi-gorontalo 2026-Q2 (n 108; the first tie found, kecamatan-jambi-selatan 2025-Q2, stands behind 3 ratings and so shows no element figures under decision 047): every tied lowest element is marked "terendah", in the API and on the page without JavaScript', async () => {
    const tied = await lowestByRecount('disdikbud-provinsi-gorontalo', '2026-04-01', '2026-06-30');
    expect(tied.length, 'the demo has a tie here').toBeGreaterThan(1);
    const api = (await (await app.request('/api/units/disdikbud-provinsi-gorontalo/scores?period=2026-Q2')).json()) as { lowest: string[] };
    expect(api.lowest).toEqual(tied);
    const html = await (await app.request('/unit/disdikbud-provinsi-gorontalo?periode=2026-Q2')).text();
    expect(badged(html, 'terendah')).toEqual(tied);
    const en = await (await app.request('/en/unit/disdikbud-provinsi-gorontalo?periode=2026-Q2')).text();
    expect(badged(en, 'lowest')).toEqual(tied);
  });

  it('marks exactly the lowest elements of every unit in 2025-Q2', async () => {
    const slugs = (await conn.db.selectFrom('units').select('slug').orderBy('slug').execute()).map((u) => u.slug);
    let ties = 0;
    for (const slug of slugs) {
      const tied = await lowestByRecount(slug, '2025-04-01', '2025-06-30');
      const html = await (await app.request(`/unit/${slug}?periode=2025-Q2`)).text();
      if (!html.includes('data-figure="elements"')) continue;
      expect(badged(html, 'terendah'), slug).toEqual(tied);
      if (tied.length > 1) ties++;
    }
    expect(ties).toBeGreaterThan(0);
  });
});
