import type { Kysely } from 'kysely';
import type { Database, Region } from '../../core/schema.ts';

export async function listRegions(db: Kysely<Database>): Promise<Region[]> {
  return db.selectFrom('regions').selectAll().orderBy('code').execute();
}

/** The region's code and those of every region below it (a kota's kecamatan, a province's kota and kabupaten). */
export async function regionAndDescendants(db: Kysely<Database>, code: string): Promise<string[]> {
  const rows = await db
    .withRecursive('tree(code)', (qb) =>
      qb
        .selectFrom('regions')
        .select('code')
        .where('code', '=', code)
        .unionAll((u) =>
          u.selectFrom('regions').innerJoin('tree', 'tree.code', 'regions.parent_code').select('regions.code'),
        ),
    )
    .selectFrom('tree')
    .select('code')
    .execute();
  return rows.map((r) => r.code);
}
