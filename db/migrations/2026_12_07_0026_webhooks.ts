// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Signed webhooks (issue 27 item 5, docs/decisions/064-signed-webhooks.md). An endpoint belongs to the account that
// registered it and covers one unit, a region (with its sub-regions) or every unit; its signing secret is kept
// encrypted (AES-256-GCM, never in clear). A delivery is one event for one endpoint, written in the same transaction
// as what caused it, and sent by the worker in server/jobs/webhooks.ts like the mail outbox: due while
// next_attempt_at is set and past, claimed with a lease (claimed_until, claim_id), its webhook-id fixed at creation.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)')
    .addColumn('region_code', 'varchar(40)')
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('secret_rotated_at', 'varchar(30)')
    .addColumn('previous_secret_sealed', 'text')
    .addColumn('previous_secret_until', 'varchar(30)')
    .addColumn('paused_at', 'varchar(30)')
    .addColumn('disabled_at', 'varchar(30)')
    .addColumn('disabled_reason', 'text')
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('event_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(30)')
    .addColumn('claimed_until', 'varchar(30)')
    .addColumn('claim_id', 'varchar(36)')
    .addColumn('delivered_at', 'varchar(30)')
    .addColumn('failed_at', 'varchar(30)')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'varchar(30)')
    .execute();
  // One row per time-based event already queued (period.closed, comment.awaiting_reply, followup.overdue), written in
  // the transaction that queues it: a restart neither repeats nor skips one.
  await db.schema
    .createTable('webhook_marks')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').column('next_attempt_at').execute();
  await db.schema.createIndex('webhook_deliveries_endpoint').on('webhook_deliveries').columns(['endpoint_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_marks').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_endpoints').execute();
}
