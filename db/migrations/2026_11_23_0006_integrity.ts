// Frozen: daily salts for hashing client addresses (rotated, then deleted), for abuse control only.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hash_salts')
    .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('salt', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('responses_unit_client_idx').on('responses').columns(['unit_id', 'ip_hash', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_unit_client_idx').execute();
  await db.schema.dropTable('hash_salts').execute();
}
