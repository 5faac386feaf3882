// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// The publication log (issue 18): each time a unit's results were published on a medium — the waiting-room screen, the
// widget on a website, the badge, the printed poster, the public archive, or a medium staff record by hand (social media,
// billboard…) — one row per unit, source and local date. The compliance board counts media from it (DOMAIN.md §10).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    // The PEKPPP 7.a.T media type: print, electronic, social, website, app, billboard.
    .addColumn('medium', 'varchar(20)', (c) => c.notNull())
    // What published it: screen (/tayang), widget, badge, poster, archive, or manual (recorded by staff).
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    // The unit's local date it was published on.
    .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
    // The period whose results were shown (periodFromQuery's code), when known.
    .addColumn('period', 'varchar(30)')
    .addColumn('note', 'varchar(500)')
    .addColumn('evidence_url', 'varchar(500)')
    // The account that recorded it by hand; null when the portal logged it itself.
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('publications_day_uq', ['unit_id', 'source', 'medium', 'published_on'])
    .execute();
  await db.schema.createIndex('publications_unit_date_idx').on('publications').columns(['unit_id', 'published_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('publications').execute();
}
