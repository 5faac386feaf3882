// What a unit staff's digest says (issue 27 item 3): the open quarter's IKM, its change from the last quarter and the
// weakest element come from `unitScores`, the same (db, …) function the scores route answers with (so the mail and
// GET /api/units/{slug}/scores?period=… never differ); the work waiting comes from the unit's own queries.
import type { Kysely } from 'kysely';
import type { UnitScores } from '../../core/api-types.ts';
import { addLocalDays, daysFrom, type DigestWindow } from '../../core/domain/notifications.ts';
import { parsePeriodCode, periodCodeOf, previousPeriod } from '../../core/domain/periods.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import type { Database } from '../../core/schema.ts';
import { listFollowUps } from '../../db/queries/follow-ups.ts';
import { commentsAwaitingReply, kiosksWaiting } from '../../db/queries/notifications.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { unitScores } from './unit-scores.ts';

/** Follow-up items due within this many days are listed as coming due. */
export const DUE_SOON_DAYS = 14;

export interface UnitDigest {
  unit: { slug: string; name: string };
  window: DigestWindow;
  today: string;
  /** The open quarter's scores, exactly as the scores route answers them. */
  quarter: UnitScores;
  /** The last quarter's IKM (from the same answer's trend), and the change; null when either is withheld or missing. */
  previousIkm: number | null;
  change: number | null;
  /** Ratings whose local date falls in the window. */
  ratingsInWindow: number;
  weakest: { code: string; name: string; nrr: number | null } | null;
  comments: { count: number; oldest: string | null; oldestDays: number | null };
  followUps: { overdue: Array<{ problem: string; dueDate: string }>; dueSoon: Array<{ problem: string; dueDate: string }> };
  kiosksWaiting: number;
}

export async function unitDigest(db: Kysely<Database>, unit: UnitDetail, window: DigestWindow, now: Date): Promise<UnitDigest> {
  const tz = isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta';
  const today = todayIn(tz, now);
  const quarterPeriod = parsePeriodCode(periodCodeOf(today, 'quarter'));
  const k = await minPublicRatings(db);
  const [quarter, inWindow, comments, followUps, kiosks] = await Promise.all([
    unitScores(db, unit, quarterPeriod, now, k),
    unitScores(db, unit, { code: `${window.from}..${window.to}`, kind: 'range', from: window.from, to: window.to }, now, k),
    commentsAwaitingReply(db, unit.id),
    listFollowUps(db, unit.id),
    kiosksWaiting(db, unit.id),
  ]);
  const previousCode = previousPeriod(quarterPeriod).code;
  const previousIkm = quarter.trend.find((p) => p.period === previousCode)?.ikm ?? null;
  const change = quarter.ikm !== null && previousIkm !== null ? Math.round((quarter.ikm - previousIkm) * 100) / 100 : null;
  const weakestCode = quarter.weakest[0];
  const weakestElement = weakestCode ? quarter.elements.find((e) => e.code === weakestCode) : undefined;
  const open = followUps.filter((f) => f.status !== 'selesai');
  const soon = addLocalDays(today, DUE_SOON_DAYS);
  const item = (f: { problem: string; due_date: string }) => ({ problem: f.problem, dueDate: f.due_date });
  return {
    unit: { slug: unit.slug, name: unit.name },
    window,
    today,
    quarter,
    previousIkm,
    change,
    ratingsInWindow: inWindow.n,
    weakest: weakestElement ? { code: weakestElement.code, name: weakestElement.name, nrr: weakestElement.nrr } : null,
    comments: { ...comments, oldestDays: comments.oldest ? daysFrom(comments.oldest, today) : null },
    followUps: {
      overdue: open.filter((f) => f.due_date < today).sort((a, b) => a.due_date.localeCompare(b.due_date)).map(item),
      dueSoon: open.filter((f) => f.due_date >= today && f.due_date <= soon).sort((a, b) => a.due_date.localeCompare(b.due_date)).map(item),
    },
    kiosksWaiting: kiosks,
  };
}
