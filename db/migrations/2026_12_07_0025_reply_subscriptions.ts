// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// A resident hears back (issue 27 item 4, docs/decisions/063-reply-subscriptions.md): the address a resident leaves on
// a receipt to be told once when the unit replies. Apart from the rating (never a column of responses, so no export,
// snapshot or staff view that reads responses can carry it); at most one per rating; deleted when the reply mail is
// queued or 90 days after it was left (created_at, indexed for the hourly purge).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reply_subscriptions')
    .addColumn('response_id', 'varchar(36)', (c) => c.primaryKey().references('responses.id').onDelete('cascade'))
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_subscriptions_created').on('reply_subscriptions').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reply_subscriptions').execute();
}
