// Open data (issue 18 item 5): each closed quarter and year as a Frictionless Tabular Data Package that validates against
// the Data Package JSON schema (the profiles the Frictionless project publishes, read with ajv), whose every figure equals
// the scores route, with no comment in it; and a DCAT catalogue that lists them.
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/domain/csv.ts';
import { demoWorld, signIn } from '../support/db.ts';

const require = createRequire(import.meta.url);
const PROFILE = require('datapackage/lib/profiles/tabular-data-package.json') as object;

const NOW = new Date('2026-11-23T03:00:00Z');
let world: Awaited<ReturnType<typeof demoWorld>>;

beforeAll(async () => {
  world = await demoWorld(NOW);
}, 240_000);

function validator() {
  const ajv = new AjvDraft04({ strict: false, allErrors: true });
  addFormats(ajv);
  // The profiles' editor hint for long text; not a validation rule.
  ajv.addFormat('textarea', true);
  return ajv.compile(PROFILE);
}

async function csvOf(path: string) {
  const res = await world.app.request(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const rows = parseCsv(await res.text(), ',');
  const [header, ...body] = rows.map((r) => r.cells);
  return { header: header!, records: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))) };
}

const num = (s: string) => (s === '' ? null : Number(s));

describe('open data package', () => {
  for (const code of ['2026-Q3', '2025']) {
    it(`${code}: the descriptor validates against the Tabular Data Package schema and describes every column`, async () => {
      const res = await world.app.request(`/api/open-data/${code}/datapackage.json`);
      expect(res.status).toBe(200);
      const pkg = (await res.json()) as { resources: { path: string; schema: { fields: { name: string; type: string; description: string }[] } }[] };
      const validate = validator();
      const ok = validate(pkg);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);

      const resource = pkg.resources[0]!;
      expect(resource.path).toBe(`http://localhost/api/open-data/${code}/scores.csv`);
      const { header } = await csvOf(new URL(resource.path).pathname);
      // Every column in the file is in the schema, in order, typed and explained.
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
      for (const f of resource.schema.fields) {
        expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(f.type);
        expect(f.description.length).toBeGreaterThan(10);
      }
    });
  }

  it('a descriptor missing its resources fails the same schema (the validator can fail)', () => {
    const validate = validator();
    expect(validate({ profile: 'tabular-data-package', name: 'x' })).toBe(false);
    expect(validate({ profile: 'tabular-data-package', resources: [{ name: 'scores', path: 'scores.csv', profile: 'tabular-data-resource' }] })).toBe(false);
  });

  it('every figure in the package equals the scores route, unit by unit, for a quarter and a year', async () => {
    let compared = 0;
    for (const code of ['2026-Q3', '2025']) {
      const { records } = await csvOf(`/api/open-data/${code}/scores.csv`);
      const units = (await (await world.app.request('/api/units')).json()) as { items?: { slug: string }[] } | { slug: string }[];
      const slugs = (Array.isArray(units) ? units : units.items!).map((u) => u.slug).sort();
      expect(records.map((r) => r.unit_slug).sort()).toEqual(slugs);
      for (const r of records) {
        const s = (await (await world.app.request(`/api/units/${r.unit_slug}/scores?period=${code}`)).json()) as {
          n: number; ikm: number | null; ikmCi95: [number, number] | null; mutu: string | null; sampleTarget: number | null; sampleAdequate: boolean;
          nVerified: number; ikmVerified: number | null; elements: { code: string; nrr: number | null }[]; period: { from: string; to: string };
        };
        expect(r.period).toBe(code);
        expect([r.period_start, r.period_end]).toEqual([s.period.from, s.period.to]);
        expect(num(r.n!)).toBe(s.n);
        expect(num(r.ikm!)).toBe(s.ikm);
        expect([num(r.ikm_ci_low!), num(r.ikm_ci_high!)]).toEqual(s.ikmCi95 ?? [null, null]);
        expect(r.mutu || null).toBe(s.mutu);
        expect(num(r.sample_target!)).toBe(s.sampleTarget);
        expect(r.sample_adequate).toBe(String(s.sampleAdequate));
        expect(num(r.n_verified!)).toBe(s.nVerified);
        expect(num(r.ikm_verified!)).toBe(s.ikmVerified);
        for (const e of s.elements) expect(num(r[`nrr_${e.code.toLowerCase()}`]!)).toBe(e.nrr);
        compared++;
      }
    }
    // The demo world has 36 units: both periods compared in full.
    expect(compared).toBe(72);
  }, 120_000);

  it('carries the Kemendagri region codes and publishes no comment', async () => {
    const { records } = await csvOf('/api/open-data/2026-Q3/scores.csv');
    const byRegion = new Map(records.map((r) => [r.region_code_bps, r.region_code_kemendagri]));
    expect(byRegion.get('7571')).toBe('75.71');
    expect(byRegion.get('1571')).toBe('15.71');
    // Plaju's kecamatan code differs between BPS and Kemendagri: left empty rather than guessed.
    expect(byRegion.get('1671050')).toBe('');
    const text = await (await world.app.request('/api/open-data/2026-Q3/scores.csv')).text();
    const comments = await world.conn.db.selectFrom('responses').select('comment').where('comment', 'is not', null).limit(200).execute();
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) if (c.comment!.length > 12) expect(text).not.toContain(c.comment);
  });

  it('refuses open periods, months and nonsense with a code', async () => {
    const open = await world.app.request('/api/open-data/2026-Q4/datapackage.json');
    expect(open.status).toBe(404);
    expect(((await open.json()) as { error: { code: string } }).error.code).toBe('period_not_published');
    expect((await world.app.request('/api/open-data/2026/scores.csv')).status).toBe(404);
    const month = await world.app.request('/api/open-data/2026-08/scores.csv');
    expect(month.status).toBe(400);
    expect(((await month.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    expect((await world.app.request('/api/open-data/abc/datapackage.json')).status).toBe(400);
  });
});

describe('DCAT catalogue', () => {
  it('lists every closed quarter and year with its CSV and data package, and each link answers', async () => {
    const res = await world.app.request('/api/catalog.jsonld');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const catalog = (await res.json()) as {
      '@type': string; '@context': Record<string, string>;
      'dcat:dataset': { 'dct:identifier': string; 'dct:temporal': { 'dcat:startDate': { '@value': string } }; 'dct:spatial': { 'skos:notation': { '@value': string }[] }[]; 'dcat:distribution': { 'dcat:downloadURL': { '@id': string }; 'dct:format': string }[] }[];
    };
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    const ids = catalog['dcat:dataset'].map((d) => d['dct:identifier']);
    // Demo ratings start in 2025; on 2026-11-23 the closed periods are 2025-Q1 … 2026-Q3 and the year 2025.
    expect(ids).toEqual(['rapor-ikm-2026-q3', 'rapor-ikm-2026-q2', 'rapor-ikm-2026-q1', 'rapor-ikm-2025-q4', 'rapor-ikm-2025-q3', 'rapor-ikm-2025-q2', 'rapor-ikm-2025-q1', 'rapor-ikm-2025']);
    const notations = catalog['dcat:dataset'][0]!['dct:spatial'].flatMap((s) => s['skos:notation'].map((n) => n['@value']));
    expect(notations).toContain('75.71');
    for (const d of catalog['dcat:dataset'].slice(0, 2)) {
      expect(d['dcat:distribution'].map((x) => x['dct:format'])).toEqual(['CSV', 'JSON']);
      for (const dist of d['dcat:distribution']) expect((await world.app.request(new URL(dist['dcat:downloadURL']['@id']).pathname)).status).toBe(200);
    }
  });
});

describe('region codes', () => {
  it('regions carry their Kemendagri code; an administrator sets one, or it is derived where BPS and Kemendagri agree', async () => {
    const regions = (await (await world.app.request('/api/regions')).json()) as { code: string; kemendagriCode: string | null }[];
    expect(regions.find((r) => r.code === '7501')?.kemendagriCode).toBe('75.01');
    const cookie = await signIn(world.app, 'admin@demo.rapor.id', 'rapor-demo-2026');
    const put = (code: string, body: object) => world.app.request(`/api/admin/regions/${code}`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify(body) });
    const base = { name: 'Kabupaten Bone Bolango', kind: 'kabupaten', timezone: 'Asia/Makassar', parentCode: '75' };
    expect((await put('7503', base)).status).toBeLessThan(300);
    const bad = await put('7571050', { ...base, name: 'Kecamatan Kota Barat', kind: 'kecamatan', parentCode: '7571', kemendagriCode: '75-71-05' });
    expect(bad.status).toBe(400);
    expect((await put('7571050', { ...base, name: 'Kecamatan Kota Barat', kind: 'kecamatan', parentCode: '7571', kemendagriCode: '75.71.05' })).status).toBeLessThan(300);
    // Renaming it later without a code keeps the code it has.
    expect((await put('7571050', { ...base, name: 'Kec. Kota Barat', kind: 'kecamatan', parentCode: '7571' })).status).toBeLessThan(300);
    const after = (await (await world.app.request('/api/regions')).json()) as { code: string; kemendagriCode: string | null }[];
    expect(after.find((r) => r.code === '7503')?.kemendagriCode).toBe('75.03');
    expect(after.find((r) => r.code === '7571050')?.kemendagriCode).toBe('75.71.05');
  });
});
