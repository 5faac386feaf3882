// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// The SP4N-LAPOR! hand-off (issue 27 item 7, docs/decisions/066-lapor-handoff.md): one row per held comment that an
// evaluator or administrator prepared as a complaint for the national complaints system. The complaint's fields are
// stored as prepared (the evaluator may edit them until it is forwarded); then the LAPOR! tracking number and the day it
// was forwarded; then the agency's answer (its day and a summary). Nothing here is public: the unit's page shows only
// that a complaint was forwarded and answered.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lapor_handoffs')
    .addColumn('response_id', 'varchar(36)', (c) => c.primaryKey().references('responses.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('incident_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('prepared_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('prepared_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('tracking_number', 'varchar(36)')
    .addColumn('forwarded_on', 'varchar(10)')
    .addColumn('forwarded_by', 'varchar(36)')
    .addColumn('answered_on', 'varchar(10)')
    .addColumn('answer_summary', 'text')
    .addColumn('answered_by', 'varchar(36)')
    .execute();
  await db.schema.createIndex('lapor_handoffs_unit').on('lapor_handoffs').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lapor_handoffs').execute();
}
