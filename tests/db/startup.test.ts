// The start-up logic of server/main.ts (server/startup.ts) on each engine: a live portal refuses a database holding any
// demo account (issue 15, finding 3) and says how to fix it; `npm run demo:purge` deletes exactly the demo accounts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { countDemoAccounts, deleteDemoAccounts } from '../../db/queries/users.ts';
import { createSession } from '../../db/queries/sessions.ts';
import { readEnv } from '../../server/env.ts';
import { prepareDatabase, StartRefused } from '../../server/startup.ts';
import { ACCOUNTS, freshDb, insertFixture, insertFixtureUsers } from '../support/db.ts';

let conn: Connection;
beforeEach(async () => {
  conn = await freshDb();
});
afterEach(async () => {
  await conn.close();
});

const LIVE = readEnv({ NODE_ENV: 'production' });
const NOW = new Date('2026-08-10T03:00:00.000Z');

async function realPortalWithDemoAccounts(): Promise<void> {
  await prepareDatabase(conn, readEnv({ NODE_ENV: 'production' })); // migrates an empty database
  await insertFixture(conn.db);
  await insertFixtureUsers(conn.db);
  const base = { password_hash: 'x', created_at: '2026-01-01T00:00:00.000Z', region_code: null };
  await conn.db.insertInto('users').values([
    { ...base, id: 'demo-admin', email: 'admin@demo.rapor.id', name: 'Admin (demo)', role: 'admin', unit_id: null, disabled_at: null },
    // Stored spelled otherwise, and disabled: still a demo account.
    { ...base, id: 'demo-staff', email: 'Staff.Dukcapil@Demo.Rapor.ID', name: 'Petugas (demo)', role: 'staff', unit_id: 'u-gtlo', disabled_at: '2026-02-01T00:00:00.000Z' },
  ]).execute();
  await createSession(conn.db, 'a'.repeat(64), 'demo-admin', new Date('2026-03-01T00:00:00.000Z'));
  await createSession(conn.db, 'b'.repeat(64), 'usr-admin', new Date('2026-03-01T00:00:00.000Z'));
}

describe('start-up on a database holding demo accounts', () => {
  it('refuses a live portal, naming the database, the accounts and both fixes', async () => {
    await realPortalWithDemoAccounts();
    expect(await countDemoAccounts(conn.db)).toBe(2);
    const attempt = prepareDatabase(conn, LIVE);
    await expect(attempt).rejects.toThrow(StartRefused);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toContain(conn.location);
    expect(message).toContain('2 demo accounts');
    expect(message).toContain('@demo.rapor.id');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('npm run demo:purge');
    // NODE_ENV spelled otherwise is a live portal too.
    await expect(prepareDatabase(conn, readEnv({ NODE_ENV: ' Production' }))).rejects.toThrow(StartRefused);
  });

  it('lets a demo or development start through (the demo world needs its accounts)', async () => {
    await realPortalWithDemoAccounts();
    await expect(prepareDatabase(conn, readEnv({}))).resolves.toBeNull(); // not empty: nothing seeded
    await expect(prepareDatabase(conn, readEnv({ RAPOR_DEMO: 'off' }))).resolves.toBeNull();
  });

  it('starts once the demo accounts and their sessions are deleted; every other account and session stays', async () => {
    await realPortalWithDemoAccounts();
    expect(await deleteDemoAccounts(conn.db, NOW)).toBe(2);
    expect(await countDemoAccounts(conn.db)).toBe(0);
    await expect(prepareDatabase(conn, LIVE)).resolves.toBeNull();
    const emails = (await conn.db.selectFrom('users').select('email').execute()).map((u) => u.email).sort();
    expect(emails).toEqual(Object.values(ACCOUNTS).sort());
    const sessions = await conn.db.selectFrom('sessions').select('user_id').execute();
    expect(sessions).toEqual([{ user_id: 'usr-admin' }]);
    expect(await deleteDemoAccounts(conn.db, NOW)).toBe(0);
    const audit = await conn.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'user.delete_demo').execute();
    expect(audit).toEqual([{ action: 'user.delete_demo', details: JSON.stringify({ accounts: 2, via: 'cli' }) }]);
  });

  it('never seeds the demo world when NODE_ENV=Production (any spelling)', async () => {
    await expect(prepareDatabase(conn, readEnv({ NODE_ENV: 'Production' }))).resolves.toBeNull();
    const units = await conn.db.selectFrom('units').select('id').execute();
    expect(units).toEqual([]);
    expect(await countDemoAccounts(conn.db)).toBe(0);
  });
});
