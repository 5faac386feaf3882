// Two-factor sign-in and known devices (docs/decisions/018). Secrets and recovery codes never leave through here
// except the secret to the code check; recovery codes and tokens are stored as SHA-256 only.
import type { Kysely } from 'kysely';
import { uuidV7 } from '../../core/domain/ids.ts';
import type { Database, User } from '../../core/schema.ts';

/** Stores a new, not yet confirmed, secret; refused (false) once two-factor sign-in is on. */
export async function storeTotpSecret(db: Kysely<Database>, userId: string, secret: string): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_last_step: null })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Turns two-factor sign-in on with the step of the code that confirmed it, and replaces the recovery codes. False when
 * it was already on (a second confirmation racing the first).
 */
export async function enableTotp(db: Kysely<Database>, userId: string, step: number, recoveryCodeHashes: string[], now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('users')
      .set({ totp_enabled_at: now.toISOString(), totp_last_step: step })
      .where('id', '=', userId)
      .where('totp_enabled_at', 'is', null)
      .where('totp_secret', 'is not', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(recoveryCodeHashes.map((code_hash) => ({ id: uuidV7(now.getTime()), user_id: userId, code_hash, created_at: now.toISOString(), used_at: null })))
      .execute();
    return true;
  });
}

/** Records that a code of `step` was accepted; false when a code of that step or a later one already was (a replay). */
export async function consumeTotpStep(db: Kysely<Database>, userId: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Spends a recovery code; false when there is no such unused code (two racing uses: one wins). */
export async function consumeRecoveryCode(db: Kysely<Database>, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) >= 1;
}

export async function recoveryCodesLeft(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Turns two-factor sign-in off: the secret, the last step and the recovery codes go. */
export async function disableTotp(db: Kysely<Database>, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('pending_logins').where('user_id', '=', userId).execute();
  });
}

export async function createPendingLogin(db: Kysely<Database>, idHash: string, userId: string, now: Date, ttlMs: number): Promise<void> {
  await db
    .insertInto('pending_logins')
    .values({ id_hash: idHash, user_id: userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .execute();
}

/** The account of a sign-in waiting for its second factor, unless it has expired (then it is removed). */
export async function userOfPendingLogin(db: Kysely<Database>, idHash: string, now: Date): Promise<User | undefined> {
  const row = await db
    .selectFrom('pending_logins')
    .innerJoin('users', 'users.id', 'pending_logins.user_id')
    .selectAll('users')
    .select('pending_logins.expires_at as pendingExpiresAt')
    .where('pending_logins.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { pendingExpiresAt, ...user } = row;
  if (now.toISOString() >= pendingExpiresAt) {
    await deletePendingLogin(db, idHash);
    return undefined;
  }
  return user;
}

export async function deletePendingLogin(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('pending_logins').where('id_hash', '=', idHash).execute();
}

/** Whether the browser with this token signed in to this account within `maxAgeMs`. */
export async function isKnownDevice(db: Kysely<Database>, tokenHash: string, userId: string, now: Date, maxAgeMs: number): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('last_used_at')
    .where('token_hash', '=', tokenHash)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined && Date.parse(row.last_used_at) > now.getTime() - maxAgeMs;
}

export async function rememberDevice(db: Kysely<Database>, tokenHash: string, userId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('known_devices')
    .values({ token_hash: tokenHash, user_id: userId, created_at: at, last_used_at: at })
    .onConflict((oc) => oc.columns(['token_hash', 'user_id']).doUpdateSet({ last_used_at: at }))
    .execute();
}

/** Retention: expired pending sign-ins and devices unused for longer than `deviceMaxAgeMs`. */
export async function purgeSignInData(db: Kysely<Database>, now: Date, deviceMaxAgeMs: number): Promise<number> {
  const pending = await db.deleteFrom('pending_logins').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  const devices = await db.deleteFrom('known_devices').where('last_used_at', '<', new Date(now.getTime() - deviceMaxAgeMs).toISOString()).executeTakeFirst();
  return Number(pending.numDeletedRows) + Number(devices.numDeletedRows);
}
