// Migrations: they run from empty to latest, backfill what they add, and roll back cleanly.
import { afterEach, describe, expect, it } from 'vitest';
import { createMigrator, type Connection } from '../../db/connect.ts';
import { freshDb, insertFixture } from '../support/db.ts';

let conn: Connection;
afterEach(async () => {
  await conn?.close();
});

const migrator = (c: Connection) => createMigrator(c.db);

describe('migrations', () => {
  it('backfill monthly rollups from the daily rollups that existed before them', async () => {
    conn = await freshDb();
    const m = await migrator(conn);
    expect((await m.migrateTo('2026_11_23_0002_replies_follow_ups')).error).toBeUndefined();
    await insertFixture(conn.db);
    const base = { unit_id: 'u-gtlo', service_id: 's-ktp', n_verified: 0, n_excluded: 0, sum_u1: 3, sum_u2: 3, sum_u3: 3, sum_u4: 3, sum_u5: 3, sum_u6: 3, sum_u7: 3, sum_u8: 3, sum_u9: 3, v_sum_total: 0, v_sum_total_sq: 0 };
    await conn.db.insertInto('score_daily').values([
      { ...base, local_date: '2026-03-30', n: 1, sum_total: 27, sum_total_sq: 729 },
      { ...base, local_date: '2026-03-31', n: 1, sum_total: 27, sum_total_sq: 729 },
      { ...base, local_date: '2026-04-01', n: 1, sum_total: 27, sum_total_sq: 729 },
    ]).execute();
    expect((await m.migrateToLatest()).error).toBeUndefined();
    const monthly = await conn.db.selectFrom('score_monthly').select(['month', 'n', 'sum_total']).orderBy('month').execute();
    expect(monthly).toEqual([{ month: '2026-03', n: 2, sum_total: 54 }, { month: '2026-04', n: 1, sum_total: 27 }]);
  });

  it('roll all the way down and up again', async () => {
    conn = await freshDb();
    const m = await migrator(conn);
    expect((await m.migrateToLatest()).error).toBeUndefined();
    const { NO_MIGRATIONS } = await import('kysely');
    expect((await m.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect((await m.migrateToLatest()).error).toBeUndefined();
    const tables = (await conn.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(expect.arrayContaining(['responses', 'score_daily', 'score_monthly', 'units', 'replies', 'follow_ups']));
  });
});
