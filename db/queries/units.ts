import type { Kysely } from 'kysely';
import type { Database, Service } from '../../core/schema.ts';
import { reusable } from './compiled.ts';

export interface UnitListItem {
  slug: string;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  timezone: string;
}

export interface UnitSearch {
  q?: string | undefined;
  regionCodes?: string[] | undefined;
  kind?: string | undefined;
  limit: number;
  /** Keyset position: the name and slug of the last unit of the previous page. */
  after?: { name: string; slug: string } | undefined;
}

/** Units ordered by name (then slug), filtered by a case-insensitive name match, regions and kind. */
export async function searchUnits(db: Kysely<Database>, search: UnitSearch): Promise<UnitListItem[]> {
  let query = db
    .selectFrom('units')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .select([
      'units.slug as slug',
      'units.name as name',
      'units.kind as kind',
      'regions.code as regionCode',
      'regions.name as regionName',
      'regions.timezone as timezone',
    ]);
  if (search.q) {
    // LIKE wildcards are dropped from the words rather than escaped: SQLite and PostgreSQL escape differently.
    const words = search.q.toLowerCase().replace(/[\\%_]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 8);
    for (const word of words) {
      const pattern = `%${word}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['units.name']), 'like', eb.val(pattern)),
          eb(eb.fn('lower', ['regions.name']), 'like', eb.val(pattern)),
        ]),
      );
    }
  }
  if (search.regionCodes) query = query.where('units.region_code', 'in', search.regionCodes);
  if (search.kind) query = query.where('units.kind', '=', search.kind);
  if (search.after) {
    const { name, slug } = search.after;
    query = query.where((eb) =>
      eb.or([eb('units.name', '>', name), eb.and([eb('units.name', '=', name), eb('units.slug', '>', slug)])]),
    );
  }
  return query.orderBy('units.name').orderBy('units.slug').limit(search.limit).execute();
}

export interface UnitDetail {
  id: string;
  slug: string;
  name: string;
  kind: string;
  address: string | null;
  region: { code: string; name: string };
  timezone: string;
  services: Service[];
}

export async function findUnitBySlug(db: Kysely<Database>, slug: string): Promise<UnitDetail | undefined> {
  const unit = (await unitBySlug.execute(db, { slug })).rows[0];
  if (!unit) return undefined;
  const services = (await servicesOfUnit.execute(db, { unitId: unit.id })).rows;
  const { regionCode, regionName, ...rest } = unit;
  return { ...rest, region: { code: regionCode, name: regionName }, services };
}

export interface SearchableUnitRow {
  id: string;
  slug: string;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  /** Sum of the services' declared yearly users; null when none declares any. */
  declaredUsers: number | null;
  services: string[];
}

/** Every unit with what the unit search indexes: its region's name and its services' names (docs/decisions/031). */
export async function searchableUnits(db: Kysely<Database>): Promise<SearchableUnitRow[]> {
  const [units, services] = await Promise.all([
    db.selectFrom('units')
      .innerJoin('regions', 'regions.code', 'units.region_code')
      .select(['units.id as id', 'units.slug as slug', 'units.name as name', 'units.kind as kind', 'regions.code as regionCode', 'regions.name as regionName'])
      .orderBy('units.slug')
      .execute(),
    db.selectFrom('services').select(['unit_id', 'name', 'declared_users']).orderBy('unit_id').orderBy('position').orderBy('name').execute(),
  ]);
  const byUnit = new Map<string, { names: string[]; declared: number | null }>();
  for (const s of services) {
    const entry = byUnit.get(s.unit_id) ?? { names: [], declared: null };
    entry.names.push(s.name);
    if (s.declared_users !== null) entry.declared = (entry.declared ?? 0) + Number(s.declared_users);
    byUnit.set(s.unit_id, entry);
  }
  return units.map((u) => ({ ...u, declaredUsers: byUnit.get(u.id)?.declared ?? null, services: byUnit.get(u.id)?.names ?? [] }));
}
// Every rating looks its unit up: compiled once per dialect (db/queries/compiled.ts).
const unitBySlug = reusable<{ slug: string }>()((db, p) => db
  .selectFrom('units')
  .innerJoin('regions', 'regions.code', 'units.region_code')
  .select([
    'units.id as id',
    'units.slug as slug',
    'units.name as name',
    'units.kind as kind',
    'units.address as address',
    'regions.code as regionCode',
    'regions.name as regionName',
    'regions.timezone as timezone',
  ])
  .where('units.slug', '=', p('slug')));
const servicesOfUnit = reusable<{ unitId: string }>()((db, p) => db
  .selectFrom('services')
  .selectAll()
  .where('unit_id', '=', p('unitId'))
  .orderBy('position')
  .orderBy('name'));
