// Numbers and dates as residents read them: 83,47 in Bahasa Indonesia, 83.47 in English.
import type { Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

export function fmtNumber(lang: Lang, value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

export function fmtCount(lang: Lang, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(lang)).format(value);
}

export function fmtDate(lang: Lang, isoDate: string): string {
  const d = new Date(isoDate.length === 10 ? isoDate + 'T00:00:00Z' : isoDate);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A period code in words: 2026-Q3 → "Triwulan III 2026" / "Q3 2026". */
export function fmtPeriod(lang: Lang, code: string): string {
  let m: RegExpExecArray | null;
  const roman = ['I', 'II', 'III', 'IV'];
  if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) return lang === 'id' ? `Triwulan ${roman[Number(m[2]) - 1]} ${m[1]}` : `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-S([12])$/.exec(code))) return lang === 'id' ? `Semester ${roman[Number(m[2]) - 1]} ${m[1]}` : `H${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(code))) {
    return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${code}-01T00:00:00Z`));
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(code))) return `${fmtDate(lang, m[1]!)} – ${fmtDate(lang, m[2]!)}`;
  return lang === 'id' ? `Tahun ${code}` : code;
}

/** Period choices for pickers, newest first: years, semesters and quarters from 2025 to the current quarter. */
export function periodChoices(today: Date): string[] {
  const year = today.getUTCFullYear();
  const quarter = Math.ceil((today.getUTCMonth() + 1) / 3);
  const out: string[] = [];
  for (let y = year; y >= 2025; y--) {
    out.push(String(y));
    for (let s = y === year ? Math.ceil(quarter / 2) : 2; s >= 1; s--) out.push(`${y}-S${s}`);
    for (let q = y === year ? quarter : 4; q >= 1; q--) out.push(`${y}-Q${q}`);
  }
  return out;
}

export function formatSla(sla: { value: number; unit: string } | null, units: Record<string, string>, fallback: string): string {
  return sla ? `${sla.value} ${units[sla.unit] ?? sla.unit}` : fallback;
}
