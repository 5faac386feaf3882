// The origins allowed to frame a unit's widget (issue 18, docs/decisions/034-publication-kit.md).
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

/** The origins allowed to frame this unit's widget, sorted. */
export async function frameOrigins(db: Kysely<Database>, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('unit_frame_origins').select('origin').where('unit_id', '=', unitId).orderBy('origin').execute();
  return rows.map((r) => r.origin);
}

/** Replaces a unit's list of framing origins, audited in the same transaction. */
export async function replaceFrameOrigins(db: Kysely<Database>, unitId: string, origins: readonly string[], userId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = (await tx.selectFrom('unit_frame_origins').select('origin').where('unit_id', '=', unitId).orderBy('origin').execute()).map((r) => r.origin);
    await tx.deleteFrom('unit_frame_origins').where('unit_id', '=', unitId).execute();
    if (origins.length) {
      await tx.insertInto('unit_frame_origins')
        .values(origins.map((origin) => ({ unit_id: unitId, origin, created_by: userId, created_at: now.toISOString() })))
        .execute();
    }
    await writeAudit(tx, { userId, action: 'unit.frame_origins', unitId, target: unitId, details: { before, after: [...origins] } }, now);
  });
}
