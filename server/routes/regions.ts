import { Hono } from 'hono';
import { listRegions } from '../../db/queries/regions.ts';
import type { RegionPublic } from '../../core/api-types.ts';
import type { AppDeps } from '../deps.ts';

export function regionRoutes({ db }: AppDeps) {
  return new Hono().get('/', async (c) => {
    const regions = await listRegions(db);
    return c.json(
      regions.map((r): RegionPublic => ({ code: r.code, name: r.name, kind: r.kind, timezone: r.timezone, parentCode: r.parent_code, kemendagriCode: r.kemendagri_code })),
      200,
    );
  });
}
