// Indicators the portal can realise for the SKP of an official (PermenPANRB 6/2022; DOMAIN.md §8): target,
// realisation, achievement (capaian) and a *suggested* rating from configurable thresholds — the superior decides.
// Each official is judged on their own days in the post; permits per permit type; follow-up items only once due;
// everything is computed from exact rationals and rounded half up once, for display (decision 025).
import type { ReportRow } from './permit-stats.ts';
import { INDICATORS } from './admin-input.ts';
import type { Ratio } from './ikm.ts';
import { permitTiming, type SlaUnit } from './working-days.ts';

export type Indicator = (typeof INDICATORS)[number];

export interface IndicatorInfo {
  perspective: string;
  unitOfMeasure: string;
  lowerIsBetter: boolean;
  /** The fewest observations that make a realisation worth a rating (ours; the IKM uses its sample target). */
  minN: number;
}

export const INDICATOR_INFO: Record<Indicator, IndicatorInfo> = {
  ikm: { perspective: 'Penerima Layanan', unitOfMeasure: 'indeks (25–100)', lowerIsBetter: false, minN: 0 },
  permit_within_sla_share: { perspective: 'Penerima Layanan', unitOfMeasure: '%', lowerIsBetter: false, minN: 30 },
  permit_median_days: { perspective: 'Proses Bisnis', unitOfMeasure: 'hari kerja', lowerIsBetter: true, minN: 30 },
  // Ours: below three items a share can only be 0, 50 or 100 % and one item decides it (decision 025).
  follow_up_on_time_share: { perspective: 'Proses Bisnis', unitOfMeasure: '%', lowerIsBetter: false, minN: 3 },
};

