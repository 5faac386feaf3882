// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Integrity of submissions (issue "Scores that cannot be bought", docs/decisions/022):
// - ratings keep the hashed browser token and the hash of the server-issued form ticket they carried;
// - permit reports get the same integrity fields as ratings (held back with a reason, verified by a visit code);
// - a visit code verifies at most one rating and one permit report;
// - kiosks wait for an administrator's approval unless the unit's cap of self-approved kiosks allows them, and remember
//   the last capture time they sent (capture times must increase per device);
// - portal-wide settings (e.g. the ASN permit indicators counting verified reports only) and the ticket secret.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('browser_hash', 'varchar(64)').execute();
  await db.schema.alterTable('responses').addColumn('ticket_hash', 'varchar(64)').execute();
  await db.schema.createIndex('responses_unit_browser_idx').on('responses').columns(['unit_id', 'browser_hash', 'created_at']).execute();
  await db.schema.createIndex('responses_ticket_idx').on('responses').columns(['ticket_hash']).execute();

  await db.schema.alterTable('permit_reports').addColumn('exclusion_reason', 'varchar(40)').execute();
  await db.schema.alterTable('permit_reports').addColumn('excluded_at', 'varchar(30)').execute();
  await db.schema.alterTable('permit_reports').addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('permit_reports').addColumn('visit_code_id', 'varchar(36)').execute();
  await db.schema.alterTable('permit_reports').addColumn('browser_hash', 'varchar(64)').execute();
  await db.schema.alterTable('permit_reports').addColumn('ticket_hash', 'varchar(64)').execute();
  await db.schema.createIndex('permit_reports_unit_client_idx').on('permit_reports').columns(['unit_id', 'ip_hash', 'created_at']).execute();
  await db.schema.createIndex('permit_reports_ticket_idx').on('permit_reports').columns(['ticket_hash']).execute();

  await db.schema.alterTable('visit_codes').addColumn('permit_used_at', 'varchar(30)').execute();
  await db.schema.alterTable('visit_codes').addColumn('permit_report_id', 'varchar(36)').execute();

  await db.schema.alterTable('kiosk_devices').addColumn('approved_at', 'varchar(30)').execute();
  await db.schema.alterTable('kiosk_devices').addColumn('approved_by', 'varchar(36)').execute();
  await db.schema.alterTable('kiosk_devices').addColumn('last_captured_at', 'varchar(30)').execute();
  // Kiosks registered before approvals existed keep working: they were made by the unit and used in the open.
  await db.updateTable('kiosk_devices').set({ approved_at: sql`created_at` }).execute();
  await db.schema.alterTable('units').addColumn('kiosk_cap', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  await db.schema.alterTable('units').dropColumn('kiosk_cap').execute();
  for (const c of ['last_captured_at', 'approved_by', 'approved_at']) await db.schema.alterTable('kiosk_devices').dropColumn(c).execute();
  for (const c of ['permit_report_id', 'permit_used_at']) await db.schema.alterTable('visit_codes').dropColumn(c).execute();
  await db.schema.dropIndex('permit_reports_ticket_idx').execute();
  await db.schema.dropIndex('permit_reports_unit_client_idx').execute();
  for (const c of ['ticket_hash', 'browser_hash', 'visit_code_id', 'verified', 'excluded_at', 'exclusion_reason']) {
    await db.schema.alterTable('permit_reports').dropColumn(c).execute();
  }
  await db.schema.dropIndex('responses_ticket_idx').execute();
  await db.schema.dropIndex('responses_unit_browser_idx').execute();
  for (const c of ['ticket_hash', 'browser_hash']) await db.schema.alterTable('responses').dropColumn(c).execute();
}
