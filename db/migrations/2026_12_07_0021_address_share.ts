// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Bounded influence of one address (issue 24, docs/decisions/045): each rating and permit report keeps the period its
// address key belongs to and the key itself (HMAC-SHA256 of the client's /32 or /48 with a salt made per period), so the
// checks can sum what one address already counts at a unit in a period through one index. The salts live in
// address_salts until the period's review window ends; then salt and keys are deleted together.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['responses', 'permit_reports']) {
    await db.schema.alterTable(table).addColumn('address_period', 'varchar(10)').execute();
    await db.schema.alterTable(table).addColumn('address_key', 'varchar(64)').execute();
  }
  await db.schema.createIndex('responses_unit_address_idx').on('responses').columns(['unit_id', 'address_period', 'address_key']).execute();
  await db.schema.createIndex('permit_reports_unit_address_idx').on('permit_reports').columns(['unit_id', 'address_period', 'address_key']).execute();
  await db.schema
    .createTable('address_salts')
    .addColumn('period', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('salt', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('address_salts').execute();
  await db.schema.dropIndex('permit_reports_unit_address_idx').execute();
  await db.schema.dropIndex('responses_unit_address_idx').execute();
  for (const table of ['permit_reports', 'responses']) {
    await db.schema.alterTable(table).dropColumn('address_key').execute();
    await db.schema.alterTable(table).dropColumn('address_period').execute();
  }
}
