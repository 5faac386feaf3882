// Online backup of the SQLite database: SQLite's backup API copies pages in steps while the server keeps writing
// (WAL), and the copy is a consistent snapshot. PostgreSQL deployments use pg_dump instead (docs/operations.md).
import SqliteDatabase from 'better-sqlite3';

export interface BackupResult {
  pages: number;
  seconds: number;
  integrity: string;
}

export async function backupSqlite(source: string, destination: string): Promise<BackupResult> {
  const started = Date.now();
  const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(destination, { progress: () => 512 });
    const copy = new SqliteDatabase(destination, { readonly: true });
    try {
      const integrity = (copy.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
      return { pages: totalPages, seconds: (Date.now() - started) / 1000, integrity };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
}
