// Reads and writes of the compliance board (issue 18, docs/decisions/033-compliance-scoring.md): its threshold table,
// the RTL items of units, and the locked SKM reports an evidence pack carries.
import type { Kysely } from 'kysely';
import type { ComplianceItem, ThresholdOp, ThresholdRow } from '../../core/domain/compliance.ts';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

export async function readThresholds(db: Kysely<Database>): Promise<ThresholdRow[]> {
  const rows = await db.selectFrom('compliance_thresholds').selectAll().orderBy('item').orderBy('op').orderBy('bound').execute();
  return rows.map((r) => ({ item: r.item as ComplianceItem, op: r.op as ThresholdOp, bound: Number(r.bound), scoreHundredths: Number(r.score_hundredths) }));
}

/** Replaces every row of each item named in `rows` (items not named keep theirs), in one transaction, audited. */
export async function replaceThresholds(db: Kysely<Database>, rows: readonly ThresholdRow[], userId: string, now: Date): Promise<void> {
  const items = [...new Set(rows.map((r) => r.item))];
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('compliance_thresholds').selectAll().where('item', 'in', items).execute();
    await trx.deleteFrom('compliance_thresholds').where('item', 'in', items).execute();
    await trx.insertInto('compliance_thresholds').values(rows.map((r) => ({ item: r.item, op: r.op, bound: r.bound, score_hundredths: r.scoreHundredths }))).execute();
    await writeAudit(trx, { userId, action: 'compliance.thresholds', details: { items, before, after: rows } }, now);
  });
}

/** Every follow-up item of these units with its evidence files' count, oldest plan first. */
export async function followUpsOfUnits(db: Kysely<Database>, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('follow_ups').selectAll().where('unit_id', 'in', unitIds).orderBy('unit_id').orderBy('created_at').orderBy('id').execute();
}

/** The SKM report files (skm-{slug}.json) of every lock covering the unit whose period lies in the year, oldest first. */
export async function lockedReportsOf(db: Kysely<Database>, unitId: string, slug: string, year: number) {
  return db
    .selectFrom('evidence_lock_units')
    .innerJoin('evidence_locks', 'evidence_locks.id', 'evidence_lock_units.lock_id')
    .innerJoin('evidence_files', 'evidence_files.lock_id', 'evidence_locks.id')
    .select(['evidence_locks.id as lockId', 'evidence_locks.period as period', 'evidence_locks.version as version', 'evidence_files.name as name',
      'evidence_files.media_type as mediaType', 'evidence_files.content_base64 as contentBase64', 'evidence_files.sha256 as sha256'])
    .where('evidence_lock_units.unit_id', '=', unitId)
    .where('evidence_locks.period', 'like', `${year}%`)
    .where('evidence_files.name', '=', `skm-${slug}.json`)
    .orderBy('evidence_locks.locked_at').orderBy('evidence_locks.id')
    .execute();
}
