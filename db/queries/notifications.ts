// Alerts and digests chosen per account (issue 27 item 3, docs/decisions/062-notifications.md): the stored choices,
// the digest windows already sent (claimed with one conditional UPDATE so two processes or a restart never send a
// window twice), the recipients of a unit's digest, and the few figures of a digest no other query gives.
import type { Kysely, Transaction } from 'kysely';
import type { Database, NotificationPreference } from '../../core/schema.ts';
import { commentIsPublic } from './comment-review.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function storedPreferences(db: Db, userId: string): Promise<NotificationPreference[]> {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

/** Stores an account's choices (a row per kind); the digest state of a kind is kept. */
export async function setPreferences(db: Db, userId: string, changes: ReadonlyArray<{ kind: string; frequency: string }>, now: Date): Promise<void> {
  const at = now.toISOString();
  for (const { kind, frequency } of changes) {
    await db
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind, frequency, updated_at: at, digest_window_to: null, digest_sent_at: null })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ frequency, updated_at: at }))
      .execute();
  }
}

/** The secret that signs unsubscribe links, made once by whichever process asks first (like the form-ticket secret). */
export async function unsubscribeSecret(db: Kysely<Database>, fresh: () => string, now: Date): Promise<string> {
  const key = 'unsubscribe_secret';
  const existing = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return existing.value;
  await db.insertInto('settings').values({ key, value: fresh(), updated_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
}

/** An account a digest may go to, with the time zone of its unit's region (or its own region's). */
export interface DigestRecipient {
  userId: string;
  email: string;
  name: string;
  role: string;
  unitId: string | null;
  unitSlug: string | null;
  timezone: string;
  frequency: string | null;
  windowTo: string | null;
}

/** The active staff accounts of every unit (or one), with their choice and last window of `kind`. */
export async function staffDigestRecipients(db: Db, kind: string, unitSlug?: string): Promise<DigestRecipient[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.user_id', '=', 'users.id').on('p.kind', '=', kind))
    .select([
      'users.id as userId', 'users.email as email', 'users.name as name', 'users.role as role', 'units.id as unitId', 'units.slug as unitSlug',
      'regions.timezone as timezone', 'p.frequency as frequency', 'p.digest_window_to as windowTo',
    ])
    .where('users.role', '=', 'staff')
    .where('users.disabled_at', 'is', null);
  if (unitSlug !== undefined) q = q.where('units.slug', '=', unitSlug);
  return q.orderBy('units.slug').orderBy('users.email').execute();
}

/**
 * Claims a digest window for an account: sets digest_window_to to `to` only if it still is `previousTo` (what the
 * caller read), creating the row with the default frequency when the account never chose. True when this call
 * claimed it; false when another process (or an earlier run) already did. Call it in the transaction that queues the
 * mail, so the claim and the mail commit together.
 */
export async function claimDigestWindow(
  trx: Transaction<Database>, userId: string, kind: string, frequency: string, previousTo: string | null, to: string, now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  await trx
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, frequency, updated_at: at, digest_window_to: null, digest_sent_at: null })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doNothing())
    .execute();
  const result = await trx
    .updateTable('notification_preferences')
    .set({ digest_window_to: to, digest_sent_at: at })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where((eb) => (previousTo === null ? eb('digest_window_to', 'is', null) : eb('digest_window_to', '=', previousTo)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Turns a kind off for an account (the unsubscribe link); true when it was not off already. */
export async function turnOff(db: Db, userId: string, kind: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const before = await db.selectFrom('notification_preferences').select('frequency').where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst();
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, frequency: 'off', updated_at: at, digest_window_to: null, digest_sent_at: null })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ frequency: 'off', updated_at: at }))
    .execute();
  return before?.frequency !== 'off';
}

/**
 * A unit's public comments that have no reply yet (not hidden, not waiting for or withheld by a reviewer, from a
 * rating that counts): how many, and the local date of the oldest. The text is never read.
 */
