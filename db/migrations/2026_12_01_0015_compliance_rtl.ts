// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Issue 18 (docs/decisions/033-compliance-scoring.md): the compliance board's thresholds in one table an administrator
// edits (seeded with the Zona Integritas and PEKPPP scales of DOMAIN.md §10); the RTL register's status dates (planned
// on, started on; completed_on already holds the day it was done); and the register's evidence files, stored in the
// database (base64 + SHA-256, as evidence_files) so they travel with the database backup.
import { sql, type Kysely } from 'kysely';

// item, comparison of the measured value with the bound, bound, score × 100.
const SEED: [string, string, number, number][] = [
  // ZI SKM frequency: quarters held with an adequate sample. 4× = 1.00, 3× = 0.75, 2× = 0.50, 1× = 0.25.
  ['zi_skm_frequency', 'ge', 1, 25], ['zi_skm_frequency', 'ge', 2, 50], ['zi_skm_frequency', 'ge', 3, 75], ['zi_skm_frequency', 'ge', 4, 100],
  // ZI publication: kinds of media used (1 = offline only or online only, 2 = online and offline). 1 = 0.5, 2 = 1.0.
  ['zi_publication', 'ge', 1, 50], ['zi_publication', 'ge', 2, 100],
  // ZI follow-up: share of RTL items done (%). some (> 0) = 0.33, most (> 50) = 0.67, all (100) = 1.0.
  ['zi_follow_up', 'gt', 0, 33], ['zi_follow_up', 'gt', 50, 67], ['zi_follow_up', 'ge', 100, 100],
  // PEKPPP 7.a.T: media types used. 1 = 1, 2 = 2, 3 = 3, 4 = 4, more than 4 = 5.
  ['pekppp_7aT', 'ge', 1, 100], ['pekppp_7aT', 'ge', 2, 200], ['pekppp_7aT', 'ge', 3, 300], ['pekppp_7aT', 'ge', 4, 400], ['pekppp_7aT', 'gt', 4, 500],
  // PEKPPP 8.a.Ak: RTL done ÷ planned (%). < 30 = 2, 30–80 = 3, > 80 = 4, 100 = 5.
  ['pekppp_8aAk', 'ge', 0, 200], ['pekppp_8aAk', 'ge', 30, 300], ['pekppp_8aAk', 'gt', 80, 400], ['pekppp_8aAk', 'ge', 100, 500],
  // PEKPPP 9.a.Ak: the longest time (days) an RTL item took to be done. within 1 month = 5, 3 = 4, 6 = 3, 9 = 2, 12 = 1.
  ['pekppp_9aAk', 'le', 365, 100], ['pekppp_9aAk', 'le', 270, 200], ['pekppp_9aAk', 'le', 180, 300], ['pekppp_9aAk', 'le', 90, 400], ['pekppp_9aAk', 'le', 30, 500],
  // PEKPPP 6.a.B: conditions met of three (SKM per the regulation, published on electronic and non-electronic media,
  // followed up). none = 1, one = 2, two = 3, all three = 5.
  ['pekppp_6aB', 'ge', 0, 100], ['pekppp_6aB', 'ge', 1, 200], ['pekppp_6aB', 'ge', 2, 300], ['pekppp_6aB', 'ge', 3, 500],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('compliance_thresholds')
    .addColumn('item', 'varchar(40)', (c) => c.notNull())
    // ge, gt, le or lt: the row applies when (measured value) op (bound); an item scores the highest applying row, else 0.
    .addColumn('op', 'varchar(2)', (c) => c.notNull())
    .addColumn('bound', 'integer', (c) => c.notNull())
    // Hundredths (0.33 → 33, 5 → 500): exact on both engines.
    .addColumn('score_hundredths', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_thresholds_pk', ['item', 'op', 'bound'])
    .execute();
  await db.insertInto('compliance_thresholds').values(SEED.map(([item, op, bound, score]) => ({ item, op, bound, score_hundredths: score }))).execute();

  // The RTL register's status dates (the unit's local dates): planned (created), started (first set to berjalan).
  await db.schema.alterTable('follow_ups').addColumn('planned_on', 'varchar(10)').execute();
  await db.schema.alterTable('follow_ups').addColumn('started_on', 'varchar(10)').execute();
  await sql`UPDATE follow_ups SET planned_on = substr(created_at, 1, 10)`.execute(db);

  await db.schema
    .createTable('follow_up_evidence')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('follow_up_id', 'varchar(36)', (c) => c.notNull().references('follow_ups.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_up_evidence_item_idx').on('follow_up_evidence').column('follow_up_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_up_evidence').execute();
  await db.schema.alterTable('follow_ups').dropColumn('started_on').execute();
  await db.schema.alterTable('follow_ups').dropColumn('planned_on').execute();
  await db.schema.dropTable('compliance_thresholds').execute();
}
