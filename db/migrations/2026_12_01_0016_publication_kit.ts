// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// The publication kit (issue 18, docs/decisions/034-publication-kit.md): the origins an administrator allows to frame a
// unit's widget (/widget/{slug}) on the unit's or the local government's own website. Every other page refuses frames.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_frame_origins')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    // A serialised origin: scheme, host and port only ("https://pemda.go.id", "https://x.go.id:8443").
    .addColumn('origin', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_frame_origins_pk', ['unit_id', 'origin'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_frame_origins').execute();
}
