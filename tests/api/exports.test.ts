// Exports: the numbers evaluators take away must equal the portal's, and never include another region's rows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { parseCsv } from '../../core/domain/csv.ts';
import { demoDb, signIn } from '../support/db.ts';
import { readWorkbook } from '../support/xlsx.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
let gorontaloCodes: Set<string>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  conn = await demoDb();
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') });
  for (const who of ['evaluator.gorontalo', 'evaluator', 'admin', 'staff.puskesmas-plaju']) cookies[who] = await signIn(app, `${who}@demo.rapor.id`, 'rapor-demo-2026');
  gorontaloCodes = new Set((await conn.db.selectFrom('regions').select('code').where('code', 'like', '75%').execute()).map((r) => r.code));
});
afterAll(async () => {
  await conn.close();
});

async function download(path: string, who = 'evaluator') {
  const res = await app.request(path, { headers: { cookie: cookies[who]! } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function table(bytes: Buffer, sep?: ',' | ';') {
  const [header, ...rows] = parseCsv(bytes.toString('utf8'), sep).map((r) => r.cells);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('the responses, scores and scores route agree', () => {
  it('for every demo unit in 2026-Q2, the IKM recomputed from the responses CSV equals the scores export and the scores route', async () => {
    const responses = table((await download('/api/exports/responses.csv?period=2026-Q2')).bytes);
    const scores = table((await download('/api/exports/scores.csv?period=2026-Q2')).bytes);
    expect(scores.length).toBe(36);
    let compared = 0;
    for (const s of scores) {
      const rows = responses.filter((r) => r.unit_slug === s.unit_slug);
      expect(rows.length, s.unit_slug).toBe(Number(s.n));
      const route = (await (await app.request(`/api/units/${s.unit_slug}/scores?period=2026-Q2`)).json()) as any;
      expect(Number(s.n)).toBe(route.n);
      if (rows.length === 0) continue;
      // The regulation's steps from raw answers: NRR per element, × 1/9, summed, × 25.
      const nrr = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => rows.reduce((sum, r) => sum + Number(r[`u${k}`]), 0) / rows.length);
      const ikm = nrr.reduce((sum, x) => sum + x / 9, 0) * 25;
      expect(Math.abs(Number(s.ikm) - ikm), s.unit_slug).toBeLessThanOrEqual(0.005 + 1e-9);
      // The export is exact; the public route withholds the IKM behind fewer than k ratings (decision 047).
      const small = Number(s.n) < route.minPublicRatings;
      expect(route.ikm).toBe(small ? null : Number(s.ikm));
      expect(route.mutu).toBe(small ? null : s.mutu);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});

describe('scope', () => {
  const files = ['responses', 'permit-reports', 'scores', 'asn-evidence'].flatMap((d) => ['csv', 'ndjson'].map((f) => `${d}.${f}`));

  it.each(files)('an evaluator scoped to Gorontalo gets no row of another region in %s', async (file) => {
    const { status, bytes } = await download(`/api/exports/${file}?period=2026`, 'evaluator.gorontalo');
    expect(status).toBe(200);
    const rows = file.endsWith('.csv') ? table(bytes) : bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(0);
    const units = new Map((await conn.db.selectFrom('units').select(['slug', 'region_code']).execute()).map((u) => [u.slug, u.region_code]));
    for (const r of rows) expect(gorontaloCodes.has(String(r.region_code ?? units.get(r.unit_slug)))).toBe(true);
  });

  it('refuses a region or unit outside the evaluator scope with 403, and anonymous with 401', async () => {
    expect((await download('/api/exports/responses.csv?period=2026&region=1671', 'evaluator.gorontalo')).status).toBe(403);
    expect((await download('/api/exports/responses.csv?period=2026&unit=puskesmas-plaju', 'evaluator.gorontalo')).status).toBe(403);
    expect((await app.request('/api/exports/responses.csv?period=2026')).status).toBe(401);
    expect((await download('/api/exports/nothing.csv')).status).toBe(404);
    expect((await download('/api/exports/responses.pdf')).status).toBe(404);
    expect((await download('/api/exports/responses.csv?period=2026-Q9')).status).toBe(400);
  });

  it('gives staff their own unit only', async () => {
    const rows = table((await download('/api/exports/responses.csv?period=2026', 'staff.puskesmas-plaju')).bytes);
    expect(new Set(rows.map((r) => r.unit_slug))).toEqual(new Set(['puskesmas-plaju']));
    expect((await download('/api/exports/responses.csv?period=2026&region=75', 'staff.puskesmas-plaju')).status).toBe(403);
  });
});

describe('formats and details', () => {
  it('writes RFC 4180 CSV with a BOM, and ; on request for spreadsheets in the Indonesian locale', async () => {
    const comma = await download('/api/exports/scores.csv?period=2026-Q3&region=75');
    expect(comma.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(comma.headers.get('content-disposition')).toBe('attachment; filename="rapor-scores-2026-Q3-75.csv"');
    const semi = await download('/api/exports/scores.csv?period=2026-Q3&region=75&sep=semicolon');
    // The ; file writes decimals with a comma (issue 16); otherwise the same cells.
    const decimalComma = (rows: Record<string, string>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^-?\d+\.\d+$/.test(v) ? v.replace('.', ',') : v])));
    expect(table(semi.bytes, ';')).toEqual(decimalComma(table(comma.bytes, ',')));
  });

  it('includes excluded ratings only when asked, with their reason', async () => {
    await conn.db.updateTable('responses').set({ exclusion_reason: 'spam', excluded_at: '2026-08-01T00:00:00.000Z' })
      .where('id', '=', (await conn.db.selectFrom('responses').select('id').where('local_date', '=', '2026-08-03').limit(1).executeTakeFirstOrThrow()).id).execute();
    const plain = table((await download('/api/exports/responses.csv?from=2026-08-03&to=2026-08-03')).bytes);
    const all = table((await download('/api/exports/responses.csv?from=2026-08-03&to=2026-08-03&includeExcluded=true')).bytes);
    expect(all.length).toBe(plain.length + 1);
    expect(all.filter((r) => r.status === 'excluded')).toEqual([expect.objectContaining({ exclusion_reason: 'spam' })]);
    expect(plain.some((r) => r.status === 'excluded')).toBe(false);
  });

  it('keeps a comment that looks like a formula from running in a spreadsheet', async () => {
    await conn.db.updateTable('responses').set({ comment: '=HYPERLINK("http://jahat.example","klik")' })
      .where('id', '=', (await conn.db.selectFrom('responses').select('id').where('local_date', '=', '2026-08-04').limit(1).executeTakeFirstOrThrow()).id).execute();
    const rows = table((await download('/api/exports/responses.csv?from=2026-08-04&to=2026-08-04')).bytes);
    expect(rows.some((r) => r.comment === `'=HYPERLINK("http://jahat.example","klik")`)).toBe(true);
  });

  it('writes an audit entry per export with its filters and row count', async () => {
    await download('/api/exports/permit-reports.ndjson?period=2026-Q1&region=7571', 'evaluator.gorontalo');
    const entries = await conn.db.selectFrom('audit_log').select(['details', 'user_id']).where('action', '=', 'export').where('details', 'like', '%"format":"ndjson"%').where('details', 'like', '%"period":"2026-Q1"%').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.user_id).toEqual(expect.any(String));
    expect(JSON.parse(entries[0]!.details!)).toMatchObject({ dataset: 'permit-reports', format: 'ndjson', period: '2026-Q1', region: '7571', completed: true, rows: expect.any(Number) });
  });

  it('gives ASN evidence per official and indicator with achievement and a suggested rating', async () => {
    const rows = table((await download('/api/exports/asn-evidence.csv?period=2026-S1&unit=dpmptsp-kota-gorontalo')).bytes);
    // One row per permit type for the permit indicators (issue 16, item 8; tests/api/asn-evidence.test.ts).
    expect([...new Set(rows.map((r) => r.indicator))]).toEqual(['ikm', 'permit_within_sla_share', 'permit_median_days', 'follow_up_on_time_share']);
    const ikm = rows[0]!;
    const scores = (await (await app.request('/api/units/dpmptsp-kota-gorontalo/scores?period=2026-S1')).json()) as any;
    expect(Number(ikm.realisation)).toBe(scores.ikm);
    expect(Number(ikm.achievement_pct)).toBeCloseTo((scores.ikm / Number(ikm.target)) * 100, 2);
    expect(ikm.suggested_rating).toBe(Number(ikm.achievement_pct) >= 110 ? 'di atas ekspektasi' : Number(ikm.achievement_pct) >= 90 ? 'sesuai ekspektasi' : 'di bawah ekspektasi');
    const median = rows.find((r) => r.indicator === 'permit_median_days' && r.realisation !== '')!;
    // Lower is better: capaian = target ÷ realisation.
    expect(Number(median.achievement_pct)).toBeCloseTo(Math.min(200, (Number(median.target) / Number(median.realisation)) * 100), 2);
    expect(ikm.evidence_url).toBe('http://localhost/laporan/skm?unit=dpmptsp-kota-gorontalo&periode=2026-S1');
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
const requireSpreadsheet = process.env.RAPOR_REQUIRE_SPREADSHEET === '1';
if (!soffice) {
  if (requireSpreadsheet) throw new Error('[xlsx] LibreOffice is required here but missing (apt-get install libreoffice-calc-nogui).');
  console.warn('[xlsx] spreadsheet round-trip skipped: no LibreOffice (apt-get install libreoffice-calc-nogui).');
}

describe.skipIf(!soffice)('XLSX in a real spreadsheet program', () => {
  it.each(['responses', 'scores', 'permit-reports'])('LibreOffice converts %s.xlsx to a CSV with the same rows as our CSV', async (dataset) => {
    const dir = mkdtempSync(join(tmpdir(), 'rapor-xlsx-'));
    try {
      const query = '?period=2026-Q3&region=7571';
      const workbook = (await download(`/api/exports/${dataset}.xlsx${query}`)).bytes;
      writeFileSync(join(dir, `${dataset}.xlsx`), workbook);
      // The data sheet's titles are Indonesian (issue 28 item 7); the workbook's "Kamus data" maps them to the codes.
      const codeOf = new Map(readWorkbook(workbook).rows(2).slice(1).map(([code, label]) => [label!, code!]));
      const result = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, `${dataset}.xlsx`)], { encoding: 'utf8', timeout: 120_000 });
      expect(result.status, result.stderr).toBe(0);
      const fromSpreadsheet = table(readFileSync(join(dir, `${dataset}.csv`))).map((row) => Object.fromEntries(Object.entries(row).map(([label, value]) => [codeOf.get(label) ?? `unknown title ${label}`, value])));
      const ours = table((await download(`/api/exports/${dataset}.csv${query}`)).bytes);
      expect(Object.keys(fromSpreadsheet[0] ?? {})).toEqual(Object.keys(ours[0] ?? {}));
      expect(fromSpreadsheet.length).toBe(ours.length);
      expect(fromSpreadsheet.length).toBeGreaterThan(0);
      const key = Object.keys(ours[0]!)[0]!;
      expect(fromSpreadsheet.map((r) => r[key])).toEqual(ours.map((r) => r[key]));
      // Text survives as text (including the regional language of comments), numbers as numbers.
      expect(fromSpreadsheet.map((r) => r.unit_slug)).toEqual(ours.map((r) => r.unit_slug));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
