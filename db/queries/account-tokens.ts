// The single-use links of invitations and password resets (docs/decisions/061), stored as SHA-256 of the token.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function createAccountToken(db: Db, t: { tokenHash: string; userId: string; purpose: 'invite' | 'reset'; now: Date; ttlMs: number }): Promise<{ expiresAt: string }> {
  const expiresAt = new Date(t.now.getTime() + t.ttlMs).toISOString();
  await db.insertInto('account_tokens')
    .values({ token_hash: t.tokenHash, user_id: t.userId, purpose: t.purpose, created_at: t.now.toISOString(), expires_at: expiresAt, used_at: null })
    .execute();
  return { expiresAt };
}

export async function findAccountToken(db: Db, tokenHash: string) {
  return db.selectFrom('account_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Spends a valid token and every other open token of its account (an older reset link is worth nothing once a
 * password is set). Returns false when the token was no longer valid at `now` (a concurrent use got there first):
 * one conditional UPDATE, so two uses of one link can never both pass.
 */
export async function spendAccountToken(trx: Transaction<Database>, tokenHash: string, userId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const r = await trx.updateTable('account_tokens').set({ used_at: at })
    .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', at)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await spendOpenTokens(trx, userId, now);
  return true;
}

/** Marks every open token of an account used (a password changed by other means). */
export async function spendOpenTokens(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('account_tokens').set({ used_at: now.toISOString() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** Sets an account's password hash and ends its sessions, all but `keepSessionHash` (the one that changed it). */
export async function setPasswordEndingSessions(db: Db, userId: string, passwordHash: string, keepSessionHash?: string): Promise<number> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  let del = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionHash) del = del.where('id_hash', '!=', keepSessionHash);
  return Number((await del.executeTakeFirst()).numDeletedRows);
}

/** Removes links that expired before `before` (a used or expired link is kept a while to answer "used"/"expired"). */
export async function purgeAccountTokens(db: Kysely<Database>, before: Date): Promise<number> {
  const r = await db.deleteFrom('account_tokens').where('expires_at', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
