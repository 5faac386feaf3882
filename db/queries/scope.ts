// The part of the data an account may read (see server/auth/scope.ts). Every query of private data takes one.
import { sql, type Expression, type SqlBool } from 'kysely';

export type Scope = { kind: 'all' } | { kind: 'regions'; codes: string[] } | { kind: 'unit'; unitId: string };

/** A condition on a units table alias that keeps only the units inside the scope. */
export function unitsInScope(scope: Scope, unitsAlias = 'units'): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.kind === 'unit') return sql<SqlBool>`${sql.ref(`${unitsAlias}.id`)} = ${scope.unitId}`;
  if (scope.codes.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(`${unitsAlias}.region_code`)} in (${sql.join(scope.codes)})`;
}
