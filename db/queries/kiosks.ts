import { sql, type Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';
import { unitsInScope, type Scope } from './scope.ts';

export type KioskStatus = 'approved' | 'pending';

/**
 * Registers a kiosk for a unit. Staff's kiosks are approved at once only while the unit's active approved kiosks are
 * fewer than the cap an administrator set (0 by default); otherwise they wait for an administrator.
 */
export async function registerKiosk(db: Kysely<Database>, unitId: string, device: { id: string; name: string; tokenHash: string }, userId: string, now: Date): Promise<KioskStatus> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('kiosk_cap').where('id', '=', unitId).executeTakeFirstOrThrow();
    const active = await trx.selectFrom('kiosk_devices').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId).where('revoked_at', 'is', null).where('approved_at', 'is not', null).executeTakeFirstOrThrow();
    const status: KioskStatus = Number(active.n) < unit.kiosk_cap ? 'approved' : 'pending';
    const at = now.toISOString();
    await trx.insertInto('kiosk_devices').values({
      id: device.id, unit_id: unitId, name: device.name, token_hash: device.tokenHash, created_at: at, revoked_at: null,
      approved_at: status === 'approved' ? at : null, approved_by: null, last_captured_at: null,
    }).execute();
    await writeAudit(trx, { userId, action: 'kiosk.register', unitId, target: device.id, details: { name: device.name, status } }, now);
    return status;
  });
}

export async function listKiosks(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('kiosk_devices').select(['id', 'name', 'created_at', 'revoked_at', 'approved_at']).where('unit_id', '=', unitId).orderBy('created_at').execute();
}

export async function revokeKiosk(db: Kysely<Database>, unitId: string, id: string, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('kiosk_devices').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('unit_id', '=', unitId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await writeAudit(trx, { userId, action: 'kiosk.revoke', unitId, target: id }, now);
    return true;
  });
}

/** An administrator approves a waiting kiosk; false when there is no such active kiosk. */
export async function approveKiosk(db: Kysely<Database>, id: string, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const kiosk = await trx.selectFrom('kiosk_devices').select(['unit_id', 'approved_at']).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (!kiosk) return false;
    if (!kiosk.approved_at) {
      await trx.updateTable('kiosk_devices').set({ approved_at: now.toISOString(), approved_by: userId }).where('id', '=', id).execute();
      await writeAudit(trx, { userId, action: 'kiosk.approve', unitId: kiosk.unit_id, target: id }, now);
    }
    return true;
  });
}

/** Kiosks waiting for approval, for the administration page. */
export async function pendingKiosks(db: Kysely<Database>) {
  return db.selectFrom('kiosk_devices').innerJoin('units', 'units.id', 'kiosk_devices.unit_id')
    .select(['kiosk_devices.id as id', 'kiosk_devices.name as name', 'kiosk_devices.created_at as createdAt', 'units.slug as unitSlug', 'units.name as unitName'])
    .where('kiosk_devices.approved_at', 'is', null).where('kiosk_devices.revoked_at', 'is', null).orderBy('kiosk_devices.created_at').execute();
}

/** Sets how many kiosks a unit's staff may register without approval; false for an unknown unit. */
export async function setKioskCap(db: Kysely<Database>, unitSlug: string, cap: number, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select(['id', 'kiosk_cap']).where('slug', '=', unitSlug).executeTakeFirst();
    if (!unit) return false;
    await trx.updateTable('units').set({ kiosk_cap: cap }).where('id', '=', unit.id).execute();
    await writeAudit(trx, { userId, action: 'kiosk.cap', unitId: unit.id, details: { from: unit.kiosk_cap, to: cap } }, now);
    return true;
  });
}

/** The active kiosk of a unit holding this token hash (the kiosk channel of ratings), approved or not. */
export async function kioskByToken(db: Kysely<Database>, unitId: string, tokenHash: string) {
  return db.selectFrom('kiosk_devices').select(['id', 'name', 'approved_at', 'last_captured_at'])
    .where('unit_id', '=', unitId).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}

/** Each unit's counted ratings and how many of them came from kiosks, in the account's scope (local dates). */
export async function kioskShares(db: Kysely<Database>, scope: Scope, regionCodes: string[] | null, from: string, to: string) {
  let q = db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['units.slug as unitSlug', 'units.name as unitName'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(sql`case when responses.channel = 'kiosk' then 1 else 0 end`).as('nKiosk')])
    .where(unitsInScope(scope))
    .where('responses.exclusion_reason', 'is', null)
    .where('responses.local_date', '>=', from)
    .where('responses.local_date', '<=', to);
  if (regionCodes) q = q.where('units.region_code', 'in', regionCodes);
  const rows = await q.groupBy(['units.slug', 'units.name']).orderBy('units.name').execute();
  return rows.map((r) => {
    const n = Number(r.n);
    const nKiosk = Number(r.nKiosk ?? 0);
    return { unitSlug: r.unitSlug, unitName: r.unitName, n, nKiosk, share: n ? Math.round((nKiosk / n) * 10000) / 10000 : null };
  });
}
