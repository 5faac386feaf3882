// Opens the database named by DATABASE_URL: a file path → SQLite (better-sqlite3, WAL); postgres:// → PostgreSQL
// (docs/decisions/001, 002). Unset, server/env.ts picks DEMO_SQLITE_FILE in demo mode, DEFAULT_SQLITE_FILE otherwise.
import { closeSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type Dialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { checkpointOffThread, type CheckpointOptions, type Checkpointer } from './checkpointer.ts';
import type { Database } from '../core/schema.ts';
import { isPostgres } from './dialect.ts';
import { migrations } from './migrations/index.ts';

/** The live portal's SQLite file when DATABASE_URL is unset. */
export const DEFAULT_SQLITE_FILE = 'data/rapor.db';
/** The demo world's own file when DATABASE_URL is unset: it never becomes a live portal's database (decision 020). */
export const DEMO_SQLITE_FILE = 'data/demo.db';

export interface Connection {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Where the data lives, for the start-up message (never includes a password). */
  location: string;
  close(): Promise<void>;
  /**
   * SQLite file only: waits until every commit made so far is on disk (an fdatasync of the WAL file, off the request
   * thread). The group commit uses it to sync after a batch's commit instead of inside it (docs/decisions/041).
   */
  syncWal?: () => Promise<void>;
  /** SQLite file only: WAL checkpoints in a worker thread while the server writes (docs/decisions/041). */
  checkpointOffThread?: (options?: CheckpointOptions) => Checkpointer;
}

export class DatabaseConfigError extends Error {}

export function connect(url: string): Connection {
  const target = url.trim();
  if (!target) throw new DatabaseConfigError('No database named: set DATABASE_URL to an SQLite file path or a postgres:// address.');
  if (/^postgres(ql)?:\/\//.test(target)) return connectPostgres(target);
  const file = target.replace(/^(sqlite|file):(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return sqliteConnection(new SqliteDatabase(file), file);
}

/**
 * An SQLite database in memory, opened from an image that better-sqlite3's `serialize()` made: the tests copy a
 * migrated (or seeded) template this way instead of migrating each database again (docs/decisions/052).
 */
export function connectSqliteImage(image: Buffer): Connection {
  return sqliteConnection(new SqliteDatabase(image), ':memory:');
}

function sqliteConnection(sqlite: SqliteDatabase.Database, file: string): Connection {
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged rating survives a power cut, not only a process crash (docs/decisions/004).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: immediateTransactions(new SqliteDialect({ database: statementCache(sqlite) })) });
  if (file === ':memory:') return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
  const wal = walSync(`${file}-wal`);
  return { db, dialect: 'sqlite', location: file, syncWal: wal.sync, checkpointOffThread: (options) => checkpointOffThread(sqlite, file, options), close: async () => { await db.destroy(); await wal.close(); } };
}

/**
 * fdatasync of the WAL file, on libuv's thread pool: what SQLite's own commit does with synchronous=FULL, without
 * holding the request thread. The file is opened once: in WAL mode it exists, and stays the same file, while any
 * connection to the database is open (SQLite removes it when the last one closes).
 */
function walSync(path: string) {
  let fd: number | undefined;
  return {
    sync: () => new Promise<void>((resolve, reject) => {
      fd ??= openSync(path, 'r');
      fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    }),
    close: async () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/** How many distinct statements stay prepared (the hot path uses a few dozen; ad-hoc reads beyond this are evicted). */
const PREPARED_STATEMENTS = 500;

/**
 * The SQLite database as Kysely's driver sees it, with its statements prepared once (docs/decisions/035): Kysely asks
 * better-sqlite3 to prepare every statement it runs, and preparing costs about as much as running a small one. A
 * statement still being iterated (a streamed export) is busy, so a second user of the same text gets its own.
 */
function statementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        // Most recently used last, so the first entry is the one to evict.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      if (!cached) {
        cache.set(text, statement);
        if (cache.size > PREPARED_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE). A plain BEGIN reads first and asks
 * for the lock at its first write, and when another process has written in between, SQLite fails it at once instead
 * of waiting out busy_timeout. Every transaction here writes, so each one waits its turn instead (docs/decisions/016).
 */
function immediateTransactions(dialect: SqliteDialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      const driver = dialect.createDriver();
      return {
        init: () => driver.init(),
        acquireConnection: () => driver.acquireConnection(),
        releaseConnection: (connection) => driver.releaseConnection(connection),
        beginTransaction: async (connection) => {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        },
        commitTransaction: (connection) => driver.commitTransaction(connection),
        rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
        destroy: () => driver.destroy(),
      };
    },
  };
}

/**
 * PostgreSQL parses counts and sums (int8, numeric) as numbers, as SQLite returns them. Every count and sum the portal
 * keeps stays far below 2^53 (docs/decisions/016).
 */
export const POSTGRES_NUMBER_TYPES = [pg.types.builtins.INT8, pg.types.builtins.NUMERIC] as const;

function connectPostgres(url: string): Connection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError('DATABASE_URL is not a valid postgres:// address (postgres://user:password@host:5432/database).');
  }
  const poolSize = Number(parsed.searchParams.get('pool') ?? 10);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100) {
    throw new DatabaseConfigError('DATABASE_URL ?pool= must be a whole number of connections from 1 to 100.');
  }
  parsed.searchParams.delete('pool');
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    (POSTGRES_NUMBER_TYPES as readonly number[]).includes(oid) ? Number : pg.types.getTypeParser(oid, format) };
  const pool = new pg.Pool({ connectionString: parsed.toString(), max: poolSize, types });
  // A dropped connection must not end the process; the next query opens a new one.
  pool.on('error', (error) => console.error('[rapor] PostgreSQL connection lost:', error.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  const location = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

/** A read-only second connection to the same SQLite file (WAL lets it read while the main one writes). */
export function openReader(conn: Connection): Connection | null {
  if (conn.dialect !== 'sqlite' || conn.location === ':memory:') return null;
  const sqlite = new SqliteDatabase(conn.location, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: conn.location, close: () => db.destroy() };
}

/**
 * The migrator for this database. On PostgreSQL its bookkeeping tables live in the connection's current schema, so
 * that another schema of the same database (another application, another test) is never taken for this one.
 */
export async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  const schema = isPostgres(db) ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const result = await (await createMigrator(db)).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
