// The SKM report as a PDF (docs/decisions/027-skm-report-pdf.md): pdfkit, pure JavaScript, drawn on the server in the
// structure of the common Laporan SKM template (DOMAIN.md §10). Charts are vector drawings, not images. Numbers are
// formatted by the site's own functions (core/i18n/format.ts), so the PDF prints exactly what the HTML report shows.
import PDFDocument from 'pdfkit';
import { fmtCount, fmtDate, fmtNumber, fmtPeriod } from '../../core/i18n/format.ts';
import { strings } from '../../core/i18n/i18n.ts';
import { scoreStrings } from '../../core/i18n/i18n-scores.ts';
import { GRADES } from '../../core/domain/ikm.ts';
import { periodPopulation } from '../../core/domain/sample-size.ts';
import { shownInterval } from '../../core/domain/shown-interval.ts';
import { SKM_ELEMENTS, type Lang } from '../../core/domain/skm.ts';
import { daysInclusive } from '../../core/domain/periods.ts';
import { documentFonts, type FontStyle } from './pdf-fonts.ts';
import type { SkmFileData } from './skm-file-data.ts';
import { PDF_LABELS } from './skm-pdf-labels.ts';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56; // 2 cm
const FOOTER = 28; // room kept under the text for the page footer
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b0b0b0';
const BAR = '#2f5d8a';
const WEAK = '#b5472f';

// For files still drawn in the standard PDF fonts (the poster): WinAnsi (cp1252), every Latin letter of Bahasa Indonesia
// and English, plus – — “ ” × •; anything else becomes "?" rather than a wrong glyph. The SKM report itself embeds
// Unicode fonts (pdf-fonts.ts, decision 046) and prints any character.
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || ch === '\t') out += ' ';
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch)) out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d) continue;
    else out += '?';
  }
  return out;
}

