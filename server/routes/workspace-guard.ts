// The unit workspace (/api/staff/units/{slug}/…) is for staff of that unit and administrators (API.md roles).
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../core/schema.ts';
import { workspaceUnit, type WorkspaceUnit } from '../../db/queries/workspace.ts';
import type { Scope } from '../../db/queries/scope.ts';
import { scopeOf } from '../auth/scope.ts';
import type { AppEnv } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { requireRole } from '../middleware/session.ts';

export interface Workspace {
  user: User;
  scope: Scope;
  unit: WorkspaceUnit;
}

export async function requireWorkspace(c: Context<AppEnv>, db: Kysely<Database>): Promise<Workspace> {
  const user = requireRole(c, 'staff', 'admin');
  const scope = await scopeOf(db, user);
  const slug = c.req.param('slug') ?? '';
  const unit = /^[a-z0-9-]{1,80}$/.test(slug) ? await workspaceUnit(db, scope, slug) : undefined;
  if (unit === undefined) throw notFound(`Unit "${slug.slice(0, 80)}"`, 'unit_not_found');
  if (unit === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not work on this unit.');
  return { user, scope, unit };
}
