// Frozen: residents' reports of how long a permit took, with the SLA in force when reported.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('permit_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull().references('services.id'))
    .addColumn('submitted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('sla_value', 'integer', (c) => c.notNull())
    .addColumn('sla_unit', 'varchar(20)', (c) => c.notNull())
    // For a completed report: working and calendar days in (submitted, completed] and the verdict, kept current
    // when the holiday calendar changes. Null while pending (computed as of today when read).
    .addColumn('working_days', 'integer')
    .addColumn('calendar_days', 'integer')
    .addColumn('within_sla', 'integer')
    .addColumn('idempotency_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('ip_hash', 'varchar(64)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('permit_reports_unit_key_uq', ['unit_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('permit_reports_service_idx').on('permit_reports').columns(['service_id', 'completed_on']).execute();
  await db.schema.createIndex('permit_reports_unit_idx').on('permit_reports').columns(['unit_id', 'submitted_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('permit_reports').execute();
}
