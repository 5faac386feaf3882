// Moderation hides, never deletes (DOMAIN.md §7). Hiding a comment keeps the rating in the score; a rating found to be
// spam is also excluded from the score, and the rollups follow in the same transaction. Restoring undoes both.
// Who may do what, and when, is decided by core/domain/moderation.ts (docs/decisions/021-closed-periods.md): staff
// lift only their own exclusions; integrity exclusions are lifted by an evaluator of the region or an administrator;
// a staff action that would change a closed quarter's score waits in moderation_requests for an evaluator. Every
// action that changes a score is a row of that ledger, and every action is in the audit log.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { planHide, planRestore, isStaffExclusion, type ModerationReason } from '../../core/domain/moderation.ts';
import { rollupContribution } from '../../core/domain/rollup.ts';
import type { Answers } from '../../core/domain/skm.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import type { Database, ModerationRequestTable, ResponseTable } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';
import { applyRollupDelta } from './rollups.ts';
import { unitsInScope, type Scope } from './scope.ts';

export { MODERATION_REASONS, type ModerationReason } from '../../core/domain/moderation.ts';

/** The columns of a rating that its contribution to the score depends on. */
type ScoredRow = Pick<Selectable<ResponseTable>, 'id' | 'unit_id' | 'service_id' | 'local_date' | 'verified' | 'exclusion_reason' | 'u1' | 'u2' | 'u3' | 'u4' | 'u5' | 'u6' | 'u7' | 'u8' | 'u9'>;

async function loadRating(trx: Transaction<Database>, scope: Scope, responseId: string, unitId?: string) {
  let q = trx
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .selectAll('responses')
    .select('regions.timezone as timezone')
    .where(unitsInScope(scope))
    .where('responses.id', '=', responseId);
  if (unitId !== undefined) q = q.where('responses.unit_id', '=', unitId);
  return q.executeTakeFirst();
}

type Rating = NonNullable<Awaited<ReturnType<typeof loadRating>>>;

/** The unit's local date today: a quarter closes by the calendar of the unit's own time zone. */
function todayOf(r: Rating, now: Date): string {
  if (!isTimeZone(r.timezone)) throw new Error(`unit ${r.unit_id} has an unknown time zone ${r.timezone}`);
  return todayIn(r.timezone, now);
}

function answersOf(r: ScoredRow): Answers {
  return { U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 } as Answers;
}

/** Takes a reportable rating out of the score with a reason (also used by the integrity checks). */
export async function excludeInTransaction(trx: Transaction<Database>, r: ScoredRow, reason: string, now: Date): Promise<void> {
  if (r.exclusion_reason) return;
  await trx.updateTable('responses').set({ exclusion_reason: reason, excluded_at: now.toISOString() }).where('id', '=', r.id).execute();
  await applyRollupDelta(trx, { unitId: r.unit_id, serviceId: r.service_id, localDate: r.local_date }, rollupContribution(answersOf(r), r.verified === 1, -1), 1);
}

/** Puts an excluded rating back into the score. */
async function includeInTransaction(trx: Transaction<Database>, r: ScoredRow): Promise<void> {
  if (!r.exclusion_reason) return;
  await trx.updateTable('responses').set({ exclusion_reason: null, excluded_at: null }).where('id', '=', r.id).execute();
  await applyRollupDelta(trx, { unitId: r.unit_id, serviceId: r.service_id, localDate: r.local_date }, rollupContribution(answersOf(r), r.verified === 1, 1), -1);
}

async function hideAsSpam(trx: Transaction<Database>, r: Rating, now: Date): Promise<void> {
  await trx.updateTable('responses').set({ comment_hidden_reason: 'spam', comment_hidden_at: now.toISOString() }).where('id', '=', r.id).execute();
  await excludeInTransaction(trx, r, 'spam', now);
}

/** Undoes a staff hide: the comment shows again and a staff exclusion is lifted (an integrity exclusion never is). */
async function undoStaffHide(trx: Transaction<Database>, r: Rating): Promise<void> {
  await trx.updateTable('responses').set({ comment_hidden_reason: null, comment_hidden_at: null }).where('id', '=', r.id).execute();
  if (isStaffExclusion(r.exclusion_reason)) await includeInTransaction(trx, r);
}

