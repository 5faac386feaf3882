// What an administrator caps per unit (issue 24 F3, F6; docs/decisions/044): visit codes per day, evidence storage and
// evidence uploaded per day. Null: the portal's default (core/domain/unit-limits.ts).
import type { Kysely } from 'kysely';
import type { Database, Unit } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

export type UnitLimitSettings = Pick<Unit, 'visit_codes_per_day' | 'evidence_quota_mb' | 'evidence_mb_per_day'>;

/** The unit's limits as set (null: default) and its services' declared yearly users (null when none declares any). */
export async function unitLimitSettings(db: Kysely<Database>, unitId: string): Promise<UnitLimitSettings & { declaredUsers: number | null }> {
  const [unit, declared] = await Promise.all([
    db.selectFrom('units').select(['visit_codes_per_day', 'evidence_quota_mb', 'evidence_mb_per_day']).where('id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('services').select((eb) => eb.fn.sum<number | string | null>('declared_users').as('n')).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
  ]);
  return { ...unit, declaredUsers: declared.n === null ? null : Number(declared.n) };
}

/** Sets some of a unit's limits (audited with the old and new values); false for an unknown unit. */
export async function setUnitLimits(db: Kysely<Database>, unitSlug: string, patch: Partial<UnitLimitSettings>, userId: string, now: Date): Promise<{ id: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select(['id', 'visit_codes_per_day', 'evidence_quota_mb', 'evidence_mb_per_day']).where('slug', '=', unitSlug).executeTakeFirst();
    if (!unit) return undefined;
    if (Object.keys(patch).length) await trx.updateTable('units').set(patch).where('id', '=', unit.id).execute();
    const { id, ...from } = unit;
    await writeAudit(trx, { userId, action: 'unit.limits', unitId: id, target: unitSlug, details: { from, to: { ...from, ...patch } } }, now);
    return { id };
  });
}

/** Bytes of evidence the unit stores in all, and those uploaded in [dayStart, dayEnd). */
export async function evidenceBytesOfUnit(db: Kysely<Database>, unitId: string, dayStart: string, dayEnd: string): Promise<{ total: number; today: number }> {
  const row = await db.selectFrom('follow_up_evidence')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number | string>('bytes'), eb.lit(0)).as('total'),
      eb.fn.coalesce(eb.fn.sum<number | string>(eb.case().when(eb.and([eb('created_at', '>=', dayStart), eb('created_at', '<', dayEnd)])).then(eb.ref('bytes')).else(0).end()), eb.lit(0)).as('today'),
    ])
    .where('unit_id', '=', unitId).executeTakeFirstOrThrow();
  return { total: Number(row.total), today: Number(row.today) };
}
