// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Alerts and digests chosen per account (issue 27 item 3, docs/decisions/062-notifications.md):
// - notification_preferences: an account's choice per kind of mail (immediately, daily, weekly, off); no row means the
//   kind's default for the account's role. digest_window_to is the last local date a digest of that kind covered and
//   digest_sent_at when it was queued: the scheduler claims the next window with a conditional UPDATE of this row,
//   so nothing is sent twice or skipped across restarts and processes.
// - notification_alerts_sent: one row per alert sent (account, kind, what it is about), so each alert goes once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('frequency', 'varchar(12)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('digest_window_to', 'varchar(10)')
    .addColumn('digest_sent_at', 'varchar(30)')
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();
  await db.schema
    .createTable('notification_alerts_sent')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_alerts_sent_pk', ['user_id', 'kind', 'subject_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_alerts_sent').execute();
  await db.schema.dropTable('notification_preferences').execute();
}