export async function commentsAwaitingReply(db: Db, unitId: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('responses')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('responses.local_date').as('oldest')])
    .where('responses.unit_id', '=', unitId)
    .where('responses.comment', 'is not', null)
    .where('responses.comment_hidden_at', 'is', null)
    .where('responses.exclusion_reason', 'is', null)
    .where(commentIsPublic)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('replies').select('replies.id').whereRef('replies.response_id', '=', 'responses.id'))))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: (row.oldest as string | null) ?? null };
}

/** How many of a unit's kiosks wait for an administrator's approval. */
export async function kiosksWaiting(db: Db, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('kiosk_devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('approved_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A follow-up item past its due date, once per active staff account of its unit, that was not alerted yet. */
export interface OverdueFollowUpAlert {
  followUpId: string;
  problem: string;
  dueDate: string;
  unitSlug: string;
  unitName: string;
  timezone: string;
  userId: string;
  email: string;
  frequency: string | null;
}

/**
 * Open follow-up items (not "selesai") due on or after `fromDate` and before `beforeDate` (local dates; the caller
 * narrows each to its unit's own today), paired with every active staff account of the unit that has had no alert
 * about it yet.
 */
export async function overdueFollowUpAlerts(db: Db, fromDate: string, beforeDate: string): Promise<OverdueFollowUpAlert[]> {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('units', 'units.id', 'f.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .innerJoin('users', (j) => j.onRef('users.unit_id', '=', 'units.id').on('users.role', '=', 'staff').on('users.disabled_at', 'is', null))
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.user_id', '=', 'users.id').on('p.kind', '=', 'followup-overdue'))
    .select([
      'f.id as followUpId', 'f.problem as problem', 'f.due_date as dueDate', 'units.slug as unitSlug', 'units.name as unitName',
      'regions.timezone as timezone', 'users.id as userId', 'users.email as email', 'p.frequency as frequency',
    ])
    .where('f.status', '!=', 'selesai')
    .where('f.due_date', '>=', fromDate)
    .where('f.due_date', '<', beforeDate)
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('notification_alerts_sent as s').select('s.user_id')
        .whereRef('s.user_id', '=', 'users.id').where('s.kind', '=', 'followup-overdue').whereRef('s.subject_key', '=', 'f.id'),
    )))
    .orderBy('f.due_date')
    .orderBy('users.email')
    .execute();
}

/** Notes that an alert went to an account; false when one already had (another process, a restart): send nothing then. */
export async function recordAlert(trx: Transaction<Database>, userId: string, kind: string, subjectKey: string, now: Date): Promise<boolean> {
  // RETURNING answers a row only when this insert made one (both engines), whatever the driver counts.
  const inserted = await trx
    .insertInto('notification_alerts_sent')
    .values({ user_id: userId, kind, subject_key: subjectKey, sent_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'subject_key']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A public comment without a reply, once per active staff account of its unit, that was not alerted about yet. */
export interface UnansweredCommentAlert {
  responseId: string;
  localDate: string;
  unitSlug: string;
  unitName: string;
  timezone: string;
  userId: string;
  email: string;
  frequency: string | null;
}

/**
 * A unit's public comments without a reply (as commentsAwaitingReply counts them) that arrived on or after `fromDate`
 * and before `beforeDate` (local dates; the caller judges each by working days in its unit's own today), paired with
 * every active staff account of the unit that has had no `reply-overdue` alert about it yet. The text is never read.
 */
export async function unansweredCommentAlerts(db: Db, fromDate: string, beforeDate: string): Promise<UnansweredCommentAlert[]> {
  return db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .innerJoin('users', (j) => j.onRef('users.unit_id', '=', 'units.id').on('users.role', '=', 'staff').on('users.disabled_at', 'is', null))
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.user_id', '=', 'users.id').on('p.kind', '=', 'reply-overdue'))
    .select([
      'responses.id as responseId', 'responses.local_date as localDate', 'units.slug as unitSlug', 'units.name as unitName',
      'regions.timezone as timezone', 'users.id as userId', 'users.email as email', 'p.frequency as frequency',
    ])
    .where('responses.comment', 'is not', null)
    .where('responses.comment_hidden_at', 'is', null)
    .where('responses.exclusion_reason', 'is', null)
    .where(commentIsPublic)
    .where('responses.local_date', '>=', fromDate)
    .where('responses.local_date', '<', beforeDate)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('replies').select('replies.id').whereRef('replies.response_id', '=', 'responses.id'))))
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('notification_alerts_sent as s').select('s.user_id')
        .whereRef('s.user_id', '=', 'users.id').where('s.kind', '=', 'reply-overdue').whereRef('s.subject_key', '=', 'responses.id'),
    )))
    .orderBy('responses.local_date')
    .orderBy('responses.id')
    .orderBy('users.email')
    .execute();
}

