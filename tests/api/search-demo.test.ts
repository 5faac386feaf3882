// Unit search by the words residents use (issue 17 item 3, docs/decisions/031-unit-search.md), on the demo world.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { demoWorld } from '../support/db.ts';
import { DIST } from '../support/js-weight.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
let kinds: Map<string, string>;
beforeAll(async () => {
  ({ conn, app } = await demoWorld());
  kinds = new Map((await conn.db.selectFrom('units').select(['slug', 'kind']).execute()).map((u) => [u.slug, u.kind]));
});
afterAll(async () => {
  await conn.close();
});

async function get(path: string) {
  const res = await app.request(path);
  return { status: res.status, json: (await res.json()) as any };
}
const search = async (q: string, extra = '') => (await get(`/api/search?q=${encodeURIComponent(q)}${extra}`)).json.items as any[];
const slugsOfKind = (kind: string) => [...kinds].filter(([, k]) => k === kind).map(([s]) => s).sort();

describe('GET /api/search', () => {
  it.each([
    ['ktp', 'dukcapil'], ['KK', 'dukcapil'], ['akta kelahiran', 'dukcapil'], ['Dukcapil', 'dukcapil'], ['capil', 'dukcapil'], ['dukcapl', 'dukcapil'],
    ['rumah sakit', 'rsud'], ['kantor perizinan', 'dpmptsp'], ['izin', 'dpmptsp'], ['perizinan', 'dpmptsp'],
    ['STNK', 'samsat'], ['pajak kendaraan', 'samsat'],
  ])('"%s" finds every %s unit, ahead of any other', async (q, kind) => {
    const items = await search(q);
    const wanted = slugsOfKind(kind);
    expect(items.slice(0, wanted.length).map((u) => u.slug).sort()).toEqual(wanted);
  });

  it('"rumah sakit" finds only hospitals; "kantor perizinan" the permit offices first, then offices that recommend permits', async () => {
    expect(new Set((await search('rumah sakit')).map((u) => u.kind))).toEqual(new Set(['rsud']));
    const offices = await search('kantor perizinan');
    expect(offices.slice(0, 6).every((u) => u.kind === 'dpmptsp')).toBe(true);
    expect(new Set(offices.map((u) => u.kind))).toEqual(new Set(['dpmptsp', 'kecamatan']));
  });

  it('gives each result its current IKM and grade: the unit page\'s figures for the current year', async () => {
    const items = await search('ktp');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const scores = (await get(`/api/units/${item.slug}/scores`)).json;
      expect(item).toMatchObject({ ikm: scores.ikm, mutu: scores.mutu, kinerja: scores.kinerja, n: scores.n, provisional: scores.provisional });
      expect(item.ikm).toEqual(expect.any(Number));
      expect(item.region).toEqual({ code: expect.any(String), name: expect.any(String) });
    }
    expect((await get('/api/search?q=ktp')).json.period.code).toBe('2026');
  });

  it('narrows to a region with its sub-regions', async () => {
    const items = await search('rumah sakit', '&region=75');
    expect(items.map((u) => u.slug).sort()).toEqual(['rsud-aloei-saboe', 'rsud-hasri-ainun-habibie', 'rsud-mm-dunda-limboto']);
  });

  it('answers an empty list for words that match nothing, and keeps its limit', async () => {
    expect(await search('zzqqxxyy')).toEqual([]);
    expect(await search('kota', '&limit=3')).toHaveLength(3);
  });

  it('refuses a missing or too long query, a bad region or limit with 400, and an unknown region with 404', async () => {
    expect(await get('/api/search')).toMatchObject({ status: 400, json: { error: { code: 'validation_failed', fields: { q: expect.any(String) } } } });
    expect(await get('/api/search?q=%20')).toMatchObject({ status: 400, json: { error: { fields: { q: expect.any(String) } } } });
    expect(await get(`/api/search?q=${'a'.repeat(101)}`)).toMatchObject({ status: 400, json: { error: { fields: { q: expect.any(String) } } } });
    expect(await get('/api/search?q=ktp&region=x')).toMatchObject({ status: 400, json: { error: { fields: { region: expect.any(String) } } } });
    expect(await get('/api/search?q=ktp&limit=0')).toMatchObject({ status: 400, json: { error: { fields: { limit: expect.any(String) } } } });
    expect(await get('/api/search?q=ktp&region=99')).toMatchObject({ status: 404, json: { error: { code: 'region_not_found' } } });
  });

  it('the old name-only search is what failed: /api/units?q=ktp knows no Dukcapil', async () => {
    // Kept as the record of the problem: the unit list filters by name only, the search knows the words people use.
    expect((await get('/api/units?q=ktp')).json.items).toEqual([]);
    expect((await search('ktp')).length).toBeGreaterThan(0);
  });
});

