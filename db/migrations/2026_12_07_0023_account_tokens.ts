// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Accounts by mail (issue 27 item 2, docs/decisions/061-accounts-by-mail.md): the single-use links of an invitation
// (72 h) and of a password reset (1 h). Only the SHA-256 of a link's token is stored; used_at marks it spent, and a
// used row is kept until it expires so a second click is told "already used" rather than "unknown".
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('account_tokens_user').on('account_tokens').column('user_id').execute();
  await db.schema.createIndex('account_tokens_expires').on('account_tokens').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_tokens').execute();
}
