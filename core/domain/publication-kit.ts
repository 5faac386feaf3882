// The publication kit's pure rules (issue 18 item 2, docs/decisions/034-publication-kit.md): which origins may frame
// a widget, which period a badge shows, which periods the archive lists, and the badge itself.
import * as v from 'valibot';
import { fmtCount, fmtNumber } from '../i18n/format.ts';
import type { Lang } from './skm.ts';
import { CLOSE_AFTER_DAYS, parsePeriodCode, periodCodeOf, type Period } from './periods.ts';
import { addSums, emptySums, type Sums } from './scores.ts';
import { belowMinimumWords, isBelowMinimum } from './small-cells.ts';

/** Framing origins a unit may list. */
export const MAX_FRAME_ORIGINS = 20;

/** The body of PUT /admin/units/{slug}/frame-origins: its shape; each entry is then read by parseFrameOrigin. */
export const frameOriginsSchema = v.object({
  origins: v.pipe(
    v.array(v.string('must be an origin https://host[:port], with no path, query, wildcard or credentials'), 'must be a list of origins (https://host[:port])'),
    v.maxLength(MAX_FRAME_ORIGINS, `at most ${MAX_FRAME_ORIGINS} origins`),
    v.description('https://host[:port] each; plain http only for localhost'),
  ),
}, 'must be a list of origins (https://host[:port])');

/**
 * A framing origin as a CSP source: `https://host[:port]`, lower case, nothing after the host. Plain http is accepted
 * only for localhost and 127.0.0.1 (a developer's machine, the test suite); a public site is framed over https only.
 * Returns the canonical origin, or a message saying what is wrong.
 */
export function parseFrameOrigin(text: string): { ok: true; origin: string } | { ok: false; message: string } {
  const bad = { ok: false as const, message: 'must be an origin https://host[:port], with no path, query, wildcard or credentials' };
  if (typeof text !== 'string' || text.length > 200 || /[\s*;,'"\\]/.test(text)) return bad;
  if (!/^https?:\/\/[^/?#@]+$/i.test(text)) return bad;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { ok: false, message: 'must use https (plain http only for localhost)' };
  if (!/^[a-z0-9.-]+$/.test(url.hostname) || url.hostname.startsWith('.') || url.hostname.endsWith('.') || url.hostname.includes('..')) return bad;
  if (!local && !url.hostname.includes('.')) return { ok: false, message: 'must name a public host (pemda.go.id), not a bare name' };
  return { ok: true, origin: url.origin };
}

/** The Content-Security-Policy frame-ancestors of a widget: the unit's own site, plus the listed origins. */
export function widgetFrameAncestors(origins: readonly string[]): string {
  return ["'self'", ...origins].join(' ');
}

/** The latest quarter whose figures are closed on `today` (docs/decisions/021-closed-periods.md). */
export function latestClosedQuarter(today: string): Period {
  const shifted = new Date(Date.parse(today + 'T00:00:00Z') - (CLOSE_AFTER_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
  // The quarter holding `shifted` is closed once its end + the grace days have passed; otherwise the one before it.
  const q = parsePeriodCode(periodCodeOf(shifted, 'quarter'));
  if (shifted >= q.to) return q;
  const [y, n] = [Number(q.code.slice(0, 4)), Number(q.code.slice(-1))];
  return parsePeriodCode(n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`);
}

/**
 * The periods the public archive lists: every quarter and year with at least one counted rating, newest first (a year
 * after its fourth quarter). `monthly` is the unit's sums per month (YYYY-MM).
 */
export function archivePeriods(monthly: readonly { month: string; sums: Sums }[]): { period: Period; sums: Sums }[] {
  const byCode = new Map<string, Sums>();
  for (const { month, sums } of monthly) {
    if (sums.n === 0) continue;
    for (const code of [month.slice(0, 4), periodCodeOf(`${month}-01`, 'quarter')]) byCode.set(code, addSums(byCode.get(code) ?? emptySums(), sums));
  }
  // Newest year first; within a year the year itself, then its quarters Q4 … Q1.
  const rank = (code: string) => Number(code.slice(0, 4)) * 10 + (code.length === 4 ? 9 : Number(code.slice(-1)));
  return [...byCode.entries()]
    .sort(([a], [b]) => rank(b) - rank(a))
    .map(([code, sums]) => ({ period: parsePeriodCode(code), sums }));
}

export interface BadgeFigures {
  ikm: number | null;
  mutu: string | null;
  provisional: boolean;
  periodCode: string;
  n: number;
  /** k of the small-cell rule: fewer ratings show "kurang dari k penilaian" instead of the IKM (decision 047). */
  minPublicRatings: number;
}

/** "IKM 91,67 · A · 2026-Q3 · 1.124 responden" (numbers as the site writes them in each language). */
export function badgeText(f: BadgeFigures, lang: Lang): string {
  const grade = f.mutu === null ? '–' : f.provisional ? (lang === 'id' ? `${f.mutu} (sementara)` : `${f.mutu} (provisional)`) : f.mutu;
  if (isBelowMinimum(f.n, f.minPublicRatings)) {
    return `IKM ${belowMinimumWords(f.minPublicRatings, lang)} · ${f.periodCode} · ${fmtCount(lang, f.n)} ${lang === 'id' ? 'responden' : f.n === 1 ? 'respondent' : 'respondents'}`;
  }
  return `IKM ${fmtNumber(lang, f.ikm)} · ${grade} · ${f.periodCode} · ${fmtCount(lang, f.n)} ${lang === 'id' ? 'responden' : f.n === 1 ? 'respondent' : 'respondents'}`;
}

const GRADE_COLOURS: Record<string, string> = { A: '#1e7b3a', B: '#2f5d8a', C: '#a15c00', D: '#b5472f' };

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/**
 * The badge: a flat two-part label ("IKM" | the figures), with an accessible name (<title>, role="img",
 * aria-labelledby) that says the unit and the whole text. Width estimated from the text (Verdana-like 11px: ~6.6 px
 * per character), so no font metrics are needed on the server.
 */
export function badgeSvg(f: BadgeFigures, unitName: string, lang: Lang): string {
  const text = badgeText(f, lang);
  const right = text.slice(4);
  const leftW = 36;
  const rightW = Math.ceil(right.length * 6.6) + 14;
  const width = leftW + rightW;
  const colour = (f.mutu && !f.provisional && GRADE_COLOURS[f.mutu]) || '#555555';
  const title = `${unitName}: ${text}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-labelledby="rapor-badge-title">
<title id="rapor-badge-title">${escapeXml(title)}</title>
<rect width="${leftW}" height="20" fill="#333333"/>
<rect x="${leftW}" width="${rightW}" height="20" fill="${colour}"/>
<g fill="#ffffff" font-family="Verdana, DejaVu Sans, sans-serif" font-size="11">
<text x="${leftW / 2}" y="14" text-anchor="middle">IKM</text>
<text x="${leftW + rightW / 2}" y="14" text-anchor="middle">${escapeXml(right)}</text>
</g>
</svg>
`;
}
