import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** What the route modules need from the outside world; tests pass their own. */
export interface AppDeps {
  db: Kysely<Database>;
  /** The clock (tests fix it). */
  now: () => Date;
  /** The built site to serve; absent in API-only tests. */
  distDir?: string | undefined;
}
