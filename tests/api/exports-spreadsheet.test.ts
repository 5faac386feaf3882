// Issue 16 item 13: the exports as a spreadsheet reads them. A `;` CSV (for spreadsheets in the Indonesian locale) writes
// decimals with a comma; XLSX dates and timestamps are typed date cells; pending permit reports carry their working
// days so far and whether they are already past their SLA. LibreOffice checks the files as a spreadsheet program.
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
let cookie: string;
let holidays: Set<string>;
const TODAY = '2026-11-23';

beforeAll(async () => {
  conn = await demoDb();
  app = createApp({ db: conn.db, now: () => new Date(`${TODAY}T03:00:00Z`) });
  cookie = await signIn(app, 'evaluator@demo.rapor.id', 'rapor-demo-2026');
  holidays = new Set((await conn.db.selectFrom('holidays').select('date').execute()).map((h) => h.date));
});
afterAll(async () => {
  await conn.close();
});

async function download(path: string) {
  const res = await app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

function table(bytes: Buffer, sep?: ',' | ';') {
  const [header, ...rows] = parseCsv(bytes.toString('utf8'), sep).map((r) => r.cells);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** An independent count of working days in (from, to]: step through each calendar day. */
function naiveWorkingDays(from: string, to: string): number {
  let n = 0;
  const d = new Date(from + 'T12:00:00Z');
  const end = new Date(to + 'T12:00:00Z');
  for (d.setUTCDate(d.getUTCDate() + 1); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(iso)) n++;
  }
  return n;
}

describe('the ; CSV for spreadsheets in the Indonesian locale', () => {
  it('writes decimals with a comma (scores 2026-Q3, Gorontalo), the same numbers as the , CSV', async () => {
    const comma = table(await download('/api/exports/scores.csv?period=2026-Q3&region=75'), ',');
    const semi = table(await download('/api/exports/scores.csv?period=2026-Q3&region=75&sep=semicolon'), ';');
    expect(semi.length).toBe(comma.length);
    let decimals = 0;
    for (const [i, row] of semi.entries()) {
      for (const column of ['ikm', 'ikm_ci_low', 'ikm_ci_high', 'nrr_u1', 'nrr_u9']) {
        const ours = comma[i]![column]!;
        if (ours === '' || !ours.includes('.')) continue;
        expect(row[column], `${row.unit_slug} ${column}`).toBe(ours.replace('.', ','));
        decimals++;
      }
      // Text and whole numbers are unchanged.
      expect(row.unit_name).toBe(comma[i]!.unit_name);
      expect(row.n).toBe(comma[i]!.n);
    }
    expect(decimals).toBeGreaterThan(20);
  });
});

describe('permit reports still waiting', () => {
  it('carry their working days so far and whether they are past their SLA (2026, as of the export day)', async () => {
    const rows = table(await download('/api/exports/permit-reports.csv?period=2026'));
    const pending = rows.filter((r) => r.status === 'pending');
    expect(pending.length).toBeGreaterThan(10);
    let past = 0;
    for (const r of pending) {
      const days = naiveWorkingDays(r.submitted_on!, TODAY);
      expect(r.working_days, r.report_id).toBe(String(days));
      expect(r.within_sla, r.report_id).toBe('');
      if (r.sla_unit === 'working_days') {
        expect(r.past_sla, r.report_id).toBe(String(days > Number(r.sla_value)));
        if (days > Number(r.sla_value)) past++;
      }
    }
    expect(past).toBeGreaterThan(0);
    // A completed report has within_sla; its past_sla is empty (it is no longer waiting).
    const done = rows.find((r) => r.status === 'completed')!;
    expect(done.within_sla).toMatch(/^(true|false)$/);
    expect(done.past_sla).toBe('');
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
const requireSpreadsheet = process.env.RAPOR_REQUIRE_SPREADSHEET === '1';
if (!soffice) {
  if (requireSpreadsheet) throw new Error('[xlsx] LibreOffice is required here but missing (apt-get install libreoffice-calc-nogui).');
  console.warn('[xlsx] spreadsheet checks skipped: no LibreOffice (apt-get install libreoffice-calc-nogui).');
}

interface SheetCell {
  type: string | null;
  value: string | null;
  text: string;
}

/** The first sheet of a flat ODF spreadsheet (.fods) as rows of typed cells, as LibreOffice understood the file. */
function fodsRows(xml: string): SheetCell[][] {
  const body = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
  const rows: SheetCell[][] = [];
  for (const row of body.matchAll(/<table:table-row\b[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: SheetCell[] = [];
    for (const cell of (row[1] ?? '').matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = cell[1]!;
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
      const type = attr('office:value-type');
      const value = type === 'date' ? attr('office:date-value') : attr('office:value') ?? attr('office:boolean-value');
      const text = (cell[2] ?? '').replace(/<[^>]+>/g, '').trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      const repeat = Math.min(Number(attr('table:number-columns-repeated') ?? 1), 64);
      for (let i = 0; i < repeat; i++) cells.push({ type, value, text });
    }
    rows.push(cells);
  }
  return rows.filter((r) => r.some((c) => c.type !== null));
}

/** `codeOf`: for an XLSX file, its column titles to codes (the workbook's own "Kamus data", issue 28 item 7). */
function convertToFods(dir: string, file: string, infilter?: string, codeOf?: Map<string, string>) {
  const args = ['--headless', `-env:UserInstallation=file://${dir}/profile`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'fods', '--outdir', dir, join(dir, file)];
  const result = spawnSync(soffice!, args, { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  const rows = fodsRows(readFileSync(join(dir, file.replace(/\.[a-z]+$/, '.fods')), 'utf8'));
  const header = rows[0]!.map((c) => (codeOf ? codeOf.get(c.text) ?? `unknown title ${c.text}` : c.text));
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? { type: null, value: null, text: '' }])));
}

describe.skipIf(!soffice)('in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapor-sheet-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a ; CSV opened with the Indonesian locale (id-ID) reads its decimals as numbers', async () => {
    const query = '?period=2026-Q3&region=75';
    writeFileSync(join(dir, 'scores.csv'), await download(`/api/exports/scores.csv${query}&sep=semicolon`));
    // Separator ; (59), quote " (34), UTF-8 (76), from line 1, default column formats, language id-ID (1057).
    const sheet = convertToFods(dir, 'scores.csv', 'CSV:59,34,76,1,,1057');
    const ours = table(await download(`/api/exports/scores.csv${query}`), ',');
    expect(sheet.length).toBe(ours.length);
    let decimals = 0;
    for (const [i, row] of sheet.entries()) {
      expect(row.unit_slug!.text).toBe(ours[i]!.unit_slug);
      for (const column of ['ikm', 'ikm_ci_low', 'ikm_ci_high', 'nrr_u1']) {
        if (ours[i]![column] === '') continue;
        expect(row[column]!.type, `${ours[i]!.unit_slug} ${column}: ${row[column]!.text}`).toBe('float');
        expect(Number(row[column]!.value)).toBe(Number(ours[i]![column]));
        decimals++;
      }
    }
    expect(decimals).toBeGreaterThan(20);
  }, 180_000);

  it.each([
    ['responses', ['local_date'], ['submitted_at_utc'], ['u1', 'u9']],
    ['permit-reports', ['submitted_on', 'completed_on'], [], ['working_days', 'sla_value', 'calendar_days']],
    ['asn-evidence', ['tenure_from'], [], ['target', 'n']],
  ] as const)('%s.xlsx opens with dates as dates and numbers as numbers', async (dataset, dates, timestamps, numbers) => {
    const query = '?period=2026-Q3&region=7571';
    const workbook = await download(`/api/exports/${dataset}.xlsx${query}`);
    writeFileSync(join(dir, `${dataset}.xlsx`), workbook);
    const codeOf = new Map(readWorkbook(workbook).rows(2).slice(1).map(([code, label]) => [label!, code!]));
    const sheet = convertToFods(dir, `${dataset}.xlsx`, undefined, codeOf);
    const ours = table(await download(`/api/exports/${dataset}.csv${query}`));
    expect(sheet.length).toBe(ours.length);
    expect(sheet.length).toBeGreaterThan(0);
    let checked = 0;
    for (const [i, row] of sheet.entries()) {
      for (const column of dates) {
        if (ours[i]![column] === '') continue;
        expect(row[column]!.type, `${column} ${row[column]!.text}`).toBe('date');
        expect(row[column]!.value).toBe(ours[i]![column]);
        // Shown as the ISO date, whatever the locale.
        expect(row[column]!.text).toBe(ours[i]![column]);
        checked++;
      }
      for (const column of timestamps) {
        if (ours[i]![column] === '') continue;
        expect(row[column]!.type, `${column} ${row[column]!.text}`).toBe('date');
        // To the second (the spreadsheet's own resolution is finer than it shows).
        expect(row[column]!.value!.slice(0, 19)).toBe(ours[i]![column]!.slice(0, 19));
        checked++;
      }
      for (const column of numbers) {
        if (ours[i]![column] === '') continue;
        expect(row[column]!.type, `${column} ${row[column]!.text}`).toBe('float');
        expect(Number(row[column]!.value)).toBe(Number(ours[i]![column]));
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 180_000);
});
