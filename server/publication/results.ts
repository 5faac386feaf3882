// The figures every piece of the publication kit shows (issue 18 item 2): a unit's results for a period computed
// exactly as the public scores route computes them (same sums, same summary, same sample target), so the screen, the
// widget, the badge, the poster and the archive print the numbers the unit page prints.
import type { Kysely } from 'kysely';
import type { Database, PublicationMedium, PublicationSource } from '../../core/schema.ts';
import { publicComments } from '../../db/queries/comments.ts';
import { listFollowUps } from '../../db/queries/follow-ups.ts';
import { logPublication, noteScreenHour, screenHoursByDay } from '../../db/queries/publications.ts';
import { unitSumsByMonth, unitSumsByService } from '../../db/queries/scores.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { daysInclusive, type Period } from '../../core/domain/periods.ts';
import { archivePeriods } from '../../core/domain/publication-kit.ts';
import { SCREEN_WINDOW_DAYS, screenRan } from '../../core/domain/publication-proof.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { sampleFlags, summarise, totalOf, type ScoreSummary, type Sums } from '../../core/domain/scores.ts';
import { publicSummary } from '../../core/domain/small-cells.ts';
import { isTimeZone, localDateOf, localHourOf, todayIn } from '../../core/domain/time-zones.ts';

export interface PeriodResult extends Omit<ScoreSummary, 'ikmExact'> {
  period: Period;
  sampleTarget: number | null;
  provisional: boolean;
  /** k of the small-cell rule: below it the IKM, grade and elements are null and the kit says so (decision 047). */
  minPublicRatings: number;
}

function declaredUsers(unit: UnitDetail): number | null {
  return unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0) || null;
}

function resultOf(unit: UnitDetail, period: Period, sums: Sums, k: number): PeriodResult {
  const { ikmExact: _exact, ...summary } = summarise(sums);
  const target = sampleTarget(declaredUsers(unit), daysInclusive(period.from, period.to));
  return { ...publicSummary(summary, k), period, sampleTarget: target, provisional: sampleFlags(summary.n, target).provisional, minPublicRatings: k };
}

/** A unit's results for one period, as GET /api/units/{slug}/scores answers them. */
export async function unitResult(db: Kysely<Database>, unit: UnitDetail, period: Period): Promise<PeriodResult> {
  const [byService, k] = await Promise.all([unitSumsByService(db, unit.id, period.from, period.to), minPublicRatings(db)]);
  return resultOf(unit, period, totalOf(byService.map((s) => s.sums)), k);
}

/** Every quarter and year of a unit with counted ratings up to `today`, newest first. */
export async function unitArchive(db: Kysely<Database>, unit: UnitDetail, today: string): Promise<PeriodResult[]> {
  const [monthly, k] = await Promise.all([unitSumsByMonth(db, unit.id, '2000-01-01', today), minPublicRatings(db)]);
  return archivePeriods(monthly).map(({ period, sums }) => resultOf(unit, period, sums, k));
}

/** The follow-up items a unit is working on (planned or under way), soonest due first, at most `limit`. */
export async function fixingNow(db: Kysely<Database>, unitId: string, limit: number) {
  const rows = await listFollowUps(db, unitId);
  return rows.filter((f) => f.status !== 'selesai').sort((a, b) => a.due_date.localeCompare(b.due_date)).slice(0, limit);
}

/** The follow-up progress of a unit: items planned, done, and the average progress. */
export async function followUpProgress(db: Kysely<Database>, unitId: string) {
  const rows = await listFollowUps(db, unitId);
  return { items: rows, total: rows.length, done: rows.filter((f) => f.status === 'selesai').length };
}

/** The latest public comments that have a reply from the unit (the screen shows the unit answering). */
export async function latestReplies(db: Kysely<Database>, unitId: string, limit: number) {
  const rows = await publicComments(db, unitId, 30);
  return rows.filter((r) => r.replies.length > 0).slice(0, limit);
}

/** The unit's local date today. */
export function unitToday(unit: UnitDetail, now: Date): string {
  return todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', now);
}

/** What this process already logged, per database: a badge fetched a thousand times a day writes once, not a thousand times. */
const loggedToday = new WeakMap<Kysely<Database>, Set<string>>();

/** Logs that the unit's results were published on a medium today (the unit's local date); repeats do nothing. */
export async function logServed(db: Kysely<Database>, unit: UnitDetail, medium: PublicationMedium, source: PublicationSource, period: string, now: Date): Promise<void> {
  const day = unitToday(unit, now);
  const key = `${unit.id}|${source}|${medium}|${day}`;
  let seen = loggedToday.get(db);
  if (!seen) loggedToday.set(db, (seen = new Set()));
  if (seen.has(key)) return;
  await logPublication(db, { unitId: unit.id, medium, source, publishedOn: day, period }, now);
  // Forget earlier days so the set stays small on a long-running server.
  if (seen.size > 10_000) seen.clear();
  seen.add(key);
}

/**
 * Notes the hour in which the unit's screen polled; once it has run for SCREEN_HOURS_A_DAY hours on SCREEN_DAYS days
 * of the last SCREEN_WINDOW_DAYS, today is logged as published on the screen (issue 24 F10). One write per unit and hour.
 */
export async function noteScreenPoll(db: Kysely<Database>, unit: UnitDetail, period: string, now: Date): Promise<void> {
  const tz = isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta';
  const day = localDateOf(now, tz);
  const key = `${unit.id}|screen-hour|${day}|${localHourOf(now, tz)}`;
  let seen = loggedToday.get(db);
  if (!seen) loggedToday.set(db, (seen = new Set()));
  if (seen.has(key)) return;
  const isNew = await noteScreenHour(db, unit.id, day, localHourOf(now, tz));
  if (seen.size > 10_000) seen.clear();
  seen.add(key);
  if (!isNew) return;
  const from = localDateOf(new Date(now.getTime() - (SCREEN_WINDOW_DAYS - 1) * 86_400_000), tz);
  if (screenRan(await screenHoursByDay(db, unit.id, from, day))) await logServed(db, unit, 'electronic', 'screen', period, now);
}
