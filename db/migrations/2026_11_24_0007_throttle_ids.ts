// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Throttle events get an id, so a request can give back a slot it took (docs/decisions/016), and room for bucket names
// of 113 characters (a unit id and an address hash): PostgreSQL enforces varchar lengths, SQLite never did. The events
// only live for their window (an hour at most), so the table is made anew rather than altered: SQLite cannot change a
// column's type.
import type { Kysely } from 'kysely';

async function create(db: Kysely<any>, withId: boolean, bucketLength: number): Promise<void> {
  let table = db.schema.createTable('throttle_events');
  if (withId) table = table.addColumn('id', 'varchar(36)', (c) => c.primaryKey());
  await table
    .addColumn('bucket', `varchar(${bucketLength})`, (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('throttle_events_bucket_idx').on('throttle_events').columns(['bucket', 'at']).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('throttle_events').execute();
  await create(db, true, 200);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('throttle_events').execute();
  await create(db, false, 100);
}
