// Reads of the moderation ledger (moderation_requests) for evaluators: waiting requests, and who excluded or lifted
// what in a period. Always within the account's scope.
import type { Kysely } from 'kysely';
import type { LedgerGroup } from '../../core/domain/moderation.ts';
import type { Database } from '../../core/schema.ts';
import { unitsInScope, type Scope } from './scope.ts';

export interface LedgerFilter {
  scope: Scope;
  regionCodes: string[] | null;
  /** Local dates of the ratings concerned (the period whose scores they change); null: any. */
  from: string | null;
  to: string | null;
  status: 'pending' | 'decided' | 'all';
  limit: number;
}

function base(db: Kysely<Database>, f: Omit<LedgerFilter, 'limit' | 'status'>) {
  let q = db
    .selectFrom('moderation_requests')
    .innerJoin('responses', 'responses.id', 'moderation_requests.response_id')
    .innerJoin('units', 'units.id', 'moderation_requests.unit_id')
    .where(unitsInScope(f.scope));
  if (f.regionCodes) q = q.where('units.region_code', 'in', f.regionCodes);
  if (f.from) q = q.where('responses.local_date', '>=', f.from);
  if (f.to) q = q.where('responses.local_date', '<=', f.to);
  return q;
}

/** Ledger entries with the rating concerned and the names of who asked and who decided, newest first. */
export async function ledgerEntries(db: Kysely<Database>, f: LedgerFilter) {
  let q = base(db, f)
    .innerJoin('users as requester', 'requester.id', 'moderation_requests.requested_by')
    .leftJoin('users as decider', 'decider.id', 'moderation_requests.decided_by')
    .select([
      'moderation_requests.id as id', 'moderation_requests.response_id as responseId', 'units.slug as unitSlug', 'units.name as unitName',
      'responses.local_date as localDate', 'moderation_requests.action as action', 'moderation_requests.reason as reason',
      'moderation_requests.note as note', 'requester.name as requesterName', 'requester.role as requesterRole',
      'moderation_requests.requested_at as requestedAt', 'moderation_requests.decision as decision', 'decider.name as deciderName',
      'decider.role as deciderRole', 'moderation_requests.decided_at as decidedAt', 'moderation_requests.decision_reason as decisionReason',
      'responses.u1 as u1', 'responses.u2 as u2', 'responses.u3 as u3', 'responses.u4 as u4', 'responses.u5 as u5',
      'responses.u6 as u6', 'responses.u7 as u7', 'responses.u8 as u8', 'responses.u9 as u9',
      'responses.comment as comment', 'responses.exclusion_reason as exclusionReason',
    ]);
  if (f.status === 'pending') q = q.where('moderation_requests.decision', 'is', null);
  if (f.status === 'decided') q = q.where('moderation_requests.decision', 'is not', null);
  return q.orderBy('moderation_requests.requested_at', 'desc').orderBy('moderation_requests.id', 'desc').limit(f.limit).execute();
}

/** Ledger rows counted per unit, action, decision and reason (folded per unit by tallyLedger). */
export async function ledgerGroups(db: Kysely<Database>, f: Omit<LedgerFilter, 'limit' | 'status'>): Promise<LedgerGroup[]> {
  const rows = await base(db, f)
    .select(['units.slug as unitSlug', 'units.name as unitName', 'moderation_requests.action as action', 'moderation_requests.decision as decision', 'moderation_requests.reason as reason'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['units.slug', 'units.name', 'moderation_requests.action', 'moderation_requests.decision', 'moderation_requests.reason'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