/** A comment held for review, once per active evaluator or administrator that was not alerted about it yet. */
export interface PendingReviewAlert {
  responseId: string;
  localDate: string;
  unitSlug: string;
  unitName: string;
  unitRegion: string;
  timezone: string;
  userId: string;
  email: string;
  role: string;
  /** The evaluator's region (null: national, or an administrator); the caller keeps the units within its scope. */
  userRegion: string | null;
  frequency: string | null;
}

/**
 * Comments waiting for review (the queue of db/queries/comment-review.ts: state 'pending') that arrived on or after
 * `fromDate` and before `beforeDate` (local dates), paired with every active evaluator and administrator that has had
 * no `review-waiting` alert about it yet. The text is never read.
 */
export async function pendingReviewAlerts(db: Db, fromDate: string, beforeDate: string): Promise<PendingReviewAlert[]> {
  return db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .innerJoin('users', (j) => j.on('users.role', 'in', ['evaluator', 'admin']).on('users.disabled_at', 'is', null))
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.user_id', '=', 'users.id').on('p.kind', '=', 'review-waiting'))
    .select([
      'responses.id as responseId', 'responses.local_date as localDate', 'units.slug as unitSlug', 'units.name as unitName',
      'units.region_code as unitRegion', 'regions.timezone as timezone', 'users.id as userId', 'users.email as email',
      'users.role as role', 'users.region_code as userRegion', 'p.frequency as frequency',
    ])
    .where('responses.comment_review', '=', 'pending')
    .where('responses.comment', 'is not', null)
    .where('responses.local_date', '>=', fromDate)
    .where('responses.local_date', '<', beforeDate)
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('notification_alerts_sent as s').select('s.user_id')
        .whereRef('s.user_id', '=', 'users.id').where('s.kind', '=', 'review-waiting').whereRef('s.subject_key', '=', 'responses.id'),
    )))
    .orderBy('responses.local_date')
    .orderBy('responses.id')
    .orderBy('users.email')
    .execute();
}

/** The active evaluators, with their region (null: national) and their choice of `kind`. */
export async function evaluatorRecipients(db: Db, kind: string): Promise<Array<{ userId: string; email: string; region: string | null; frequency: string | null }>> {
  return db
    .selectFrom('users')
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.user_id', '=', 'users.id').on('p.kind', '=', kind))
    .select(['users.id as userId', 'users.email as email', 'users.region_code as region', 'p.frequency as frequency'])
    .where('users.role', '=', 'evaluator')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
}

/** The alerts of `kind` already sent about these subjects, as `${user_id} ${subject_key}`. */
export async function alertsSent(db: Db, kind: string, subjectKeys: readonly string[]): Promise<Set<string>> {
  if (!subjectKeys.length) return new Set();
  const rows = await db.selectFrom('notification_alerts_sent').select(['user_id', 'subject_key']).where('kind', '=', kind).where('subject_key', 'in', subjectKeys).execute();
  return new Set(rows.map((r) => `${r.user_id} ${r.subject_key}`));
}

/** The region of each of these units, by slug. */
export async function unitRegionsBySlug(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  const rows = await db.selectFrom('units').select(['slug', 'region_code']).where('slug', 'in', slugs).execute();
  return new Map(rows.map((u) => [u.slug, u.region_code]));
}
