// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Locked evidence (docs/decisions/026-locked-evidence.md): an evaluator locks a period's evidence for a unit or a
// region; the files made at that moment (ASN evidence CSV, scores CSV, SKM report data) are stored with a SHA-256 of
// each and never updated. Locking the same period and scope again adds a new version; old versions stay.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_locks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('period', 'varchar(30)', (c) => c.notNull())
    // "unit:<slug>", "region:<code>" or "all".
    .addColumn('scope', 'varchar(120)', (c) => c.notNull())
    // The portal address the files' links were written with, so a recount writes the same links.
    .addColumn('public_url', 'varchar(300)', (c) => c.notNull())
    // Who locked it, as they were then: the id, and the name and role the page shows (no foreign key, so the record
    // outlives the account).
    .addColumn('locked_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('locked_by_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('locked_by_role', 'varchar(20)', (c) => c.notNull())
    .addColumn('locked_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('evidence_locks_version_uq', ['period', 'scope', 'version'])
    .execute();

  // The units a lock covers, for "the newest locked snapshot of this unit and period".
  await db.schema
    .createTable('evidence_lock_units')
    .addColumn('lock_id', 'varchar(36)', (c) => c.notNull().references('evidence_locks.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('evidence_lock_units_pk', ['lock_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('evidence_lock_units_unit_idx').on('evidence_lock_units').column('unit_id').execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('lock_id', 'varchar(36)', (c) => c.notNull().references('evidence_locks.id'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    // The file's bytes, base64-encoded: a text column stores them unchanged on both engines (a driver may drop a
    // leading byte-order mark from text, and PostgreSQL refuses NUL in text); the hash is of the bytes.
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_files_pk', ['lock_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence_files').execute();
  await db.schema.dropTable('evidence_lock_units').execute();
  await db.schema.dropTable('evidence_locks').execute();
}