/** The download's file name: the unit's slug and the period ("laporan-skm-dinas-x-2026-Q2.pdf"). */
export function skmPdfFileName(slug: string, periodCode: string, lang: Lang): string {
  return `${PDF_LABELS[lang].fileName}-${slug}-${periodCode.replace(/\.\./g, '_')}.pdf`;
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export async function renderSkmPdf(data: SkmFileData, lang: Lang, createdAt: Date): Promise<Buffer> {
  const L = PDF_LABELS[lang];
  const r = data.report;
  const num = (x: number | null | undefined, decimals = 2) => fmtNumber(lang, x, decimals);
  const count = (x: number | null | undefined) => fmtCount(lang, x);
  const date = (iso: string) => fmtDate(lang, iso);
  const periodWords = fmtPeriod(lang, r.period.code);
  const elementName = (code: string) => SKM_ELEMENTS.find((e) => e.code === code)?.name[lang] ?? code;
  const kinerja = (k: string | null) => (k === null ? '' : lang === 'id' ? k : (GRADES.find((g) => g.kinerja === k)?.kinerjaEn ?? k));
  // Below the sample target a grade is provisional, never a bare letter (issue 16, item 11).
  const grade = (mutu: string | null, k: string | null, provisional: boolean) => (mutu === null ? '–' : provisional ? L.provisionalGrade(mutu) : `${mutu} (${kinerja(k)})`);
  const unitProvisional = r.ikm !== null && !r.sampleAdequate;
  const asOf = data.asOf;
  const targeted = r.services.filter((s) => s.sampleTarget !== null);
  const shortServices = targeted.filter((s) => !s.sampleAdequate);
  const servicesStatement = targeted.length === 0 ? null : shortServices.length === 0 ? L.servicesAllAdequate(targeted.length)
    : L.servicesShort(shortServices.length, targeted.length, shortServices.map((s) => L.serviceShortItem(s.name, count(s.n), count(s.sampleTarget))).join(', '));
  /** NRR × 25 of the exact NRR when the report data carries it (issue 16, item 1); else as the HTML view computes it. */
  const nrr25 = (e: { nrr: number | null; nrr25?: number | null }): number | null => (e.nrr25 !== undefined ? e.nrr25 : e.nrr === null ? null : e.nrr * 25);
  /** A service's own provisional flag, when the report data carries per-service targets (issue 16, item 15). */
  const serviceProvisional = (s: { mutu: string | null; provisional?: boolean }) => s.provisional === true;
  /** An interval is shown only where its width means something (issue 16, item 11: the report data's intervalNote). */
  const interval = (x: { ikmCi95: [number, number] | null; intervalNote?: string | null }) => shownInterval(x, num) ?? '–';

  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: lang === 'id' ? 'id-ID' : 'en-GB',
    info: { Title: `${L.title} – ${r.unit.name} – ${periodWords}`.normalize('NFC'), Author: r.unit.name.normalize('NFC'), Creator: 'Rapor', Producer: 'Rapor (pdfkit)', CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Embedded Unicode fonts with a fallback per run of text (decision 046): `say` prints a text in as many runs as it
  // needs fonts; `use` sets the base font of a style for measuring.
  const fonts = documentFonts(doc);
  const use = (style: FontStyle, size: number) => doc.font(fonts.base(style)).fontSize(size);
  const say = (text: string, style: FontStyle, size: number, x: number | undefined, y: number | undefined, opts: PDFKit.Mixins.TextOptions = {}) => {
    const runs = fonts.runs(text, style);
    runs.forEach((run, i) => {
      doc.font(run.font).fontSize(size);
      const o = { ...opts, continued: i < runs.length - 1 };
      if (i === 0 && x !== undefined) doc.text(run.text, x, y, o);
      else doc.text(run.text, o);
    });
  };
  /** The text as it is measured (the base font; a run in a fallback font is measured in it too). */
  const measured = (text: string, style: FontStyle) => fonts.runs(text, style).map((run) => run.text).join('');

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const body = (text: string, opts: PDFKit.Mixins.TextOptions = {}) => {
    doc.fillColor(INK);
    say(text, 'regular', 10, left, doc.y, { width, align: 'justify', ...opts });
    doc.moveDown(0.5);
  };
  const chapter = (title: string) => {
    ensure(120);
    doc.moveDown(0.8);
    doc.fillColor(INK);
    say(title, 'bold', 13, left, doc.y, { width });
    doc.moveDown(0.4);
  };
  const section = (title: string, keep = 80) => {
    ensure(keep);
    doc.moveDown(0.3);
    doc.fillColor(INK);
    say(title, 'bold', 11, left, doc.y, { width });
    doc.moveDown(0.3);
  };

  /** A table whose cells wrap; rows never split across pages, and the header repeats on a new page. */
  const table = (columns: Column[], rows: string[][], opts: { boldFirst?: boolean } = {}) => {
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = width / total;
    const widths = columns.map((c) => c.width * scale);
    const rowHeight = (cells: string[], style: FontStyle) => {
      use(style, 9);
      return Math.max(...cells.map((cell, i) => doc.heightOfString(measured(cell, style), { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], header: boolean) => {
      const height = rowHeight(cells, header ? 'bold' : 'regular');
      const y = doc.y;
      if (header) doc.rect(left, y, width, height).fill('#eef1f5');
      let x = left;
      cells.forEach((cell, i) => {
        const bold = header || (opts.boldFirst === true && i === 0);
        doc.fillColor(INK);
        say(cell, bold ? 'bold' : 'regular', 9, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left', lineBreak: true });
        x += widths[i]!;
      });
      doc.moveTo(left, y + height).lineTo(left + width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
      doc.x = left;
      doc.y = y + height;
    };
    const header = columns.map((c) => c.title);
    const hasHeader = header.some((title) => title !== '');
    ensure((hasHeader ? rowHeight(header, 'bold') : 0) + (rows[0] ? rowHeight(rows[0], 'regular') : 0));
    if (hasHeader) drawRow(header, true);
    else doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
    for (const row of rows) {
      if (doc.y + rowHeight(row, 'regular') > bottom()) {
        doc.addPage();
        if (hasHeader) drawRow(header, true);
      }
      drawRow(row, false);
    }
    doc.moveDown(0.6);
  };

  const caption = (text: string) => {
    doc.fillColor(MUTED);
    say(text, 'oblique', 9, left, doc.y, { width, align: 'center' });
    doc.moveDown(0.6);
  };

  /** Chart 1: a horizontal bar per element on the 1–4 scale, the three weakest in another colour. */
  const elementChart = () => {
    const rowH = 18;
    const labelW = 190;
    const valueW = 40;
    const plotW = width - labelW - valueW;
    const height = SKM_ELEMENTS.length * rowH + 24;
    ensure(height + 24);
    const top = doc.y;
    const x0 = left + labelW;
    const xOf = (v: number) => x0 + ((v - 1) / 3) * plotW; // the scale starts at 1, the lowest answer
    use('regular', 7).fillColor(MUTED);
    for (const tick of [1, 2, 3, 4]) {
      doc.moveTo(xOf(tick), top).lineTo(xOf(tick), top + SKM_ELEMENTS.length * rowH).lineWidth(0.4).strokeColor(RULE).stroke();
      doc.text(num(tick, 0), xOf(tick) - 10, top + SKM_ELEMENTS.length * rowH + 3, { width: 20, align: 'center', lineBreak: false });
    }
    const weakest = new Set(data.weakest.map((w) => w.code));
    r.elements.forEach((e, i) => {
      const y = top + i * rowH;
      doc.fillColor(INK);
      say(`${e.code} ${elementName(e.code)}`, 'regular', 8, left, y + 4, { width: labelW - 6, lineBreak: false, ellipsis: true });
      if (e.nrr !== null) {
        doc.rect(x0, y + 3, Math.max(0.5, xOf(e.nrr) - x0), rowH - 6).fill(weakest.has(e.code) ? WEAK : BAR);
        use('regular', 8).fillColor(INK).text(num(e.nrr), left + labelW + plotW + 4, y + 4, { width: valueW - 4, align: 'right', lineBreak: false });
      }
    });
    doc.x = left;
    doc.y = top + height;
    caption(L.elementChart);
  };

  /** Chart 2: the IKM of each period of the trend as a line with its points, the grade boundaries as dashed lines. */
  const trendChart = () => {
    const points = data.trend;
    const height = 150;
    ensure(height + 40);
    const top = doc.y + 6;
    const axisW = 30;
    const x0 = left + axisW;
    const plotW = width - axisW - 10;
    const values = points.map((p) => p.ikm).filter((v): v is number => v !== null);
    const lo = Math.max(25, Math.floor((Math.min(60, ...values) - 5) / 10) * 10);
    const hi = 100;
    const yOf = (v: number) => top + height - ((v - lo) / (hi - lo)) * height;
    const xOf = (i: number) => x0 + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * (plotW - 40) + 20);
    use('regular', 7).fillColor(MUTED);
    for (let v = lo; v <= hi; v += 10) {
      doc.moveTo(x0, yOf(v)).lineTo(x0 + plotW, yOf(v)).lineWidth(0.3).strokeColor('#dddddd').stroke();
      doc.fillColor(MUTED).text(num(v, 0), left, yOf(v) - 3, { width: axisW - 4, align: 'right', lineBreak: false });
    }
    for (const g of GRADES) {
      if (g.from <= lo || g.from >= hi) continue;
      doc.moveTo(x0, yOf(g.from)).lineTo(x0 + plotW, yOf(g.from)).dash(3, { space: 3 }).lineWidth(0.5).strokeColor('#999999').stroke().undash();
      doc.fillColor(MUTED).text(g.mutu, x0 + plotW + 3, yOf(g.from) - 9, { width: 8, lineBreak: false }); // right of the plot
    }
    doc.moveTo(x0, top).lineTo(x0, top + height).lineTo(x0 + plotW, top + height).lineWidth(0.6).strokeColor(MUTED).stroke();
    let drawing = false;
    points.forEach((p, i) => {
      if (p.ikm === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(i), yOf(p.ikm));
      else doc.moveTo(xOf(i), yOf(p.ikm));
      drawing = true;
    });
    doc.lineWidth(1.5).strokeColor(BAR).stroke();
    // At most twelve labelled points (a long date range has a point per month); the last one is always labelled.
    const step = Math.ceil(points.length / 12);
    points.forEach((p, i) => {
      const labelled = i % step === 0 || i === points.length - 1;
      if (p.ikm !== null) {
        doc.circle(xOf(i), yOf(p.ikm), 2.5).fill(BAR);
        if (labelled) {
          const label = num(p.ikm);
          use('regular', 7);
          const w = doc.widthOfString(label) + 2;
          doc.rect(xOf(i) - w / 2, yOf(p.ikm) - 12, w, 8).fill('#ffffff'); // the value stays legible over grid lines
          doc.fillColor(INK).text(label, xOf(i) - 20, yOf(p.ikm) - 11, { width: 40, align: 'center', lineBreak: false });
        }
      }
      if (labelled) use('regular', 7).fillColor(MUTED).text(p.period, xOf(i) - 25, top + height + 4, { width: 50, align: 'center', lineBreak: false });
    });
    doc.x = left;
    doc.y = top + height + 18;
    caption(L.trendChart);
  };

  // Title block
  doc.fillColor(INK);
  say(L.title, 'bold', 16, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3);
  say(r.unit.name, 'bold', 14, left, doc.y, { width, align: 'center' });
  doc.fillColor(MUTED);
  say(r.unit.region.name, 'regular', 11, left, doc.y, { width, align: 'center' });
  // A period not over yet says so, with the data's last day instead of the period's (decision 046).
  say(asOf === null ? L.periodLine(periodWords, date(r.period.from), date(r.period.to)) : L.periodLineDraft(periodWords, date(asOf)), 'regular', 11, left, doc.y, { width, align: 'center' });
  if (asOf !== null) {
    doc.moveDown(0.3);
    doc.fillColor(WEAK);
    say(L.draftNote, 'bold', 10, left, doc.y, { width, align: 'center' });
  }
  doc.moveDown(0.5);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(1).strokeColor(INK).stroke();
  doc.moveDown(0.5);

  // I Pendahuluan
  chapter(L.chapter1);
  section(L.background);
  body(L.backgroundText(r.unit.name));
  section(L.legalBasis);
  L.legal.forEach((item, i) => body(`${i + 1}. ${item}`, { align: 'left', indent: 0 }));
  section(L.aims);
  body(L.aimsText);

  // II Pengumpulan data
  chapter(L.chapter2);
  section(L.organiser);
  body(L.organiserText(r.unit.name));
  section(L.method);
  body(L.methodText);
  section(L.placeTime);
  body(L.placeTimeText(r.unit.address, date(r.period.from), date(asOf ?? r.period.to)));
  section(L.sample, 140);
  body(L.sampleText);
  const population = data.declaredUsers === null ? null : periodPopulation(data.declaredUsers, daysInclusive(r.period.from, r.period.to));
  table([{ title: '', width: 3 }, { title: '', width: 2, align: 'right' }], [
    [L.declaredUsers, count(data.declaredUsers)],
    [L.population, count(population)],
    [L.target, count(r.sampleTarget)],
    [L.achieved, count(r.n)],
    [L.sampleStatus, r.sampleTarget === null ? L.noTarget : !r.sampleAdequate ? L.sampleShort : shortServices.length > 0 ? L.sampleEnoughUnitOnly : L.sampleEnough],
  ]);
  // Each service against its own target (DOMAIN.md §4, decision 023), and a statement that names those short of it.
  if (r.services.length > 0) {
    ensure(Math.min(18 * (r.services.length + 1), 300)); // the services' rows together, not one row before a page break
    table([{ title: L.serviceSample, width: 6 }, { title: L.n, width: 1.2, align: 'right' }, { title: L.serviceTarget, width: 1.4, align: 'right' }, { title: L.serviceAdequate, width: 1.6, align: 'center' }],
      r.services.map((s) => [s.name, count(s.n), s.sampleTarget === null ? '–' : count(s.sampleTarget), s.sampleTarget === null ? '–' : s.sampleAdequate ? L.yes : L.no]));
  }
  if (servicesStatement !== null) body(servicesStatement, { align: 'left' });

  // III Hasil
  chapter(L.chapter3);
  section(L.profile, 160);
  body(L.profileText(count(r.profile.n)));
  const t = strings(lang);
  const profileLabel = (key: 'gender' | 'age' | 'education' | 'occupation', value: string) => {
    if (value === 'tidak diisi') return L.notStated;
    if (key === 'gender') return value === 'L' ? L.male : value === 'P' ? L.female : value;
    if (key === 'education') return t.educationLabels[value] ?? value;
    if (key === 'occupation') return t.occupationLabels[value] ?? value;
    return value;
  };
  for (const key of ['gender', 'age', 'education', 'occupation'] as const) {
    ensure(60);
    doc.fillColor(INK);
    say(L[key], 'bold', 9.5, left, doc.y, { width });
    doc.moveDown(0.2);
    table([{ title: L.category, width: 3 }, { title: L.count, width: 1, align: 'right' }, { title: L.share, width: 1, align: 'right' }],
      r.profile[key].map((row) => [profileLabel(key, row.key), count(row.n), num(row.share * 100, 1)]));
  }

  section(L.ikmHeading, 140);
  table([{ title: '', width: 3 }, { title: '', width: 2, align: 'right' }], [
    [L.ikm, num(r.ikm)],
    [L.grade, grade(r.mutu, r.kinerja, unitProvisional)],
    [L.interval, interval(r)],
    [L.respondents, count(r.n)],
    [L.verified, count(r.nVerified)],
    [L.excluded, count(r.nExcluded)],
  ], { boldFirst: true });
  // An interval wider than 10 points carries the unit page's own warning (core/i18n/i18n-scores.ts).
  if (r.intervalNote === 'wide') {
    doc.fillColor(MUTED);
    say(scoreStrings(lang).intervalHints.wide!, 'oblique', 9, left, doc.y - 6, { width });
    doc.moveDown(0.6);
  }

  section(L.elementsHeading, 240);
  table([
    { title: L.element, width: 6 }, { title: L.nrr, width: 1.3, align: 'right' }, { title: L.nrr25, width: 1.5, align: 'right' }, { title: L.n, width: 1.2, align: 'right' },
  ], r.elements.map((e) => [`${e.code} ${elementName(e.code)}`, num(e.nrr), num(nrr25(e)), count(e.n)]));
  elementChart();

  section(L.servicesHeading);
  table([{ title: L.service, width: 6 }, { title: L.n, width: 1.2, align: 'right' }, { title: L.ikm, width: 1.5, align: 'right' }, { title: L.mutu, width: 2, align: 'center' }],
    r.services.map((s) => [s.name, count(s.n), num(s.ikm), s.mutu === null ? '–' : serviceProvisional(s) ? L.provisionalShort(s.mutu) : s.mutu]));

  section(L.trendHeading, 230);
  trendChart();
  table([{ title: L.period, width: 3 }, { title: L.n, width: 1, align: 'right' }, { title: L.ikm, width: 1, align: 'right' }, { title: L.mutu, width: 1, align: 'center' }],
    data.trend.map((p) => [fmtPeriod(lang, p.period), count(p.n), num(p.ikm), p.mutu === null ? '–' : p.provisional ? L.provisionalShort(p.mutu) : p.mutu]));

  // IV Analisis
  chapter(L.chapter4);
  section(L.weakestHeading);
  if (data.weakest.length === 0) body('–');
  data.weakest.forEach((w) => body(`${w.rank}. ${w.code} ${elementName(w.code)} — ${L.nrr} ${num(w.nrr)}`, { align: 'left' }));
  if (data.weakest.length > 3) body(L.weakestTies, { align: 'left' });

  const suggestionList = () => {
    for (const s of r.suggestions) {
      body(`${date(s.localDate)}: ${s.comment}`, { align: 'left' });
      for (const reply of s.replies) {
        doc.fillColor(MUTED);
        say(`${L.replyFromUnit}: ${reply.body}`, 'oblique', 9, left + 18, doc.y - 3, { width: width - 18 });
        doc.moveDown(0.5);
      }
    }
  };
  section(L.suggestionsHeading);
  const groups = data.suggestionGroups;
  if (r.suggestions.length === 0) body(L.noSuggestions);
  else if (groups === null) suggestionList();
  else {
    // An annual report groups its suggestions by element with counts; the full list is the appendix (decision 046).
    body(L.suggestionsGrouped(count(groups.total)), { align: 'left' });
    table([{ title: L.element, width: 6 }, { title: L.suggestionCount, width: 1.6, align: 'right' }], [
      ...groups.byElement.map((g) => [`${g.code} ${elementName(g.code)}`, count(g.n)]),
      [L.suggestionsEven, count(groups.even)],
    ]);
  }

  const rtlColumns: Column[] = [
    { title: L.element, width: 0.8 }, { title: L.problem, width: 2.2 }, { title: L.action, width: 2.6 }, { title: L.responsible, width: 1.5 }, { title: L.due, width: 1.4 },
  ];
  section(L.previousRtlHeading(fmtPeriod(lang, data.previousPeriod)));
  if (data.previousRtl.length === 0) body(L.noPreviousRtl);
  else {
    table([...rtlColumns, { title: L.outcome, width: 1.6 }], data.previousRtl.map((f) => [
      f.element ?? '–', f.problem, f.action, f.responsible, date(f.dueDate),
      `${L.statuses[f.status] ?? f.status} (${f.progress}%)${f.completedOn ? `, ${date(f.completedOn)}` : ''}: ${L.outcomes[f.outcome]}`,
    ]));
  }
  section(L.newRtlHeading);
  if (data.newRtl.length === 0) body(L.noNewRtl);
  else {
    table([...rtlColumns, { title: L.status, width: 1.6 }], data.newRtl.map((f) => [
      f.element ?? '–', f.problem, f.action, f.responsible, date(f.dueDate), `${L.statuses[f.status] ?? f.status} (${f.progress}%)`,
    ]));
  }

  // V Kesimpulan
  chapter(L.chapter5);
  const conclusions: string[] = [];
  if (r.ikm === null) conclusions.push(L.conclusionNoData(r.unit.name, periodWords));
  else conclusions.push(L.conclusionIkm(r.unit.name, periodWords, num(r.ikm), grade(r.mutu, r.kinerja, unitProvisional), count(r.n)));
  if (r.sampleTarget !== null && r.n > 0) conclusions.push(L.conclusionSample(count(r.sampleTarget), r.sampleAdequate));
  if (servicesStatement !== null && r.n > 0) conclusions.push(servicesStatement);
  if (data.weakest.length > 0) conclusions.push(L.conclusionWeakest(data.weakest.map((w) => `${w.code} ${elementName(w.code)} (${num(w.nrr)})`).join(', ')));
  if (data.previousRtl.length > 0) conclusions.push(L.conclusionRtl(data.previousRtl.filter((f) => f.status === 'selesai').length, data.previousRtl.length));
  conclusions.forEach((c, i) => body(`${i + 1}. ${c}`, { align: 'left' }));

  // Sign-off: place and date, position, room for the signature, name and NIP, on the right half of the page.
  const so = data.signOff;
  ensure(130);
  doc.moveDown(1.5);
  const blockX = left + width / 2;
  const blockW = width / 2;
  doc.fillColor(INK);
  say(`${so.place}, ${date(so.date)}`, 'regular', 10, blockX, doc.y, { width: blockW, align: 'center' });
  say(so.position ?? L.signed, 'regular', 10, blockX, doc.y, { width: blockW, align: 'center' });
  say(r.unit.name, 'regular', 10, blockX, doc.y, { width: blockW, align: 'center' });
  doc.moveDown(4);
  say(so.name ?? L.noOfficial, 'bold', 10, blockX, doc.y, { width: blockW, align: 'center', underline: so.name !== null });
  if (so.nip) say(`${L.nip} ${so.nip}`, 'regular', 10, blockX, doc.y, { width: blockW, align: 'center' });
  doc.moveDown(2);
  doc.fillColor(MUTED);
  say(L.generated(date(createdAt.toISOString())), 'oblique', 8, left, doc.y, { width });

  // Appendix of an annual report: every suggestion listed (up to the report data's limit, newest first).
  if (groups !== null && r.suggestions.length > 0) {
    doc.addPage();
    doc.fillColor(INK);
    say(L.appendix, 'bold', 13, left, doc.y, { width });
    doc.moveDown(0.4);
    if (r.suggestionsTotal > r.suggestions.length) body(L.appendixPartial(count(r.suggestions.length), count(r.suggestionsTotal)), { align: 'left' });
    suggestionList();
  }

  // Page numbers: "Halaman X dari Y" once every page exists. The bottom margin is lifted while the footer is written
  // so pdfkit never starts a new page for it.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 4;
    doc.moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.fillColor(MUTED);
    say(`${r.unit.name} · ${periodWords}`, 'regular', 8, left, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
    say(L.page(i - range.start + 1, range.count), 'regular', 8, left + width * 0.7, y, { width: width * 0.3, align: 'right', lineBreak: false });
    // A draft says so at the top of every page (decision 046).
    if (asOf !== null) {
      doc.fillColor(WEAK);
      say(L.draftMark(date(asOf)), 'bold', 9, left, MARGIN - 30, { width, align: 'center', lineBreak: false });
    }
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return finished;
}
