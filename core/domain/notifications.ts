// Alerts and digests chosen per account (issue 27 item 3, docs/decisions/062-notifications.md): the kinds of mail an
// account may get, how often each may come, what a real office gets when it chose nothing, the digest windows (which
// local dates a digest covers) and when a digest is due (07:00 in the account's region's time zone). Pure: no clock.
import * as v from 'valibot';
import type { Role } from '../schema.ts';
import { instantOfLocal, localDateOf, type TimeZone } from './time-zones.ts';
import { workingDaysBetween } from './working-days.ts';

export const FREQUENCIES = ['immediately', 'daily', 'weekly', 'off'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The kinds of mail an account chooses; the first is the unit staff's digest (its weekly form is "weekly-digest"). */
export const NOTIFICATION_KINDS = [
  'unit-digest',
  'score-alert',
  'reply-overdue',
  'followup-overdue',
  'review-waiting',
  'moderation-request',
  'units-below-threshold',
  'evidence-lock-reminder',
  'lapor-handoff-due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

interface KindRule {
  roles: readonly Role[];
  /** A digest gathers a period; "immediately" means nothing for it. */
  allowed: readonly Frequency[];
  /** What an office gets until it chooses: the weekly digest on Monday, alerts as they happen. */
  defaults: Frequency;
}

const ALL: readonly Frequency[] = FREQUENCIES;
const DIGEST: readonly Frequency[] = ['daily', 'weekly', 'off'];

export const KIND_RULES: Record<NotificationKind, KindRule> = {
  'unit-digest': { roles: ['staff'], allowed: DIGEST, defaults: 'weekly' },
  'score-alert': { roles: ['staff'], allowed: ALL, defaults: 'immediately' },
  'reply-overdue': { roles: ['staff'], allowed: ALL, defaults: 'daily' },
  'followup-overdue': { roles: ['staff'], allowed: ALL, defaults: 'immediately' },
  'review-waiting': { roles: ['evaluator', 'admin'], allowed: ALL, defaults: 'daily' },
  'moderation-request': { roles: ['evaluator', 'admin'], allowed: ALL, defaults: 'immediately' },
  'units-below-threshold': { roles: ['evaluator', 'admin'], allowed: ALL, defaults: 'weekly' },
  'evidence-lock-reminder': { roles: ['evaluator', 'admin'], allowed: ALL, defaults: 'immediately' },
  // An SP4N-LAPOR! hand-off whose next step falls due or is overdue, to the evaluators of its region (decision 066).
  'lapor-handoff-due': { roles: ['evaluator'], allowed: ALL, defaults: 'immediately' },
};

/** The kinds an account of this role may choose, in the order the form shows them. */
export function kindsForRole(role: string): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((k) => (KIND_RULES[k].roles as readonly string[]).includes(role));
}

/** Every kind of the role with the account's choice, or the default where it chose nothing. */
export function effectivePreferences(role: string, stored: ReadonlyArray<{ kind: string; frequency: string }>): Array<{ kind: NotificationKind; frequency: Frequency; allowed: readonly Frequency[] }> {
  return kindsForRole(role).map((kind) => {
    const row = stored.find((s) => s.kind === kind);
    const frequency = row && (KIND_RULES[kind].allowed as readonly string[]).includes(row.frequency) ? (row.frequency as Frequency) : KIND_RULES[kind].defaults;
    return { kind, frequency, allowed: KIND_RULES[kind].allowed };
  });
}

export type PreferenceCheck = { ok: true; changes: Array<{ kind: NotificationKind; frequency: Frequency }> } | { ok: false; fields: Record<string, string> };

/** Checks a set of choices `{kind: frequency}` against the role: unknown kinds, kinds of another role and bad frequencies are refused. */
export function checkPreferences(role: string, input: unknown): PreferenceCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, fields: { preferences: 'must be an object of kind: frequency' } };
  const mine = kindsForRole(role);
  const fields: Record<string, string> = {};
  const changes: Array<{ kind: NotificationKind; frequency: Frequency }> = [];
  for (const [kind, frequency] of Object.entries(input)) {
    if (!isNotificationKind(kind) || !mine.includes(kind)) fields[kind] = `is not a kind of mail for a ${role} account`;
    else if (typeof frequency !== 'string' || !(KIND_RULES[kind].allowed as readonly string[]).includes(frequency)) fields[kind] = `must be one of ${KIND_RULES[kind].allowed.join(', ')}`;
    else changes.push({ kind, frequency: frequency as Frequency });
  }
  if (Object.keys(input).length === 0) fields.preferences = 'must name at least one kind';
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, changes };
}

