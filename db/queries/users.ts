import { sql, type Kysely, type Transaction } from 'kysely';
import { DEMO_EMAIL_DOMAIN } from '../../core/domain/demo.ts';
import type { Database, User } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewUserInput {
  id: string;
  email: string;
  name: string;
  role: 'staff' | 'evaluator' | 'admin';
  unitId: string | null;
  regionCode: string | null;
  passwordHash: string;
  createdAt: string;
}

export async function insertUser(db: Kysely<Database>, u: NewUserInput): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id, email: u.email.trim().toLowerCase(), name: u.name, role: u.role, unit_id: u.unitId,
      region_code: u.regionCode, password_hash: u.passwordHash, created_at: u.createdAt, disabled_at: null,
    })
    .execute();
}

/** A user as the API shows it: never the password hash. */
export async function publicUser(db: Kysely<Database>, user: User) {
  const unit = user.unit_id ? await db.selectFrom('units').select(['slug', 'name']).where('id', '=', user.unit_id).executeTakeFirst() : undefined;
  const region = user.region_code ? await db.selectFrom('regions').select(['code', 'name']).where('code', '=', user.region_code).executeTakeFirst() : undefined;
  return { email: user.email, name: user.name, role: user.role, unit: unit ?? null, region: region ?? null };
}

export async function updateUser(db: Kysely<Database>, id: string, set: { name?: string; password_hash?: string; disabled_at?: string | null }): Promise<boolean> {
  if (Object.keys(set).length === 0) return true;
  const r = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The demo world's accounts (`…@demo.rapor.id` in any spelling), disabled ones included. */
const isDemoAccount = sql<boolean>`lower(${sql.ref('users.email')}) like ${`%@${DEMO_EMAIL_DOMAIN}`}`;

function demoAccounts(db: Kysely<Database> | Transaction<Database>) {
  return db.selectFrom('users').where(isDemoAccount);
}

export async function countDemoAccounts(db: Kysely<Database>): Promise<number> {
  const row = await demoAccounts(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Deletes every demo account and its sessions, with one audit entry (`npm run demo:purge`); the demo world's units,
 * ratings and other data stay. Returns how many accounts were deleted.
 */
export async function deleteDemoAccounts(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    for (const table of ['sessions', 'recovery_codes', 'pending_logins', 'known_devices', 'account_tokens', 'api_tokens', 'notification_preferences', 'notification_alerts_sent'] as const) {
      await trx.deleteFrom(table).where('user_id', 'in', demoAccounts(trx).select('id')).execute();
    }
    const deleted = Number((await trx.deleteFrom('users').where(isDemoAccount).executeTakeFirst()).numDeletedRows);
    if (deleted > 0) await writeAudit(trx, { userId: null, action: 'user.delete_demo', details: { accounts: deleted, via: 'cli' } }, now);
    return deleted;
  });
}
