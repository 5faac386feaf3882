// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// Kemendagri region codes (issue 18, open data): Indonesia's open-data portals and the Ministry of Home Affairs name
// regions by the Kemendagri code (75, 75.71, 16.71.05 …); ours are BPS codes. For provinces and kabupaten/kota the two
// agree digit for digit (BPS 7571 = Kemendagri 75.71), so those are filled in here; below that level the numbering
// differs, so kecamatan and villages stay empty until an administrator sets them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('regions').addColumn('kemendagri_code', 'varchar(20)').execute();
  await sql`UPDATE regions SET kemendagri_code = CASE
      WHEN kind = 'provinsi' AND length(code) = 2 THEN code
      WHEN kind IN ('kabupaten', 'kota') AND length(code) = 4 THEN substr(code, 1, 2) || '.' || substr(code, 3, 2)
      ELSE NULL END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('regions').dropColumn('kemendagri_code').execute();
}
