import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { findUnitBySlug, searchUnits, type UnitDetail } from '../../db/queries/units.ts';
import { SLUG_PATTERN } from '../../core/domain/rating-input.ts';
import type { Page, UnitPublic, UnitSummary } from '../../core/api-types.ts';
import type { AppDeps } from '../deps.ts';
import { notFound, validationFailed } from '../errors.ts';
import { decodeCursor, encodeCursor, parseLimit } from './pagination.ts';
import { unitPublic } from '../views/unit-public.ts';

/** The unit named by a path's slug, or the contract's 404. */
export async function requireUnit(db: Kysely<Database>, slug: string): Promise<UnitDetail> {
  const unit = SLUG_PATTERN.test(slug) ? await findUnitBySlug(db, slug) : undefined;
  if (!unit) throw notFound(`Unit "${slug.slice(0, 80)}"`, 'unit_not_found');
  return unit;
}

export { publicService } from '../views/unit-public.ts';

export function unitRoutes({ db }: AppDeps) {
  return new Hono()
    .get('/', async (c) => {
      const { q, region, kind, limit: limitText, cursor } = c.req.query();
      const fields: Record<string, string> = {};
      if (q !== undefined && q.length > 100) fields.q = 'must be at most 100 characters';
      if (region !== undefined && region !== '' && !/^[0-9.]{2,20}$/.test(region)) fields.region = 'must be a region code';
      if (kind !== undefined && kind !== '' && !/^[a-z-]{2,30}$/.test(kind)) fields.kind = 'must be a unit kind';
      if (Object.keys(fields).length) throw validationFailed(fields);
      const limit = parseLimit(limitText);
      const after = decodeCursor(cursor, ['name', 'slug'] as const);
      let regionCodes: string[] | undefined;
      if (region) {
        regionCodes = await regionAndDescendants(db, region);
        if (regionCodes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
      }
      const rows = await searchUnits(db, { q: q?.trim() || undefined, regionCodes, kind: kind || undefined, limit: limit + 1, after });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        {
          items: page.map((u): UnitSummary => ({
            slug: u.slug,
            name: u.name,
            kind: u.kind,
            region: { code: u.regionCode, name: u.regionName },
            timezone: u.timezone,
          })),
          nextCursor: rows.length > limit && last ? encodeCursor({ name: last.name, slug: last.slug }) : null,
        } satisfies Page<UnitSummary>,
        200,
      );
    })
    .get('/:slug', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      return c.json(unitPublic(unit) satisfies UnitPublic, 200);
    });
}
