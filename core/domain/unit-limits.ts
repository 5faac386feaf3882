// What a unit's staff may do per unit and day (issue 24 F3, F6; docs/decisions/044): visit codes issued, evidence stored
// and uploaded. An administrator sets each per unit; until then the portal's defaults below apply.
import { instantOfLocal, type TimeZone } from './time-zones.ts';

/** Visit codes per day when the unit declared no yearly users: a busy counter's day. */
export const DEFAULT_VISIT_CODES_PER_DAY = 200;
/** Never fewer than this a day by default, so a small unit can still hand a code to each visitor of a busy morning. */
export const MIN_DEFAULT_VISIT_CODES_PER_DAY = 20;
/** The most an administrator may allow a unit per day. */
export const MAX_VISIT_CODES_PER_DAY = 10_000;
export const DEFAULT_EVIDENCE_QUOTA_MB = 200;
export const DEFAULT_EVIDENCE_MB_PER_DAY = 50;
export const MAX_EVIDENCE_QUOTA_MB = 10_000;

/**
 * A unit's visit codes per day: the administrator's figure, else three times the unit's average day (its services'
 * declared yearly users over 365; a code is handed per visit, and a busy day is about three average ones), at least
 * MIN_DEFAULT_VISIT_CODES_PER_DAY; without declared users, DEFAULT_VISIT_CODES_PER_DAY.
 */
export function visitCodesPerDay(setByAdministrator: number | null, declaredYearlyUsers: number | null): number {
  if (setByAdministrator !== null) return setByAdministrator;
  if (declaredYearlyUsers === null || declaredYearlyUsers <= 0) return DEFAULT_VISIT_CODES_PER_DAY;
  return Math.max(MIN_DEFAULT_VISIT_CODES_PER_DAY, Math.ceil((3 * declaredYearlyUsers) / 365));
}

/** The unit's evidence limits in bytes: what it may store in all, and upload in one local day. */
export function evidenceLimits(quotaMb: number | null, perDayMb: number | null): { quotaBytes: number; perDayBytes: number } {
  return { quotaBytes: (quotaMb ?? DEFAULT_EVIDENCE_QUOTA_MB) * 1024 * 1024, perDayBytes: (perDayMb ?? DEFAULT_EVIDENCE_MB_PER_DAY) * 1024 * 1024 };
}

/** The instants bounding a unit's local day: [start, end). */
export function localDayBounds(localDate: string, tz: TimeZone): { start: string; end: string } {
  const start = instantOfLocal(localDate, 0, 0, 0, tz);
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() };
}
