// Moderation hides, never deletes (DOMAIN.md §7). Hiding a comment keeps the rating in the score; a rating found to be
// spam is also excluded from the score, and the rollups follow in the same transaction. Restoring undoes both.
import type { Kysely, Transaction } from 'kysely';
import { rollupContribution } from '../../server/domain/rollup.ts';
import type { Answers } from '../../server/domain/skm.ts';
import type { Database } from '../database.ts';
import { writeAudit } from './audit.ts';
import { applyRollupDelta } from './rollups.ts';
import { unitsInScope, type Scope } from './scope.ts';

export const MODERATION_REASONS = ['spam', 'data_pribadi', 'kasar', 'di_luar_topik'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

async function loadResponse(trx: Transaction<Database>, scope: Scope, unitId: string, responseId: string) {
  return trx
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .selectAll('responses')
    .where(unitsInScope(scope))
    .where('responses.unit_id', '=', unitId)
    .where('responses.id', '=', responseId)
    .executeTakeFirst();
}

type Row = NonNullable<Awaited<ReturnType<typeof loadResponse>>>;

function answersOf(r: Row): Answers {
  return { U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 } as Answers;
}

/** Takes a reportable rating out of the score with a reason (also used by the integrity checks). */
export async function excludeInTransaction(trx: Transaction<Database>, r: Row, reason: string, now: Date): Promise<void> {
  if (r.exclusion_reason) return;
  await trx.updateTable('responses').set({ exclusion_reason: reason, excluded_at: now.toISOString() }).where('id', '=', r.id).execute();
  await applyRollupDelta(trx, { unitId: r.unit_id, serviceId: r.service_id, localDate: r.local_date }, rollupContribution(answersOf(r), r.verified === 1, -1), 1);
}

export type ModerationResult = { ok: true; excluded: boolean; commentHidden: boolean } | { ok: false; error: 'not_found' };

export async function hideResponse(
  db: Kysely<Database>, scope: Scope, unitId: string, responseId: string, reason: ModerationReason, userId: string, now: Date,
): Promise<ModerationResult> {
  return db.transaction().execute(async (trx) => {
    const r = await loadResponse(trx, scope, unitId, responseId);
    if (!r) return { ok: false, error: 'not_found' } as const;
    await trx.updateTable('responses').set({ comment_hidden_reason: reason, comment_hidden_at: now.toISOString() }).where('id', '=', r.id).execute();
    if (reason === 'spam') await excludeInTransaction(trx, r, 'spam', now);
    await writeAudit(trx, { userId, action: 'response.hide', unitId, target: r.id, details: { reason, excluded: reason === 'spam' } }, now);
    return { ok: true, excluded: reason === 'spam' || r.exclusion_reason !== null, commentHidden: true } as const;
  });
}

export async function restoreResponse(
  db: Kysely<Database>, scope: Scope, unitId: string, responseId: string, note: string, userId: string, now: Date,
): Promise<ModerationResult> {
  return db.transaction().execute(async (trx) => {
    const r = await loadResponse(trx, scope, unitId, responseId);
    if (!r) return { ok: false, error: 'not_found' } as const;
    await trx.updateTable('responses').set({ comment_hidden_reason: null, comment_hidden_at: null }).where('id', '=', r.id).execute();
    if (r.exclusion_reason) {
      await trx.updateTable('responses').set({ exclusion_reason: null, excluded_at: null }).where('id', '=', r.id).execute();
      await applyRollupDelta(trx, { unitId: r.unit_id, serviceId: r.service_id, localDate: r.local_date }, rollupContribution(answersOf(r), r.verified === 1, 1), -1);
    }
    await writeAudit(trx, { userId, action: 'response.restore', unitId, target: r.id, details: { note, wasExcluded: r.exclusion_reason } }, now);
    return { ok: true, excluded: false, commentHidden: false } as const;
  });
}
