// GET /api/search?q=&region=&limit=: units by the words residents use, each with its current IKM and grade
// (docs/decisions/031-unit-search.md). The index is built in memory from the units table and rebuilt at most once a
// minute; the figures come from the rollups on every request, as the unit page's do.
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { sumsByUnit } from '../../db/queries/scores.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import { searchableUnits, type SearchableUnitRow } from '../../db/queries/units.ts';
import { daysInclusive } from '../../core/domain/periods.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { emptySums, sampleFlags, summarise } from '../../core/domain/scores.ts';
import { publicIkm } from '../../core/domain/small-cells.ts';
import type { UnitSearchItem, UnitSearchResult } from '../../core/api-types.ts';
import { buildUnitIndex, elsewhereFor, searchUnitIndex, type UnitIndex } from '../../core/domain/unit-search.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, validationFailed } from '../errors.ts';
import { parseLimit } from './pagination.ts';
import { periodFromQuery } from './period-query.ts';

export const SEARCH_MAX_QUERY = 100;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;
/** How long a built index serves before the units are read again: a new or renamed unit is found within a minute. */
const INDEX_TTL_MS = 60_000;



const cache = new WeakMap<Kysely<Database>, { builtAt: number; index: UnitIndex; units: Map<string, SearchableUnitRow> }>();

async function unitIndex(db: Kysely<Database>) {
  const cached = cache.get(db);
  // Wall-clock time, not the app's clock (tests freeze that one).
  if (cached && Date.now() - cached.builtAt < INDEX_TTL_MS) return cached;
  const rows = await searchableUnits(db);
  const built = {
    builtAt: Date.now(),
    index: buildUnitIndex(rows.map((u) => ({ slug: u.slug, name: u.name, kind: u.kind, regionName: u.regionName, services: u.services }))),
    units: new Map(rows.map((u) => [u.slug, u])),
  };
  cache.set(db, built);
  return built;
}

/** Checks a search's query parameters: the contract's 400 for bad ones. */
export function searchQuery(query: Record<string, string>): { q: string; region: string | null; limit: number } {
  const { q, region, limit } = query;
  const fields: Record<string, string> = {};
  if (q === undefined || q.trim() === '') fields.q = 'is required';
  else if (q.length > SEARCH_MAX_QUERY) fields.q = `must be at most ${SEARCH_MAX_QUERY} characters`;
  if (region !== undefined && region !== '' && !/^[0-9.]{2,20}$/.test(region)) fields.region = 'must be a region code';
  if (limit !== undefined && limit !== '' && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MAX_LIMIT)) {
    fields.limit = `must be a whole number from 1 to ${MAX_LIMIT}`;
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { q: q!.trim(), region: region || null, limit: parseLimit(limit, DEFAULT_LIMIT) };
}

/** The search itself, shared by the API and the server-rendered results page (/cari). */
export async function unitSearch(deps: Pick<AppDeps, 'db' | 'now'>, search: { q: string; region: string | null; limit: number }): Promise<UnitSearchResult> {
  const { db } = deps;
  let regionCodes: string[] | null = null;
  if (search.region) {
    regionCodes = await regionAndDescendants(db, search.region);
    if (regionCodes.length === 0) throw notFound(`Region "${search.region}"`, 'region_not_found');
  }
  const period = periodFromQuery({}, deps.now());
  const { index, units } = await unitIndex(db);
  const inRegion = regionCodes ? new Set(regionCodes) : null;
  const hits = searchUnitIndex(index, search.q, units.size)
    .map((h) => units.get(h.slug))
    .filter((u): u is SearchableUnitRow => u !== undefined && (!inRegion || inRegion.has(u.regionCode)))
    .slice(0, search.limit);
  const [sums, k] = await Promise.all([hits.length ? sumsByUnit(db, regionCodes, null, period.from, period.to) : new Map(), minPublicRatings(db)]);
  const days = daysInclusive(period.from, period.to);
  return {
    query: search.q,
    region: search.region,
    period: { code: period.code, from: period.from, to: period.to },
    minPublicRatings: k,
    items: hits.map((u) => {
      const s = summarise(sums.get(u.id) ?? emptySums());
      // Small cells (decision 047): the count, never the IKM of fewer than k ratings.
      return publicIkm({
        slug: u.slug,
        name: u.name,
        kind: u.kind,
        region: { code: u.regionCode, name: u.regionName },
        ikm: s.ikm,
        mutu: s.mutu,
        kinerja: s.kinerja,
        n: s.n,
        provisional: sampleFlags(s.n, sampleTarget(u.declaredUsers || null, days)).provisional,
      }, k);
    }),
    elsewhere: elsewhereFor(search.q),
  };
}

export function searchRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => c.json(await unitSearch(deps, searchQuery(c.req.query())), 200));
}
