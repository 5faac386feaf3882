// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Two-factor sign-in (docs/decisions/018): each account's authenticator secret, when it was confirmed and the last time
// step a code was accepted for (so a code is never taken twice); single-use recovery codes, hashed; sign-ins waiting for
// their second factor, by the hash of their token; and the devices an account has signed in from (a cookie's token,
// hashed), which are not slowed down by failures from elsewhere.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_secret', 'varchar(64)').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', 'varchar(30)').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').columns(['user_id', 'code_hash']).execute();

  await db.schema
    .createTable('pending_logins')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_logins_user_idx').on('pending_logins').column('user_id').execute();

  await db.schema
    .createTable('known_devices')
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('known_devices_pk', ['token_hash', 'user_id'])
    .execute();
  await db.schema.createIndex('known_devices_user_idx').on('known_devices').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['known_devices', 'pending_logins', 'recovery_codes']) await db.schema.dropTable(t).execute();
  for (const c of ['totp_last_step', 'totp_enabled_at', 'totp_secret']) await db.schema.alterTable('users').dropColumn(c).execute();
}