describe('services another agency runs (issue 25, item 11)', () => {
  it.each([
    ['SIM', 'Satpas', 'https://korlantas.polri.go.id/'],
    ['perpanjang sim', 'Satpas', 'https://korlantas.polri.go.id/'],
    ['paspor', 'Kantor Imigrasi', 'https://www.imigrasi.go.id/'],
    ['BPJS', 'BPJS Kesehatan', 'https://www.bpjs-kesehatan.go.id/'],
    ['bpjs ketenagakerjaan', 'BPJS Ketenagakerjaan', 'https://www.bpjsketenagakerjaan.go.id/'],
  ])('"%s" says %s runs it and links to its official site, and leads to no Samsat', async (q, agency, url) => {
    const { json } = await get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(json.items.filter((u: any) => u.kind === 'samsat')).toEqual([]);
    const referral = json.elsewhere.find((e: any) => e.agency.id.includes(agency));
    expect(referral, JSON.stringify(json.elsewhere)).toBeDefined();
    expect(referral.links.map((l: any) => l.url)).toContain(url);
    expect(referral.what.id).not.toBe(referral.what.en);
  });

  it('says nothing of other agencies for what the portal\'s units do ("ktp", "STNK")', async () => {
    for (const q of ['ktp', 'STNK', 'rumah sakit']) expect((await get(`/api/search?q=${encodeURIComponent(q)}`)).json.elsewhere, q).toEqual([]);
  });
});

describe('GET /cari: the results page without JavaScript (needs the built site)', () => {
  let site: ReturnType<typeof createApp>;
  beforeAll(() => {
    site = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z'), distDir: DIST });
  });
  const page = async (path: string) => {
    const res = await site.request(path);
    return { status: res.status, html: await res.text() };
  };

  it('shows the units found with their IKM and grade, in the site\'s page, without script of its own', async () => {
    const { status, html } = await page('/cari?q=rumah+sakit');
    expect(status).toBe(200);
    expect(html.match(/<li class="card" data-unit="rsud-/g)).toHaveLength(5);
    expect(html).toMatch(/IKM 2026: \d{2},\d{2}<\/strong> · Mutu [ABCD] \(/);
    expect(html).toContain('value="rumah sakit"');
    expect(html).toContain('<div data-server-slot="search-results"><');
    expect(html).toMatch(/<a class="lang" href="\/en\/cari\/?\?q=rumah\+sakit"[^>]*data-lang-switch/);
  });

  it('speaks English at /en/cari, asks for words without a query, and escapes what it is given', async () => {
    expect((await page('/en/cari?q=ktp')).html).toContain('Results for “ktp”');
    expect((await page('/cari')).html).toContain('misalnya KTP, rumah sakit');
    const hostile = await page(`/cari?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.status).toBe(200);
    expect(hostile.html).not.toContain('<script>alert(1)');
    expect(hostile.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says who runs SIM, passports and BPJS, with links to their official sites, in both languages (issue 25, item 11)', async () => {
    const sim = (await page('/cari?q=SIM')).html;
    expect(sim).toContain('Satpas');
    expect(sim).toContain('href="https://korlantas.polri.go.id/"');
    expect(sim).not.toMatch(/data-unit="samsat-/);
    expect((await page('/en/cari?q=paspor')).html).toMatch(/immigration office[\s\S]*href="https:\/\/www\.imigrasi\.go\.id\/"/i);
    const bpjs = (await page('/cari?q=BPJS')).html;
    expect(bpjs).toContain('href="https://www.bpjs-kesehatan.go.id/"');
    expect(bpjs).toContain('href="https://www.bpjsketenagakerjaan.go.id/"');
  });

  it('never fails on odd input: an unknown region searches everywhere, long or strange words are cut or refused politely', async () => {
    for (const path of ['/cari?q=ktp&wilayah=99', '/cari?q=ktp&wilayah=x', `/cari?q=${'a'.repeat(500)}`, '/cari?q=%F0%9F%98%80', '/cari?q=%25%5F%5C', '/cari?q=a%00b', '/cari/?q=ktp']) {
      expect((await page(path)).status, path).toBe(200);
    }
    expect((await page('/cari?q=ktp&wilayah=99')).html).toContain('data-unit="dukcapil-kota-gorontalo"');
  });
});