export interface Thresholds {
  /** Achievement (%) from which results are suggested "di atas ekspektasi". */
  above: number;
  /** Achievement (%) from which results are suggested "sesuai ekspektasi"; below it "di bawah ekspektasi". */
  meets: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { above: 110, meets: 90 };
/** Ours: achievement is capped, so one extreme indicator does not swamp the others (and a 0-day median divides). */
export const ACHIEVEMENT_CAP = 200;

/** An exact non-negative rational number, in big integers so products of counts and decimals never lose a digit. */
export interface Exact {
  num: bigint;
  den: bigint;
}

export function exact(num: number | bigint, den: number | bigint = 1): Exact {
  return { num: BigInt(num), den: BigInt(den) };
}

export function fromRatio(r: Ratio): Exact {
  return exact(r.num, r.den);
}

/** A number as the decimal it is written as (its shortest round-trip form): 83.1 is 831/10, not 83.09999…. */
export function fromDecimal(x: number): Exact {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a finite non-negative number: ${x}`);
  const fraction = m[2] ?? '';
  const exponent = Number(m[3] ?? 0) - fraction.length;
  const digits = BigInt(m[1]! + fraction);
  return exponent >= 0 ? { num: digits * 10n ** BigInt(exponent), den: 1n } : { num: digits, den: 10n ** BigInt(-exponent) };
}

/** Rounds half up to `decimals` places in integers: 103.875 → 103.88 (binary floating point gives 103.87). */
export function roundExact({ num, den }: Exact, decimals = 2): number {
  const scale = 10n ** BigInt(decimals);
  // floor(num·scale/den + 1/2) = floor((2·num·scale + den) / (2·den)); both non-negative, so / is floor.
  const scaled = (2n * num * scale + den) / (2n * den);
  return Number(scaled) / Number(scale);
}

function toExact(x: number | Exact): Exact {
  return typeof x === 'number' ? fromDecimal(x) : x;
}

/**
 * Capaian: realisation ÷ target × 100, or target ÷ realisation × 100 for a lower-is-better indicator, from the exact
 * realisation (a share or IKM as a ratio of counts; a decimal as written), capped, rounded half up only at the end.
 */
export function achievementPct(target: number | null, realisation: number | Exact | null, lowerIsBetter: boolean): number | null {
  if (target === null || realisation === null || target <= 0) return null;
  const t = fromDecimal(target);
  const r = toExact(realisation);
  if (lowerIsBetter && r.num === 0n) return ACHIEVEMENT_CAP;
  const raw = lowerIsBetter ? { num: t.num * r.den * 100n, den: t.den * r.num } : { num: r.num * t.den * 100n, den: r.den * t.num };
  if (raw.num >= BigInt(ACHIEVEMENT_CAP) * raw.den) return ACHIEVEMENT_CAP;
  return roundExact(raw, 2);
}

export function suggestedRating(achievement: number | null, adequate: boolean, t: Thresholds = DEFAULT_THRESHOLDS): string | null {
  if (achievement === null || !adequate) return null;
  if (achievement >= t.above) return 'di atas ekspektasi';
  if (achievement >= t.meets) return 'sesuai ekspektasi';
  return 'di bawah ekspektasi';
}

export interface DateWindow {
  from: string;
  to: string;
}

/** The official's own days of the period: the period intersected with the tenure (null when they do not meet). */
export function tenureWindow(period: DateWindow, tenureFrom: string, tenureTo: string | null): DateWindow | null {
  const from = tenureFrom > period.from ? tenureFrom : period.from;
  const to = tenureTo !== null && tenureTo < period.to ? tenureTo : period.to;
  return from <= to ? { from, to } : null;
}

/** A measured share (in %, exact) with the observations behind it. */
export interface Realised {
  value: Exact | null;
  n: number;
  /** Completed reports whose standard the dates cannot judge (minutes or hours, decision 029); then no value. */
  notJudged?: number;
}

/**
 * Why a row has no realisation although it has observations: a standard in minutes or hours that reports giving only
 * dates cannot judge (decision 029). The export prints this beside the empty cells instead of a 0 (decision 048).
 */
export function notJudgeableNote(sla: { value: number; unit: SlaUnit }, notJudged: number, n: number): string {
  const unit = sla.unit === 'minutes' ? 'menit' : 'jam';
  return `standar ${sla.value} ${unit} tidak dapat dinilai dari tanggal: laporan warga hanya memuat tanggal pengajuan dan selesai `
    + `(${notJudged} dari ${n} laporan tidak dapat dinilai)`;
}

/** Share, in %, of part in n; null without observations. */
function percentOf(part: number, n: number): Exact | null {
  return n === 0 ? null : exact(part * 100, n);
}

/**
 * Follow-up items that were due in the window and by `today` (an item not yet due is neither a success nor a
 * failure), and the share of them done by their due date.
 */
export function followUpOnTime(items: { status: string; due_date: string; completed_on: string | null }[], w: DateWindow, today: string): Realised {
  const until = w.to < today ? w.to : today;
  const due = items.filter((i) => i.due_date >= w.from && i.due_date <= until);
  const onTime = due.filter((i) => i.status === 'selesai' && i.completed_on !== null && i.completed_on <= i.due_date).length;
  return { value: percentOf(onTime, due.length), n: due.length };
}

/** A permit report as the evidence counts it: the shape the permit figures use. */
export type PermitCase = ReportRow;

/**
 * One permit type's figures in a window: the share within its SLA over the cases completed in the window plus the
 * cases sent in the window still pending and already past their SLA today (they are late, not left out); and the exact
 * median of the completed cases' elapsed time in the SLA's measure (working or calendar days). `legacy`: the first
 * evidence format (locks before decision 048), which counted a report the dates cannot judge as not within, so that
 * verifying such a lock makes its file again byte for byte.
 */
export function permitTypeFigures(cases: PermitCase[], w: DateWindow, slaUnit: SlaUnit, today: string, holidays: ReadonlySet<string>, legacy = false): { withinSla: Realised; median: Realised } {
  const days: number[] = [];
  let within = 0;
  let pendingLate = 0;
  let notJudged = 0;
  for (const c of cases) {
    if (c.completed_on === null) {
      if (c.submitted_on < w.from || c.submitted_on > w.to) continue;
      const t = permitTiming(c.submitted_on, null, today, { value: c.sla_value, unit: c.sla_unit as SlaUnit }, holidays);
      if (t.withinSla === false) pendingLate++;
      continue;
    }
    if (c.completed_on < w.from || c.completed_on > w.to) continue;
    days.push(slaUnit === 'calendar_days' ? c.calendar_days ?? 0 : c.working_days ?? 0);
    if (c.within_sla === 1) within++;
    else if (c.within_sla === null) notJudged++;
  }
  days.sort((a, b) => a - b);
  const mid = days.length >> 1;
  const median = days.length === 0 ? null : days.length % 2 ? exact(days[mid]!) : exact(days[mid - 1]! + days[mid]!, 2);
  const n = days.length + pendingLate;
  // A share only when every report was judged: a share of the judged ones would count every proven lateness and never
  // a proven success (decision 029); the row then says why it is empty (decision 048).
  const withinSla = notJudged > 0 && !legacy ? { value: null, n, notJudged } : { value: percentOf(within, n), n };
  return { withinSla, median: { value: median, n: days.length } };
}
