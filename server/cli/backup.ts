// `npm run db:backup -- [destination]`: an online backup of the SQLite database while the portal keeps running.
import { join } from 'node:path';
import { backupSqlite } from '../../db/backup.ts';
import { DEFAULT_SQLITE_FILE } from '../../db/connect.ts';
import { readEnv } from '../env.ts';

async function main(): Promise<number> {
  const env = readEnv({ ...process.env, RAPOR_DEMO: 'off' });
  const source = (env.databaseUrl ?? DEFAULT_SQLITE_FILE).replace(/^(sqlite|file):(\/\/)?/, '');
  if (/^postgres/.test(source)) {
    console.error('DATABASE_URL is PostgreSQL: back it up with pg_dump (docs/operations.md).');
    return 2;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const destination = process.argv[2] ?? join('data', 'backups', `rapor-${stamp}.db`);
  const { mkdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(destination), { recursive: true });
  const r = await backupSqlite(source, destination);
  console.log(`Cadangan / backup: ${destination} (${r.pages} pages, ${r.seconds.toFixed(1)} s, integrity ${r.integrity})`);
  return r.integrity === 'ok' ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error('db:backup failed:', error);
  process.exit(1);
});
