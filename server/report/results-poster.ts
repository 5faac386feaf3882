// The one-page A4 results poster for the notice board (issue 18 item 2, docs/decisions/034-publication-kit.md): IKM and
// grade, the nine elements, what the unit is fixing, and a QR code to rate. pdfkit as the SKM report (decision 027);
// numbers formatted by the site's own functions, so the poster prints what the unit page prints.
import PDFDocument from 'pdfkit';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { fmtCount, fmtDate, fmtNumber, fmtPeriod } from '../../core/i18n/format.ts';
import type { Period } from '../../core/domain/periods.ts';
import { qrPath } from '../../core/domain/poster.ts';
import { shownInterval } from '../../core/domain/shown-interval.ts';
import { SKM_ELEMENTS, type Lang } from '../../core/domain/skm.ts';
import { belowMinimumWords, isBelowMinimum } from '../../core/domain/small-cells.ts';
import { gradeWords, ikmWords, KIT_LABELS } from '../../core/i18n/i18n-kit.ts';
import { fixingNow, unitResult, type PeriodResult } from '../publication/results.ts';
import { pdfText } from './skm-pdf.ts';

export interface ResultsPosterData {
  unit: { slug: string; name: string; regionName: string };
  result: PeriodResult;
  /** Follow-up items under way: element code (or null), the action, due date, progress in %. */
  fixing: { element: string | null; action: string; dueDate: string; progress: number }[];
  /** The rating page the QR code opens. */
  rateUrl: string;
}

/** The poster's figures for a unit and period (the same figures as GET /api/units/{slug}/scores). */
export async function resultsPosterData(db: Kysely<Database>, unit: UnitDetail, period: Period, publicBase: string): Promise<ResultsPosterData> {
  const [result, fixing] = await Promise.all([unitResult(db, unit, period), fixingNow(db, unit.id, 4)]);
  return {
    unit: { slug: unit.slug, name: unit.name, regionName: unit.region.name },
    result,
    fixing: fixing.map((f) => ({ element: f.element, action: f.action, dueDate: f.due_date, progress: f.progress })),
    rateUrl: `${publicBase.replace(/\/$/, '')}/nilai/${unit.slug}?ch=qr`,
  };
}

