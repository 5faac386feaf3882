import type { Kysely, Transaction } from 'kysely';
import { uuidV7 } from '../../core/domain/ids.ts';
import type { Database } from '../../core/schema.ts';

export interface AuditEntry {
  userId: string | null;
  action: string;
  unitId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one audit entry; callers pass their transaction so the entry and the change commit together. */
export async function writeAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: uuidV7(now.getTime()),
      at: now.toISOString(),
      user_id: entry.userId,
      action: entry.action,
      unit_id: entry.unitId ?? null,
      target: entry.target ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

export async function auditEntries(db: Kysely<Database>, filter: { unitId?: string; action?: string; limit: number }) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(filter.limit);
  if (filter.unitId) q = q.where('unit_id', '=', filter.unitId);
  if (filter.action) q = q.where('action', '=', filter.action);
  return q.execute();
}
