// `npm run db:backup -- [destination]`: an online backup of the SQLite database while the portal keeps running. It
// copies the database `npm start` opens with the same environment: data/rapor.db with NODE_ENV=production,
// data/demo.db in demo mode, or DATABASE_URL.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { backupSqlite } from '../../db/backup.ts';
import { readEnv } from '../env.ts';

async function main(): Promise<number> {
  const env = readEnv();
  const source = env.databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
  if (/^postgres/.test(source)) {
    console.error('DATABASE_URL is PostgreSQL: back it up with pg_dump (docs/operations.md).');
    return 2;
  }
  if (!existsSync(source)) {
    console.error(`No database at ${source}: run the backup with the portal's own environment (NODE_ENV=production, and its DATABASE_URL if it sets one).`);
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
