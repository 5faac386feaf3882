import type { Kysely } from 'kysely';
import type { Database, User } from '../../core/schema.ts';

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// last_seen_at is written at most once a minute, so reading a page is not a write per request.
const TOUCH_EVERY_MS = 60 * 1000;

export async function createSession(db: Kysely<Database>, idHash: string, userId: string, now: Date): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    })
    .execute();
}

/** The signed-in user of a session that is neither idle too long nor past its absolute expiry; expired ones are removed. */
export async function userOfSession(db: Kysely<Database>, idHash: string, now: Date): Promise<User | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.last_seen_at as lastSeenAt', 'sessions.expires_at as expiresAt'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { lastSeenAt, expiresAt, ...user } = row;
  const idle = now.getTime() - Date.parse(lastSeenAt);
  if (idle > SESSION_IDLE_MS || now.toISOString() >= expiresAt || user.disabled_at) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  if (idle > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return user;
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const idleBefore = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
