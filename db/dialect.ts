// Which SQL dialect a Kysely instance speaks, for the few statements the two engines spell differently.
import { PostgresAdapter, type Kysely } from 'kysely';

/** True on PostgreSQL (a server through `pg`, or PGlite in the tests); false on SQLite. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