type LedgerEntry = Omit<ModerationRequestTable, 'id' | 'decided_by' | 'decided_at' | 'decision' | 'decision_reason'> &
  Partial<Pick<ModerationRequestTable, 'decided_by' | 'decided_at' | 'decision' | 'decision_reason'>>;

async function record(trx: Transaction<Database>, entry: LedgerEntry, now: Date): Promise<string> {
  const id = uuidV7(now.getTime());
  await trx.insertInto('moderation_requests').values({ decided_by: null, decided_at: null, decision: null, decision_reason: null, ...entry, id }).execute();
  return id;
}

async function pendingRequestOf(trx: Transaction<Database>, responseId: string) {
  return trx.selectFrom('moderation_requests').select('id').where('response_id', '=', responseId).where('decision', 'is', null).executeTakeFirst();
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505';
}

/** A second request for a rating that already has one waiting loses the race on the partial unique index. */
async function oneWaiting<T>(work: () => Promise<T>): Promise<T | { ok: false; error: 'approval_pending' }> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'approval_pending' };
    throw error;
  }
}

export type StaffModerationResult =
  | { ok: true; pending: false; excluded: boolean }
  | { ok: true; pending: true; requestId: string }
  | { ok: false; error: 'not_found' | 'integrity_exclusion' | 'note_required' | 'approval_pending' };

/** A staff hide: text reasons at once; `spam` excludes too, and waits for an evaluator on a closed quarter. */
export async function hideResponse(
  db: Kysely<Database>, scope: Scope, unitId: string, responseId: string, reason: ModerationReason, note: string, userId: string, now: Date,
): Promise<StaffModerationResult> {
  return oneWaiting(() => db.transaction().execute(async (trx): Promise<StaffModerationResult> => {
    const r = await loadRating(trx, scope, responseId, unitId);
    if (!r) return { ok: false, error: 'not_found' };
    const plan = planHide({ localDate: r.local_date, exclusionReason: r.exclusion_reason, hasComment: r.comment !== null }, reason, note, todayOf(r, now));
    if (plan.kind === 'refused') return { ok: false, error: plan.error };
    const written = note.trim() || null;
    if (plan.kind === 'pending') {
      if (await pendingRequestOf(trx, r.id)) return { ok: false, error: 'approval_pending' };
      const requestId = await record(trx, { response_id: r.id, unit_id: unitId, action: 'exclude', reason, note: written, requested_by: userId, requested_at: now.toISOString() }, now);
      await writeAudit(trx, { userId, action: 'moderation.request', unitId, target: r.id, details: { request: requestId, action: 'exclude', reason, note: written } }, now);
      return { ok: true, pending: true, requestId };
    }
    if (reason === 'spam') {
      await hideAsSpam(trx, r, now);
      if (plan.changesScore) {
        await record(trx, { response_id: r.id, unit_id: unitId, action: 'exclude', reason, note: written, requested_by: userId, requested_at: now.toISOString(), decision: 'applied' }, now);
      }
    } else {
      await trx.updateTable('responses').set({ comment_hidden_reason: reason, comment_hidden_at: now.toISOString() }).where('id', '=', r.id).execute();
    }
    await writeAudit(trx, { userId, action: 'response.hide', unitId, target: r.id, details: { reason, excluded: reason === 'spam', ...(written ? { note: written } : {}) } }, now);
    return { ok: true, pending: false, excluded: reason === 'spam' || r.exclusion_reason !== null };
  }));
}

/** A staff restore: the comment shows again and a staff exclusion is lifted; on a closed quarter it waits. */
export async function restoreResponse(
  db: Kysely<Database>, scope: Scope, unitId: string, responseId: string, note: string, userId: string, now: Date,
): Promise<StaffModerationResult> {
  return oneWaiting(() => db.transaction().execute(async (trx): Promise<StaffModerationResult> => {
    const r = await loadRating(trx, scope, responseId, unitId);
    if (!r) return { ok: false, error: 'not_found' };
    const plan = planRestore({ localDate: r.local_date, exclusionReason: r.exclusion_reason, hasComment: r.comment !== null }, todayOf(r, now));
    if (plan.kind === 'refused') return { ok: false, error: plan.error };
    const written = note.trim() || null;
    if (plan.kind === 'pending') {
      if (await pendingRequestOf(trx, r.id)) return { ok: false, error: 'approval_pending' };
      const requestId = await record(trx, { response_id: r.id, unit_id: unitId, action: 'restore', reason: r.exclusion_reason!, note: written, requested_by: userId, requested_at: now.toISOString() }, now);
      await writeAudit(trx, { userId, action: 'moderation.request', unitId, target: r.id, details: { request: requestId, action: 'restore', reason: r.exclusion_reason, note: written } }, now);
      return { ok: true, pending: true, requestId };
    }
    await undoStaffHide(trx, r);
    if (plan.changesScore) {
      await record(trx, { response_id: r.id, unit_id: unitId, action: 'restore', reason: r.exclusion_reason!, note: written, requested_by: userId, requested_at: now.toISOString(), decision: 'applied' }, now);
    }
    await writeAudit(trx, { userId, action: 'response.restore', unitId, target: r.id, details: { note, wasExcluded: r.exclusion_reason } }, now);
    return { ok: true, pending: false, excluded: false };
  }));
}

