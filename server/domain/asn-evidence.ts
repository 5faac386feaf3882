// Indicators the portal can realise for the SKP of an official (PermenPANRB 6/2022; DOMAIN.md §8): target,
// realisation, achievement (capaian) and a *suggested* rating from configurable thresholds — the superior decides.
import { INDICATORS } from './admin-input.ts';

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
  follow_up_on_time_share: { perspective: 'Proses Bisnis', unitOfMeasure: '%', lowerIsBetter: false, minN: 1 },
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

/** Capaian: realisation ÷ target × 100, or target ÷ realisation × 100 for a lower-is-better indicator. */
export function achievementPct(target: number | null, realisation: number | null, lowerIsBetter: boolean): number | null {
  if (target === null || realisation === null || target <= 0) return null;
  const raw = lowerIsBetter ? (realisation === 0 ? ACHIEVEMENT_CAP : (target / realisation) * 100) : (realisation / target) * 100;
  return Math.round(Math.min(ACHIEVEMENT_CAP, raw) * 100) / 100;
}

export function suggestedRating(achievement: number | null, adequate: boolean, t: Thresholds = DEFAULT_THRESHOLDS): string | null {
  if (achievement === null || !adequate) return null;
  if (achievement >= t.above) return 'di atas ekspektasi';
  if (achievement >= t.meets) return 'sesuai ekspektasi';
  return 'di bawah ekspektasi';
}

/** Share of follow-up items due in the period that were done by their due date, in %. */
export function followUpOnTimeShare(items: { status: string; due_date: string; completed_on: string | null }[]): number | null {
  if (items.length === 0) return null;
  const onTime = items.filter((i) => i.status === 'selesai' && i.completed_on !== null && i.completed_on <= i.due_date).length;
  return Math.round((onTime / items.length) * 10000) / 100;
}
