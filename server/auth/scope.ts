// What an account may see of private data (API.md roles): admin everything; an evaluator their region and its
// sub-regions (none: national); staff their own unit. Queries in db/queries take this scope and filter by it.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../core/schema.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import type { Scope } from '../../db/queries/scope.ts';

export type { Scope };

export async function scopeOf(db: Kysely<Database>, user: User): Promise<Scope> {
  if (user.role === 'admin') return { kind: 'all' };
  if (user.role === 'evaluator') {
    return user.region_code ? { kind: 'regions', codes: await regionAndDescendants(db, user.region_code) } : { kind: 'all' };
  }
  if (user.role === 'staff' && user.unit_id) return { kind: 'unit', unitId: user.unit_id };
  return { kind: 'regions', codes: [] };
}