/** PUT /api/account/notifications: `{preferences: {kind: frequency}}`; which kinds the role may choose is checked after. */
export const preferencesSchema = v.object({
  preferences: v.record(v.string(), v.picklist(FREQUENCIES, `must be ${FREQUENCIES.join(', ')}`)),
});

/** What an administrator may send now (POST /api/admin/notifications/run, npm run notify). */
export const DIGEST_RUN_KINDS = ['weekly-digest', 'daily-digest'] as const;
export type DigestRunKind = (typeof DIGEST_RUN_KINDS)[number];

export const runSchema = v.object({
  kind: v.picklist(DIGEST_RUN_KINDS, `must be one of ${DIGEST_RUN_KINDS.join(', ')}`),
  unit: v.optional(v.pipe(v.string('must be a unit slug'), v.maxLength(120, 'must be a unit slug'))),
});

/** The local hour digests go out (07:00 in the account's region's zone). */
export const DIGEST_HOUR = 7;
/** A missed window is caught up, but a digest never covers more than this many days. */
export const MAX_DIGEST_DAYS = 31;

export interface DigestWindow {
  /** First and last local dates covered, inclusive. */
  from: string;
  to: string;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

/** Monday is 1 … Sunday 7 (ISO). */
const isoWeekday = (date: string): number => ((new Date(date + 'T00:00:00Z').getUTCDay() + 6) % 7) + 1;

/**
 * The window a scheduled digest sends at `now`, or null when none is due: a daily digest covers yesterday, a weekly
 * one the week up to the last Sunday (sent on Monday); each goes from 07:00 local on. A window starts the day after
 * the last one sent (`lastTo`), so a digest missed while the portal was down is sent late, never skipped; a window
 * already sent is never sent again.
 */
export function dueDigestWindow(frequency: Frequency, lastTo: string | null, tz: TimeZone, now: Date): DigestWindow | null {
  if (frequency !== 'daily' && frequency !== 'weekly') return null;
  const today = localDateOf(now, tz);
  // Before 07:00 the last window that may go is the one of the day before.
  const sendDay = now.getTime() >= instantOfLocal(today, DIGEST_HOUR, 0, 0, tz).getTime() ? today : addDays(today, -1);
  const to = frequency === 'daily' ? addDays(sendDay, -1) : addDays(sendDay, -isoWeekday(sendDay));
  if (lastTo !== null && lastTo >= to) return null;
  const length = frequency === 'daily' ? 1 : 7;
  const natural = addDays(to, -(length - 1));
  const afterLast = lastTo === null ? natural : addDays(lastTo, 1);
  const from = afterLast < natural ? (afterLast < addDays(to, -(MAX_DIGEST_DAYS - 1)) ? addDays(to, -(MAX_DIGEST_DAYS - 1)) : afterLast) : natural;
  return { from, to };
}

/** The window an administrator's "send now" covers: the last 7 days (or 1 for a daily digest) up to yesterday. */
export function immediateDigestWindow(days: number, tz: TimeZone, now: Date): DigestWindow {
  const to = addDays(localDateOf(now, tz), -1);
  return { from: addDays(to, -(days - 1)), to };
}

/**
 * An item "becomes overdue" the day after its due date; an alert is sent for items that became overdue within this
 * many days (a portal's first start, or an account new to a unit, is not flooded with old items: the digest lists them).
 */
export const OVERDUE_ALERT_DAYS = 7;

/** Whether a follow-up item due on `dueDate` became overdue recently enough, by the unit's `today`, to alert about. */
export function isNewlyOverdue(dueDate: string, today: string): boolean {
  return dueDate < today && dueDate >= addDays(today, -OVERDUE_ALERT_DAYS);
}

/** A comment waits too long (for a reply, or for a reviewer: SP4N-LAPOR! asks 3 working days) after this many working days. */
export const WAIT_ALERT_WORKING_DAYS = 3;
/**
 * Comments older than this many calendar days are not alerted about (a first start is not flooded; the digest and the
 * review queue list them all). Three weeks: 3 working days plus the longest run of holidays (Lebaran's cuti bersama).
 */
export const WAIT_ALERT_LOOKBACK_DAYS = 21;

/**
 * Whether a comment that arrived on local date `since` has waited, by the unit's `today`, more than 3 working days
 * (weekends and the holiday calendar do not count), and recently enough to alert about.
 */
export function waitedTooLong(since: string, today: string, holidays: ReadonlySet<string>): boolean {
  return since >= addDays(today, -WAIT_ALERT_LOOKBACK_DAYS) && workingDaysBetween(since, today, holidays) > WAIT_ALERT_WORKING_DAYS;
}

/** Whole days from a local date to another (an age in days). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

export { addDays as addLocalDays };
