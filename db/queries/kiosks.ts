import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { writeAudit } from './audit.ts';

export async function registerKiosk(db: Kysely<Database>, unitId: string, device: { id: string; name: string; tokenHash: string }, userId: string, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('kiosk_devices').values({ id: device.id, unit_id: unitId, name: device.name, token_hash: device.tokenHash, created_at: now.toISOString(), revoked_at: null }).execute();
    await writeAudit(trx, { userId, action: 'kiosk.register', unitId, target: device.id, details: { name: device.name } }, now);
  });
}

export async function listKiosks(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('kiosk_devices').select(['id', 'name', 'created_at', 'revoked_at']).where('unit_id', '=', unitId).orderBy('created_at').execute();
}

export async function revokeKiosk(db: Kysely<Database>, unitId: string, id: string, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('kiosk_devices').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('unit_id', '=', unitId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await writeAudit(trx, { userId, action: 'kiosk.revoke', unitId, target: id }, now);
    return true;
  });
}

/** The active kiosk of a unit holding this token hash (the kiosk channel of ratings). */
export async function kioskByToken(db: Kysely<Database>, unitId: string, tokenHash: string) {
  return db.selectFrom('kiosk_devices').select(['id', 'name']).where('unit_id', '=', unitId).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
}
