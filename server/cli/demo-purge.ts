// `npm run demo:purge`: deletes the demo accounts (…@demo.rapor.id, published password) from the database `npm start`
// opens with the same environment, so that a live portal starts on it (docs/decisions/020). Units, ratings and every
// other row stay: a database that is the demo world and nothing else is better replaced than purged.
import { connect, migrateToLatest } from '../../db/connect.ts';
import { deleteDemoAccounts } from '../../db/queries/users.ts';
import { readEnv } from '../env.ts';

async function main(): Promise<number> {
  const env = readEnv();
  if (env.demo) {
    console.error(`Demo mode would open the demo world (${env.databaseUrl}) and keep its accounts: run this as the live portal runs,`);
    console.error('NODE_ENV=production npm run demo:purge (with its DATABASE_URL, if it sets one).');
    return 2;
  }
  const conn = connect(env.databaseUrl);
  try {
    await migrateToLatest(conn.db);
    const deleted = await deleteDemoAccounts(conn.db, new Date());
    console.log(`${conn.location}: ${deleted} demo accounts deleted / ${deleted} akun demo dihapus.`);
    return 0;
  } finally {
    await conn.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error('demo:purge failed:', error);
  process.exit(1);
});
