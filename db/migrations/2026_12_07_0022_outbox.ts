// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// The mail outbox (issue 27 item 1, docs/decisions/060-mail-outbox.md): every mail is a row, written in the same
// transaction as what caused it, and sent by the worker in server/jobs/outbox.ts. A row is due while next_attempt_at
// is set and past; sending it or giving up on it clears next_attempt_at (sent_at or failed_at says which). A worker
// claims a row by setting claimed_until (a lease) and claim_id with one UPDATE that only matches an unclaimed or
// expired claim, so two processes never send the same row at once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('recipient', 'varchar(320)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('message_id', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(30)')
    .addColumn('claimed_until', 'varchar(30)')
    .addColumn('claim_id', 'varchar(36)')
    .addColumn('sent_at', 'varchar(30)')
    .addColumn('failed_at', 'varchar(30)')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').column('next_attempt_at').execute();
  await db.schema.createIndex('outbox_sent').on('outbox').column('sent_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
}
