// Reads for open data (issue 18 item 5): the units with their regions' codes, and the first day anything was rated.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';

/** Every unit with its kind, region (BPS and Kemendagri codes) and declared yearly users, by slug. */
export async function openDataUnits(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('units')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .leftJoin('services', 'services.unit_id', 'units.id')
    .select(['units.id as id', 'units.slug as slug', 'units.name as name', 'units.kind as kind', 'regions.code as regionCode', 'regions.kemendagri_code as kemendagriCode', 'regions.name as regionName'])
    .select(sql<number | null>`sum(services.declared_users)`.as('declaredUsers'))
    .groupBy(['units.id', 'units.slug', 'units.name', 'units.kind', 'regions.code', 'regions.kemendagri_code', 'regions.name'])
    .orderBy('units.slug')
    .execute();
  return rows.map((r) => ({ ...r, declaredUsers: r.declaredUsers === null ? null : Number(r.declaredUsers) }));
}

/** The regions that have units, with both codes. */
export async function regionsWithUnits(db: Kysely<Database>) {
  return db
    .selectFrom('regions')
    .select(['code', 'kemendagri_code', 'name'])
    .where('code', 'in', db.selectFrom('units').select('region_code'))
    .orderBy('code')
    .execute();
}

/** The first local date with a counted rating (from the monthly rollups, then that month's days); null when none. */
export async function firstRatedDate(db: Kysely<Database>): Promise<string | null> {
  const month = await db.selectFrom('score_monthly').select((eb) => eb.fn.min<string>('month').as('m')).where('n', '>', 0).executeTakeFirst();
  if (!month?.m) return null;
  const day = await db.selectFrom('score_daily').select((eb) => eb.fn.min<string>('local_date').as('d'))
    .where('n', '>', 0).where('local_date', '>=', `${month.m}-01`).where('local_date', '<=', `${month.m}-31`).executeTakeFirst();
  return day?.d ?? `${month.m}-01`;
}
