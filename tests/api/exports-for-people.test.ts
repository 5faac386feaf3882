// Issue 28 item 7, "Spreadsheets for people": an XLSX export has Indonesian column titles in a bold, frozen header
// row, column widths, an Indonesian sheet name and a second sheet "Kamus data" (code, title, meaning, unit of each
// column); CSV keeps the machine codes; the `,` and `;` CSV files have different names. Read with an XLSX reader of
// the tests' own (tests/support/xlsx.ts), not the writer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { COLUMNS, columnsFor, DATASETS } from '../../server/export/datasets.ts';
import { COMPLIANCE_COLUMNS } from '../../core/domain/compliance.ts';
import { parseCsv } from '../../core/domain/csv.ts';
import { columnWords } from '../../core/i18n/i18n-export-columns.ts';
import { demoDb, signIn } from '../support/db.ts';
import { readWorkbook, xlsxTable } from '../support/xlsx.ts';

let conn: Connection;
let app: ReturnType<typeof createApp>;
let cookie: string;
beforeAll(async () => {
  conn = await demoDb();
  app = createApp({ db: conn.db, now: () => new Date('2026-11-23T03:00:00Z') });
  cookie = await signIn(app, 'evaluator@demo.rapor.id', 'rapor-demo-2026');
});
afterAll(async () => {
  await conn.close();
});

async function download(path: string) {
  const res = await app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return { disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const csvTable = (bytes: Buffer) => {
  const [header, ...rows] = parseCsv(bytes.toString('utf8')).map((r) => r.cells);
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
};

describe('XLSX for people', () => {
  it('has words for every column of every table it writes', () => {
    const tables: [string, readonly string[]][] = [
      ...DATASETS.map((d) => [d, columnsFor(d, true)] as [string, readonly string[]]),
      ['asn-evidence', columnsFor('asn-evidence', false, 1)],
      ['kepatuhan', COMPLIANCE_COLUMNS],
    ];
    const missing = tables.flatMap(([table, columns]) => columns.filter((c) => !columnWords(table, c)).map((c) => `${table}.${c}`));
    expect(missing).toEqual([]);
    // Titles are distinct within a table (the dictionary maps them back to codes).
    for (const [table, columns] of tables) expect(new Set(columns.map((c) => columnWords(table, c)!.label)).size, table).toBe(columns.length);
  });

  it.each([
    ['scores', 'Nilai IKM', 'Kode unit'],
    ['responses', 'Penilaian', 'ID penilaian'],
    ['permit-reports', 'Laporan waktu izin', 'ID laporan'],
    ['asn-evidence', 'Bukti kinerja ASN', 'Periode'],
  ] as const)('%s.xlsx: Indonesian sheet name and titles, bold frozen header, widths, and a Kamus data sheet', async (dataset, sheet, firstTitle) => {
    const query = '?period=2026-Q3&region=75';
    const xlsx = await download(`/api/exports/${dataset}.xlsx${query}`);
    const csv = csvTable((await download(`/api/exports/${dataset}.csv${query}`)).bytes);
    const book = readWorkbook(xlsx.bytes);
    expect(book.sheetNames).toEqual([sheet, 'Kamus data']);

    const [header, ...rows] = book.rows(1);
    expect(header![0]).toBe(firstTitle);
    expect(header).toEqual(csv.header.map((code) => columnWords(dataset, code)!.label));
    // CSV keeps the machine codes.
    expect(csv.header).toEqual([...COLUMNS[dataset]]);
    expect(rows.length).toBe(csv.rows.length);
    expect(rows.length).toBeGreaterThan(0);

    const xml = book.sheetXml(1);
    // Every header cell uses a style whose font is bold; the first row is frozen; every column has a width.
    const headerStyles = new Set([...(/<row r="1">([\s\S]*?)<\/row>/.exec(xml)![1]!).matchAll(/ s="(\d+)"/g)].map((m) => Number(m[1])));
    expect(headerStyles.size).toBe(1);
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(book.styles)![1]!).matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) => Number(m[1]));
    const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(book.styles)![1]!).matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]!);
    expect(fonts[xfs[[...headerStyles][0]!]!]!).toContain('<b/>');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect([...xml.matchAll(/<col min="(\d+)" max="\1" width="(\d+(?:\.\d+)?)" customWidth="1"\/>/g)].length).toBe(header!.length);

    // The dictionary: one row per column, in order, with code, title, meaning and unit.
    const [dictHeader, ...dictionary] = book.rows(2);
    expect(dictHeader).toEqual(['Kode kolom', 'Judul kolom', 'Arti', 'Satuan atau jenis nilai']);
    expect(dictionary.map((r) => r[0])).toEqual(csv.header);
    expect(dictionary.map((r) => r[1])).toEqual(header);
    expect(dictionary.every((r) => r.length === 4 && r.every((cell) => cell.length > 0))).toBe(true);

    // The same data as the CSV, cell for cell where the CSV has text or numbers (dates are date cells in XLSX).
    const data = xlsxTable(xlsx.bytes);
    const key = csv.header[0]!;
    expect(data.map((r) => r[key])).toEqual(csv.rows.map((r) => r[key]));
  });

  it('gives the , and ; CSV files different names, and XLSX its own', async () => {
    expect((await download('/api/exports/scores.csv?period=2026-Q3&region=75')).disposition).toBe('attachment; filename="rapor-scores-2026-Q3-75.csv"');
    expect((await download('/api/exports/scores.csv?period=2026-Q3&region=75&sep=semicolon')).disposition).toBe('attachment; filename="rapor-scores-2026-Q3-75-titik-koma.csv"');
    expect((await download('/api/exports/scores.xlsx?period=2026-Q3&region=75&sep=semicolon')).disposition).toBe('attachment; filename="rapor-scores-2026-Q3-75.xlsx"');
    expect((await download('/api/compliance?year=2026&format=csv')).disposition).toBe('attachment; filename="rapor-kepatuhan-2026.csv"');
    expect((await download('/api/compliance?year=2026&format=csv&sep=semicolon')).disposition).toBe('attachment; filename="rapor-kepatuhan-2026-titik-koma.csv"');
    const compliance = readWorkbook((await download('/api/compliance?year=2026&format=xlsx')).bytes);
    expect(compliance.sheetNames).toEqual(['Kepatuhan', 'Kamus data']);
    expect(compliance.rows(1)[0]![0]).toBe('Kode unit');
  });
});
