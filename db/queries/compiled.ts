// Statements compiled once (docs/decisions/035): Kysely builds and compiles a query anew on every call, which was 15 %
// of a rating's CPU time. A reusable query is built once per dialect with named placeholders for its values; each call
// binds its own values into the same SQL text, so the driver sees the same statement every time (SQLite's prepared-
// statement cache in db/connect.ts and PostgreSQL's own plan cache then reuse it too).
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from '../../core/schema.ts';

const PLACEHOLDER = Symbol('placeholder');
interface Placeholder { [PLACEHOLDER]: string }

function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && PLACEHOLDER in value;
}

interface Compilable<R> {
  compile(db: Kysely<Database>): CompiledQuery<R>;
}

export interface Reusable<A, R> {
  execute(db: Kysely<Database>, args: A): Promise<QueryResult<R>>;
}

/**
 * A query built once per dialect. `build` receives the database and `p(name)`, a placeholder for the argument `name`
 * (typed as that argument, so the builder type-checks as if given real values). Only values may be placeholders, never
 * the query's shape: what varies in shape (an optional condition) needs a query of its own.
 *
 *     const byKey = reusable<{ unitId: string; key: string }>()((db, p) =>
 *       db.selectFrom('responses').select('id').where('unit_id', '=', p('unitId')).where('idempotency_key', '=', p('key')));
 *     const { rows } = await byKey.execute(db, { unitId, key });
 */
export function reusable<A extends Record<string, unknown>>() {
  return <R>(build: (db: Kysely<Database>, p: <K extends keyof A & string>(name: K) => A[K]) => Compilable<R>): Reusable<A, R> => {
    // One compiled form per dialect adapter (SQLite and PostgreSQL spell the same query differently).
    const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: (string | undefined)[] }>();
    return {
      execute(db, args) {
        const adapter = db.getExecutor().adapter;
        let entry = compiled.get(adapter);
        if (!entry) {
          const query = build(db, (name) => ({ [PLACEHOLDER]: name }) as never).compile(db);
          entry = { query, slots: query.parameters.map((v) => (isPlaceholder(v) ? v[PLACEHOLDER] : undefined)) };
          compiled.set(adapter, entry);
        }
        const { query, slots } = entry;
        const parameters = slots.map((name, i) => {
          if (name === undefined) return query.parameters[i];
          const value = args[name];
          if (value === undefined) throw new Error(`reusable query: no value for "${name}"`);
          return value;
        });
        return db.executeQuery<R>({ ...query, parameters });
      },
    };
  };
}
