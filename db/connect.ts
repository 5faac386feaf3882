// Opens the database named by DATABASE_URL: unset or a file path → SQLite (better-sqlite3, WAL);
// postgres:// → PostgreSQL (docs/decisions/001, 002).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from 'kysely';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

export const DEFAULT_SQLITE_FILE = 'data/rapor.db';

export interface Connection {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Where the data lives, for the start-up message (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export class DatabaseConfigError extends Error {}

export function connect(url: string | undefined): Connection {
  const target = url?.trim() || DEFAULT_SQLITE_FILE;
  if (/^postgres(ql)?:\/\//.test(target)) {
    throw new DatabaseConfigError(
      'DATABASE_URL names PostgreSQL, which this build does not support yet; unset it to use the SQLite file.',
    );
  }
  const file = target.replace(/^(sqlite|file):(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged rating survives a power cut, not only a process crash (docs/decisions/004).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/** A read-only second connection to the same SQLite file (WAL lets it read while the main one writes). */
export function openReader(conn: Connection): Connection | null {
  if (conn.dialect !== 'sqlite' || conn.location === ':memory:') return null;
  const sqlite = new SqliteDatabase(conn.location, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: conn.location, close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
