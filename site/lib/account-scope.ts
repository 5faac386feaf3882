// What the staff and evaluator screens offer an account (issue 17 item 5): only links and choices it may use, the
// same rule the API enforces (server/auth/scope.ts): admin everything; an evaluator their region and its sub-regions
// (none: national); staff their own unit.
import type { RegionPublic } from '../../core/api-types';
import type { Me } from './me';

/** A region and every region below it, in the list's order. */
function subtree(root: string, regions: readonly RegionPublic[]): Set<string> {
  const inside = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of regions) {
      if (r.parentCode && inside.has(r.parentCode) && !inside.has(r.code)) {
        inside.add(r.code);
        grew = true;
      }
    }
  }
  return inside;
}

/** The regions an account may pick for comparisons and exports: staff none (their unit is their scope). */
export function regionChoicesFor(me: Me, regions: readonly RegionPublic[]): RegionPublic[] {
  if (me.role === 'staff') return [];
  if (me.role === 'evaluator' && me.region) {
    const inside = subtree(me.region.code, regions);
    return regions.filter((r) => inside.has(r.code));
  }
  return [...regions];
}

/** Whether the account may open a unit's SKM report (GET /api/reports/skm/{slug}). */
export function mayOpenUnitReport(me: Me, unit: { slug: string; regionCode: string }, regions: readonly RegionPublic[]): boolean {
  if (me.role === 'admin') return true;
  if (me.role === 'staff') return me.unit?.slug === unit.slug;
  return !me.region || subtree(me.region.code, regions).has(unit.regionCode);
}

/** Report ZIPs, evidence locks, moderation decisions and comment review: evaluators and administrators. */
export function mayUseEvaluatorTools(me: Me): boolean {
  return me.role === 'evaluator' || me.role === 'admin';
}
