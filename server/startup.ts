// What `npm start` does to the database before it serves (server/main.ts): migrate, refuse a live portal on a database
// holding demo accounts, seed the demo world into an empty database in demo mode (docs/decisions/020).
import type { Connection } from '../db/connect.ts';
import { migrateToLatest } from '../db/connect.ts';
import { countDemoAccounts } from '../db/queries/users.ts';
import { isDatabaseEmpty, seedDemo, type SeedSummary } from '../db/seed.ts';
import { DEMO_EMAIL_DOMAIN } from '../core/domain/demo.ts';
import type { Env } from './env.ts';

/** The server must not start; the message says why and what to do. */
export class StartRefused extends Error {}

/** Why a live portal does not start on this database, and the two ways out. */
export function demoAccountsRefusal(location: string, accounts: number): string {
  return [
    `Database ${location} holds ${accounts} demo account${accounts === 1 ? '' : 's'} (@${DEMO_EMAIL_DOMAIN}, whose password is published):`,
    'a live portal (NODE_ENV=production) does not start on it. Either',
    '  - point DATABASE_URL at the portal\'s own database (unset, a live portal uses data/rapor.db; the demo world',
    '    lives in data/demo.db), or',
    '  - if this database holds real data to keep, delete the demo accounts (their units and ratings stay):',
    '    NODE_ENV=production npm run demo:purge   (with the same DATABASE_URL as this start)',
    'then start again (docs/operations.md).',
  ].join('\n');
}

/** Migrates, then refuses or seeds as the environment says. Returns what was seeded, or null. */
export async function prepareDatabase(conn: Pick<Connection, 'db' | 'location'>, env: Pick<Env, 'production' | 'demo'>): Promise<SeedSummary | null> {
  await migrateToLatest(conn.db);
  if (env.production) {
    const accounts = await countDemoAccounts(conn.db);
    if (accounts > 0) throw new StartRefused(demoAccountsRefusal(conn.location, accounts));
  }
  if (env.demo && !env.production && (await isDatabaseEmpty(conn.db))) return seedDemo(conn.db);
  return null;
}