export type LiftResult = { ok: true; lifted: string } | { ok: false; error: 'not_found' | 'not_excluded' | 'approval_pending' };

/**
 * An evaluator of the unit's region (or an administrator) puts an excluded rating back into the score, with a written
 * reason. A comment hidden as spam shows again; a comment hidden for personal data, abuse or being off topic stays hidden.
 */
export async function liftExclusion(db: Kysely<Database>, scope: Scope, responseId: string, reason: string, userId: string, now: Date): Promise<LiftResult> {
  return db.transaction().execute(async (trx): Promise<LiftResult> => {
    const r = await loadRating(trx, scope, responseId);
    if (!r) return { ok: false, error: 'not_found' };
    if (r.exclusion_reason === null) return { ok: false, error: 'not_excluded' };
    // A staff request waiting on this rating is decided first, so no decision is taken twice.
    if (await pendingRequestOf(trx, r.id)) return { ok: false, error: 'approval_pending' };
    if (r.comment_hidden_reason === 'spam') {
      await trx.updateTable('responses').set({ comment_hidden_reason: null, comment_hidden_at: null }).where('id', '=', r.id).execute();
    }
    await includeInTransaction(trx, r);
    const at = now.toISOString();
    await record(trx, {
      response_id: r.id, unit_id: r.unit_id, action: 'restore', reason: r.exclusion_reason, note: reason,
      requested_by: userId, requested_at: at, decided_by: userId, decided_at: at, decision: 'approved',
    }, now);
    await writeAudit(trx, { userId, action: 'response.lift', unitId: r.unit_id, target: r.id, details: { lifted: r.exclusion_reason, reason } }, now);
    return { ok: true, lifted: r.exclusion_reason };
  });
}

export type DecisionResult = { ok: true } | { ok: false; error: 'not_found' | 'already_decided' };

/** An evaluator of the region (or an administrator) approves a waiting request — it takes effect now — or rejects it. */
export async function decideRequest(
  db: Kysely<Database>, scope: Scope, requestId: string, decision: 'approved' | 'rejected', reason: string, userId: string, now: Date,
): Promise<DecisionResult> {
  return db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const request = await trx
      .selectFrom('moderation_requests')
      .innerJoin('units', 'units.id', 'moderation_requests.unit_id')
      .selectAll('moderation_requests')
      .where(unitsInScope(scope))
      .where('moderation_requests.id', '=', requestId)
      .executeTakeFirst();
    if (!request) return { ok: false, error: 'not_found' };
    // Decided once: the guard on `decision is null` also settles two evaluators deciding at the same moment.
    const updated = await trx
      .updateTable('moderation_requests')
      .set({ decision, decided_by: userId, decided_at: now.toISOString(), decision_reason: reason })
      .where('id', '=', request.id)
      .where('decision', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return { ok: false, error: 'already_decided' };
    if (decision === 'approved') {
      const r = await loadRating(trx, scope, request.response_id);
      if (!r) throw new Error(`moderation request ${request.id} names a rating outside its unit`);
      if (request.action === 'exclude') await hideAsSpam(trx, r, now);
      else await undoStaffHide(trx, r);
    }
    await writeAudit(trx, {
      userId, action: decision === 'approved' ? 'moderation.approve' : 'moderation.reject', unitId: request.unit_id, target: request.response_id,
      details: { request: request.id, action: request.action, reason: request.reason, decisionReason: reason },
    }, now);
    return { ok: true };
  });
}
