// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Issue 24 (docs/decisions/044-insider-limits-and-publication-proof.md):
// - what an administrator caps per unit: visit codes per day (F6), evidence storage and evidence uploaded per day (F3),
//   each null while the portal's default applies;
// - the hours the waiting-room screen was seen polling, one row per unit, local day and hour (F10): a screen counts as
//   published on a day only once it ran over several hours, never from one visit.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('visit_codes_per_day', 'integer').execute();
  await db.schema.alterTable('units').addColumn('evidence_quota_mb', 'integer').execute();
  await db.schema.alterTable('units').addColumn('evidence_mb_per_day', 'integer').execute();
  await db.schema.createIndex('visit_codes_unit_issued').on('visit_codes').columns(['unit_id', 'issued_at']).execute();
  await db.schema
    .createTable('screen_hours')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('local_hour', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('screen_hours_pk', ['unit_id', 'local_date', 'local_hour'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('screen_hours').execute();
  await db.schema.dropIndex('visit_codes_unit_issued').execute();
  await db.schema.alterTable('units').dropColumn('evidence_mb_per_day').execute();
  await db.schema.alterTable('units').dropColumn('evidence_quota_mb').execute();
  await db.schema.alterTable('units').dropColumn('visit_codes_per_day').execute();
}
