// PGlite (PostgreSQL compiled to WebAssembly, in this process) as a Kysely dialect, for the test suite only.
// Starting PGlite takes about two seconds, so a test process starts one and gives each test database its own schema.
// PGlite has one session, so connections take turns through a queue, as Kysely's own SQLite driver does with its one
// connection, and each turn first points the session's search_path at its schema. Results are shaped as the `pg`
// driver shapes them (row counts, numbers for int8/numeric), so the queries under test see what production PostgreSQL
// gives them (docs/decisions/016).
import { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler,
  type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult,
} from 'kysely';
import { POSTGRES_NUMBER_TYPES } from '../../db/connect.ts';

/** The one PGlite of this process, the queue its users wait in, and the schema its session points at. */
class Session {
  private queue: Promise<void> = Promise.resolve();
  schema = 'public';
  constructor(readonly client: PGlite) {}

  /** Waits for the session to be free; the returned function frees it. */
  async take(): Promise<() => void> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }
}

/** A new PGlite, empty or from a data directory that `dumpDataDir()` wrote (a template, docs/decisions/052). */
export function newPglite(dataDir?: Blob): Promise<PGlite> {
  return PGlite.create({ parsers: Object.fromEntries(POSTGRES_NUMBER_TYPES.map((oid) => [oid, Number])), loadDataDir: dataDir });
}

let session: Promise<Session> | undefined;
function shared(): Promise<Session> {
  session ??= newPglite().then((c) => new Session(c));
  return session;
}
let schemas = 0;

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(query.sql, [...query.parameters]);
    const changes = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(result.command ?? '');
    return {
      rows: result.rows,
      ...(changes ? { numAffectedRows: BigInt(result.rowCount ?? result.affectedRows ?? 0) } : {}),
    };
  }

  // PGlite's API has no portal to fetch from in steps: the rows arrive together and are handed on in chunks. Streaming
  // memory is measured on real PostgreSQL and SQLite (bench/exports.ts).
  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(query);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

class PgliteDriver implements Driver {
  private release: (() => void) | undefined;

  /** `own`: the PGlite is this database's alone (its `public` schema), closed with it; else a new schema on the shared one. */
  constructor(private readonly session: Session, private readonly schema: string, private readonly own = false) {}

  async init(): Promise<void> {
    if (this.own) return;
    const free = await this.session.take();
    try {
      await this.session.client.exec(`create schema ${this.schema}`);
    } finally {
      free();
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.session.take();
    if (this.session.schema !== this.schema) {
      await this.session.client.exec(`set search_path to ${this.schema}`);
      this.session.schema = this.schema;
    }
    return new PgliteConnection(this.session.client);
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  /** Drops this database's schema; the PGlite itself lives as long as the test process. */
  async destroy(): Promise<void> {
    if (this.own) return this.session.client.close();
    const free = await this.session.take();
    try {
      await this.session.client.exec(`set search_path to public; drop schema if exists ${this.schema} cascade`);
      this.session.schema = 'public';
    } finally {
      free();
    }
  }
}

/** A dialect for a new, empty database: a schema of its own on this process's PGlite. */
export async function pgliteDialect(): Promise<Dialect> {
  return dialectOf(new PgliteDriver(await shared(), `t${process.pid}_${++schemas}`));
}

/** A dialect for a PGlite of its own (e.g. one loaded from a template's data directory); closing it closes the PGlite. */
export function ownPgliteDialect(client: PGlite): Dialect {
  return dialectOf(new PgliteDriver(new Session(client), 'public', true));
}

function dialectOf(driver: PgliteDriver): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
