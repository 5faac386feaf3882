// Issue 25 items 2 and 3: the SKM report PDF says what its figures are worth (provisional trend rows, the per-service
// sample, tied weakest elements, wide intervals, drafts of periods not yet over, annual suggestions by element) and
// prints any character (an embedded, subset Unicode font with CJK fallback). Read back with poppler's pdftotext and
// pdffonts; "today" is 2026-12-07, so 2026-Q4 and the year 2026 are not over.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { commentIsPublic } from '../../db/queries/comment-review.ts';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import { unitScores } from '../../server/views/unit-scores.ts';
import { SKM_ELEMENTS } from '../../core/domain/skm.ts';
import { fmtCount, fmtDate, fmtNumber, fmtPeriod } from '../../core/i18n/format.ts';
import { scoreStrings } from '../../core/i18n/i18n-scores.ts';
import { demoWorld, signIn } from '../support/db.ts';

let conn: Connection;
let app: Awaited<ReturnType<typeof demoWorld>>['app'];
let cookie: string;
let dir: string;
beforeAll(async () => {
  ({ conn, app } = await demoWorld(new Date('2026-12-07T03:00:00Z')));
  cookie = await signIn(app, 'evaluator@demo.rapor.id', 'rapor-demo-2026');
  dir = mkdtempSync(join(tmpdir(), 'rapor-pdf-truth-'));
});
afterAll(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

const num = (x: number | null) => fmtNumber('id', x);
const count = (x: number | null) => fmtCount('id', x);
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function pdf(slug: string, period: string): Promise<{ bytes: Buffer; file: string; text: string }> {
  const res = await app.request(`/api/reports/skm/${slug}.pdf?period=${period}`, { headers: { cookie } });
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(res.status, bytes.toString('utf8', 0, 300)).toBe(200);
  const file = join(dir, `${slug}-${period}.pdf`);
  writeFileSync(file, bytes);
  return { bytes, file, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

/** The scores the report prints: the scores route's function without the small-cell rule (decision 047), as the report reads it. */
async function scores(slug: string, period: string) {
  return (await unitScores(conn.db, (await findUnitBySlug(conn.db, slug))!, parsePeriodCode(period)!, new Date('2026-12-07T03:00:00Z'), 0)) as any;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The cells after a row's label on one line of the layout text. */
function row(text: string, label: string, cells: number): string[] | null {
  const cell = '(\\S+(?: \\S+)*)';
  const m = new RegExp(`^\\s*${escape(label)}\\s{2,}${Array(cells).fill(cell).join('\\s{2,}')}\\s*$`, 'm').exec(text);
  return m ? m.slice(1) : null;
}

/** The text between two headings (pdftotext may lay a heading's double space out as one). */
function between(text: string, from: string, to: string): string {
  const pattern = (s: string) => new RegExp(escape(s).replace(/ +/g, '\\s+'));
  const start = pattern(from).exec(text);
  expect(start?.index, from).toBeGreaterThan(-1);
  const rest = text.slice(start!.index + start![0].length);
  const end = pattern(to).exec(rest);
  return text.slice(start!.index, start!.index + start![0].length + (end ? end.index : rest.length));
}

/** The reportable ratings of a unit in a period, read from the table itself. */
async function ratings(slug: string, period: string) {
  const p = parsePeriodCode(period);
  return conn.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['responses.u1', 'responses.u2', 'responses.u3', 'responses.u4', 'responses.u5', 'responses.u6', 'responses.u7', 'responses.u8', 'responses.u9', 'responses.comment', 'responses.comment_hidden_at', 'responses.id'])
    .where('units.slug', '=', slug).where('responses.local_date', '>=', p.from).where('responses.local_date', '<=', p.to)
    .where('responses.exclusion_reason', 'is', null).execute();
}
const answers = (r: Record<string, unknown>) => SKM_ELEMENTS.map((_, i) => Number(r[`u${i + 1}`]));

describe('the SKM report PDF says what its figures are worth (issue 25 item 2)', () => {
  it('marks every trend row below its sample target provisional: dpmptsp-provinsi-gorontalo 2026-Q1 (B at n 178 < 180)', async () => {
    const { text } = await pdf('dpmptsp-provinsi-gorontalo', '2026-Q1');
    const body = await scores('dpmptsp-provinsi-gorontalo', '2026-Q1');
    const q1 = body.trend.find((p: any) => p.period === '2026-Q1');
    expect(q1).toMatchObject({ n: 178, sampleTarget: 180, mutu: 'B', provisional: true });
    const trend = between(text, '3.5  Tren', 'BAB IV');
    for (const p of body.trend) {
      expect(row(trend, fmtPeriod('id', p.period), 3), p.period).toEqual([count(p.n), num(p.ikm), p.mutu === null ? '–' : p.provisional ? `sementara (${p.mutu})` : p.mutu]);
    }
  });

  it('marks the months of an annual report: kelurahan-bagus-kuning 2025, April (C at n = 1)', async () => {
    const { text } = await pdf('kelurahan-bagus-kuning', '2025');
    const body = await scores('kelurahan-bagus-kuning', '2025');
    const april = body.trend.find((p: any) => p.period === '2025-04');
    expect(april).toMatchObject({ n: 1, mutu: 'C', provisional: true });
    const trend = between(text, '3.5  Tren', 'BAB IV');
    for (const p of body.trend) {
      expect(row(trend, fmtPeriod('id', p.period), 3), p.period).toEqual([count(p.n), num(p.ikm), p.mutu === null ? '–' : p.provisional ? `sementara (${p.mutu})` : p.mutu]);
    }
  });

  it('prints each service\'s n, target and adequacy, and says which fall short: dpmptsp-provinsi-gorontalo 2026-Q3', async () => {
    const { text } = await pdf('dpmptsp-provinsi-gorontalo', '2026-Q3');
    const body = await scores('dpmptsp-provinsi-gorontalo', '2026-Q3');
    const sample = between(text, '2.4  Penentuan Jumlah Responden', 'BAB III');
    const short = body.services.filter((s: any) => s.sampleTarget !== null && !s.sampleAdequate);
    expect(short.map((s: any) => `${s.n}/${s.sampleTarget}`)).toEqual(expect.arrayContaining(['57/63', '36/46', '66/98']));
    for (const s of body.services) {
      expect(row(sample, s.name, 3), s.slug).toEqual([count(s.n), s.sampleTarget === null ? '–' : count(s.sampleTarget), s.sampleTarget === null ? '–' : s.sampleAdequate ? 'Ya' : 'Tidak']);
    }
    // The unit-wide figure meets its target, but the statement names every service that does not.
    expect(body.sampleAdequate).toBe(true);
    expect(body.servicesSampleAdequate).toBe(false);
    expect(row(sample, 'Kecukupan sampel', 1)?.[0]).not.toBe('Memenuhi target');
    const statement = flat(sample);
    expect(statement).toContain(`${short.length} dari ${body.services.filter((s: any) => s.sampleTarget !== null).length} jenis layanan belum memenuhi target sampelnya`);
    for (const s of short) expect(statement).toContain(`${s.name} (${count(s.n)} dari ${count(s.sampleTarget)})`);
  });

  it('lists every element tied with the third weakest: kelurahan-bagus-kuning 2025-Q2', async () => {
    const { text } = await pdf('kelurahan-bagus-kuning', '2025-Q2');
    const sums = SKM_ELEMENTS.map(() => 0);
    for (const r of await ratings('kelurahan-bagus-kuning', '2025-Q2')) answers(r).forEach((a, i) => (sums[i]! += a));
    const third = [...sums].sort((a, b) => a - b)[2]!;
    const tied = SKM_ELEMENTS.filter((_, i) => sums[i]! <= third).map((e) => e.code);
    expect(tied.length).toBeGreaterThan(3); // the demo has a tie at the cut
    const listed = [...between(text, '4.1  Unsur dengan Nilai Terendah', '4.2').matchAll(/^\s*\d+\.\s+(U\d)\b/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(tied.sort());
  });

  it('carries the unit page\'s warning under an interval wider than 10 points: kelurahan-bagus-kuning 2025-Q3', async () => {
    const { text } = await pdf('kelurahan-bagus-kuning', '2025-Q3');
    expect((await scores('kelurahan-bagus-kuning', '2025-Q3')).intervalNote).toBe('wide');
    expect(flat(text)).toContain(scoreStrings('id').intervalHints.wide!);
    const { text: ok } = await pdf('dpmptsp-provinsi-gorontalo', '2026-Q3');
    expect((await scores('dpmptsp-provinsi-gorontalo', '2026-Q3')).intervalNote).not.toBe('wide');
    expect(flat(ok)).not.toContain(scoreStrings('id').intervalHints.wide!);
  });

  it('marks a report of a period not yet over as a draft on every page, with the data\'s last day: dpmptsp-provinsi-gorontalo 2026-Q4 and 2026', async () => {
    for (const period of ['2026-Q4', '2026']) {
      const { text } = await pdf('dpmptsp-provinsi-gorontalo', period);
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      pages.forEach((page, i) => expect(page, `${period} page ${i + 1}`).toContain('DRAF / SEMENTARA'));
      expect(flat(text)).toContain(`Periode ${fmtPeriod('id', period)} (sementara, data sampai ${fmtDate('id', '2026-12-07')})`);
      expect(flat(text)).not.toContain(`sampai ${fmtDate('id', '2026-12-31')}`);
      expect(flat(text)).not.toContain(`– ${fmtDate('id', '2026-12-31')})`);
    }
    const { text: closed } = await pdf('dpmptsp-provinsi-gorontalo', '2026-Q3');
    expect(closed).not.toContain('DRAF');
    expect(flat(closed)).toContain(`Periode ${fmtPeriod('id', '2026-Q3')} (${fmtDate('id', '2026-07-01')} – ${fmtDate('id', '2026-09-30')})`);
  });

  it('groups an annual report\'s suggestions by element with counts, the full list in an appendix: kelurahan-bagus-kuning 2025', async () => {
    const { text } = await pdf('kelurahan-bagus-kuning', '2025');
    const p = parsePeriodCode('2025');
    const rows = await conn.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id')
      .select(['responses.u1', 'responses.u2', 'responses.u3', 'responses.u4', 'responses.u5', 'responses.u6', 'responses.u7', 'responses.u8', 'responses.u9', 'responses.comment'])
      .where('units.slug', '=', 'kelurahan-bagus-kuning').where('responses.local_date', '>=', p.from).where('responses.local_date', '<=', p.to)
      .where('responses.exclusion_reason', 'is', null).where('responses.comment', 'is not', null).where('responses.comment_hidden_at', 'is', null)
      .where(commentIsPublic).execute();
    expect(rows.length).toBeGreaterThan(0);
    // Each suggestion counts under the element(s) its writer scored lowest; all nine equal: no element stands out.
    const counts = new Map<string, number>();
    let even = 0;
    for (const r of rows) {
      const a = answers(r);
      const low = Math.min(...a);
      if (a.every((x) => x === low)) even++;
      else SKM_ELEMENTS.forEach((e, i) => a[i] === low && counts.set(e.code, (counts.get(e.code) ?? 0) + 1));
    }
    const grouped = between(text, '4.2  Saran Pengguna Layanan', '4.3');
    for (const e of SKM_ELEMENTS) expect(row(grouped, `${e.code} ${e.name.id}`, 1), e.code).toEqual([count(counts.get(e.code) ?? 0)]);
    expect(row(grouped, 'Semua unsur dinilai sama', 1)).toEqual([count(even)]);
    expect(flat(grouped)).toContain(`${count(rows.length)} saran`);
    const appendix = flat(text.slice(text.indexOf('LAMPIRAN')));
    expect(text.indexOf('LAMPIRAN')).toBeGreaterThan(text.indexOf('BAB V'));
    for (const r of rows) expect(appendix).toContain(flat(r.comment!).slice(0, 40));
  });
});

describe('the SKM report PDF prints any character (issue 25 item 3)', () => {
  it('prints a comment "Łódź Ñoño مرحبا 你好 😀" (Latin, Arabic and CJK) in embedded, subset fonts: dpmptsp-provinsi-gorontalo 2026-Q3', async () => {
    const words = 'Łódź Ñoño مرحبا 你好 😀';
    const p = parsePeriodCode('2026-Q3');
    const target = await conn.db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id').select('responses.id')
      .where('units.slug', '=', 'dpmptsp-provinsi-gorontalo').where('responses.local_date', '>=', p.from).where('responses.local_date', '<=', p.to)
      .where('responses.exclusion_reason', 'is', null).where('responses.comment', 'is not', null).where('responses.comment_hidden_at', 'is', null)
      .where(commentIsPublic).orderBy('responses.local_date', 'desc').executeTakeFirstOrThrow();
    await conn.db.updateTable('responses').set({ comment: `Pelayanan ${words} baik` }).where('id', '=', target.id).execute();
    const { bytes, file, text } = await pdf('dpmptsp-provinsi-gorontalo', '2026-Q3');
    expect(text).toContain('Łódź Ñoño');
    expect(text).toContain('مرحبا');
    expect(text).toContain('你好');
    expect(text).not.toMatch(/Pelayanan \?/);
    // Text that reads back is not enough: each script's word is drawn (ink inside its box on the rendered page).
    const page = text.split('\f').findIndex((p) => p.includes('Łódź')) + 1;
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    const ink = (word: string) => {
      const m = new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">(?:${word})<`).exec(bbox);
      expect(m, word).not.toBeNull();
      const [x0, y0, x1, y1] = m!.slice(1).map(Number) as [number, number, number, number];
      const crop = ['-x', Math.floor(x0), '-y', Math.floor(y0), '-W', Math.ceil(x1 - x0), '-H', Math.ceil(y1 - y0)].map(String);
      const pgm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '72', '-gray', ...crop, file]);
      const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.toString('latin1', 0, 40))!;
      const pixels = pgm.subarray(header[0].length);
      return pixels.filter((v) => v < 128).length / pixels.length;
    };
    // pdftotext gives the Arabic word in the order it is drawn (right to left) or in reading order.
    for (const word of ['Łódź', '你好', 'مرحبا|ابحرم']) expect(ink(word), word).toBeGreaterThan(0.05);
    // Every font is embedded and subset (pdffonts: "emb" and "sub" columns), so the file stays small.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(1);
    for (const line of fonts) expect(line, line).toMatch(/^[A-Z]{6}\+\S+.*\byes\s+yes\s+yes\b/);
    expect(bytes.length).toBeLessThan(150_000);
  });

  it('finds its fonts in node_modules whatever the working directory the server was started from', () => {
    const require = createRequire(import.meta.url);
    const loader = pathToFileURL(require.resolve('tsx')).href;
    const fonts = pathToFileURL(join(import.meta.dirname, '../../server/report/pdf-fonts.ts')).href;
    const script = `const { documentFonts } = await import(${JSON.stringify(fonts)});
      const names = []; const f = documentFonts({ registerFont: (n) => names.push(n) });
      console.log(JSON.stringify(f.runs('Łódź 你好', 'regular')));`;
    const out = execFileSync(process.execPath, ['--import', loader, '--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    const runs = JSON.parse(out) as { font: string; text: string }[];
    expect(runs.map((r) => r.text).join('')).toBe('Łódź 你好');
    expect(runs[0]).toEqual({ font: 'Sans-regular', text: 'Łódź ' });
    expect(runs[1]!.font).toMatch(/^CJK-\d+-400$/);
  });
});