/** The download's file name: "poster-hasil-{slug}-{period}.pdf" ("results-poster-…" in English). */
export function resultsPosterFileName(slug: string, periodCode: string, lang: Lang): string {
  return `${KIT_LABELS[lang].posterFileName}-${slug}-${periodCode.replace(/\.\./g, '_')}.pdf`;
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const BAR = '#2f5d8a';
const TRACK = '#e3e8ee';

/** Draws the poster: exactly one A4 page (every text box is clipped to its height, nothing flows onto a second page). */
export async function renderResultsPoster(data: ResultsPosterData, lang: Lang, createdAt: Date): Promise<Buffer> {
  const L = KIT_LABELS[lang];
  const r = data.result;
  const M = 42;
  const doc = new PDFDocument({
    size: 'A4', margins: { top: M, bottom: 0, left: M, right: M }, autoFirstPage: true, lang: lang === 'id' ? 'id-ID' : 'en-GB',
    info: { Title: pdfText(`${L.posterTitle} – ${data.unit.name} – ${fmtPeriod(lang, r.period.code)}`), Author: pdfText(data.unit.name), Creator: 'Rapor', Producer: 'Rapor (pdfkit)', CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const W = doc.page.width - 2 * M;
  const box = (text: string, x: number, y: number, width: number, height: number, font: string, size: number, colour = INK, align: 'left' | 'center' | 'right' = 'left') =>
    doc.font(font).fontSize(size).fillColor(colour).text(pdfText(text), x, y, { width, height, ellipsis: true, align, lineBreak: true });

  // Heading
  doc.rect(0, 0, doc.page.width, 8).fill(BAR);
  box(L.posterTitle, M, 34, W, 28, 'Helvetica-Bold', 22, INK, 'center');
  box(data.unit.name, M, 66, W, 40, 'Helvetica-Bold', 15, INK, 'center');
  box(`${data.unit.regionName} · ${fmtPeriod(lang, r.period.code)} (${fmtDate(lang, r.period.from)} – ${fmtDate(lang, r.period.to)})`, M, 108, W, 16, 'Helvetica', 11, MUTED, 'center');

  // The IKM block
  const top = 136;
  doc.roundedRect(M, top, W, 104, 6).lineWidth(1.5).stroke(BAR);
  // Behind fewer than k ratings the poster says so instead of the IKM and the elements (decision 047).
  const small = isBelowMinimum(r.n, r.minPublicRatings);
  box(`IKM ${ikmWords(r, lang)}`, M, top + (small ? 24 : 14), W, 46, 'Helvetica-Bold', small ? 24 : 40, INK, 'center');
  box(`${L.grade} ${gradeWords(r, lang)}`, M, top + 60, W, 20, 'Helvetica-Bold', 16, BAR, 'center');
  const shown = shownInterval(r, (n) => fmtNumber(lang, n));
  const ci = shown ? ` · ${L.interval}: ${shown}` : '';
  box(`${fmtCount(lang, r.n)} ${L.respondents}${ci}`, M, top + 82, W, 16, 'Helvetica', 11, MUTED, 'center');

  // The nine elements: name, a bar on the 1–4 scale, the NRR
  let y = top + 124;
  box(small ? `${L.elements}: ${belowMinimumWords(r.minPublicRatings, lang)}` : L.elements, M, y, W, 18, 'Helvetica-Bold', 14);
  y += 24;
  const nameW = 250;
  const barX = M + nameW + 10;
  const barW = W - nameW - 10 - 60;
  SKM_ELEMENTS.forEach((e, i) => {
    const nrr = r.elements[i]?.nrr ?? null;
    box(e.name[lang], M, y + 2, nameW, 14, 'Helvetica', 11);
    doc.rect(barX, y + 3, barW, 10).fill(TRACK);
    if (nrr !== null) doc.rect(barX, y + 3, Math.max(0, Math.min(1, (nrr - 1) / 3)) * barW, 10).fill(BAR);
    box(fmtNumber(lang, nrr), barX + barW + 8, y + 2, 52, 14, 'Helvetica-Bold', 11, INK, 'right');
    y += 22;
  });
  box(L.posterNote, M, y + 2, W, 12, 'Helvetica', 8.5, MUTED);
  y += 26;

  // What the unit is fixing
  box(L.followUps, M, y, W, 18, 'Helvetica-Bold', 14);
  y += 22;
  const elementName = (code: string | null) => (code ? SKM_ELEMENTS.find((e) => e.code === code)?.name[lang] ?? code : null);
  if (data.fixing.length === 0) {
    box(L.posterFixingNone, M, y, W, 14, 'Helvetica', 11, MUTED);
    y += 20;
  }
  for (const f of data.fixing.slice(0, 4)) {
    const name = elementName(f.element);
    box(`• ${name ? `${name}: ` : ''}${f.action} (${L.posterDue} ${fmtDate(lang, f.dueDate)}, ${f.progress}%)`, M, y, W, 28, 'Helvetica', 11);
    y += 30;
  }

  // The QR code to rate, at the foot of the page
  const qrSide = 150;
  const qrY = doc.page.height - M - qrSide;
  const qr = qrPath(data.rateUrl, 0, 0, qrSide);
  doc.save().translate(M, qrY).path(qr.path).fill('#000000').restore();
  box(L.scanToRate, M + qrSide + 20, qrY + 30, W - qrSide - 20, 40, 'Helvetica-Bold', 18);
  box(data.rateUrl, M + qrSide + 20, qrY + 80, W - qrSide - 20, 28, 'Courier', 10, MUTED);
  doc.end();
  return finished;
}
