// Issue 16 item 12 (decision 029): reports stored under the old rule judged a standard in minutes or hours by whole
// calendar days (a same-day NIB request "within 60 minutes", a next-day one "late"). The migration re-judges them by
// what their dates prove, and leaves standards in days alone.
import { afterEach, describe, expect, it } from 'vitest';
import { createMigrator, type Connection } from '../../db/connect.ts';
import { freshDb, insertFixture } from '../support/db.ts';

let conn: Connection;
afterEach(async () => {
  await conn?.close();
});

describe('migration 2026_12_01_0013_sla_units', () => {
  it('re-judges stored reports of standards in minutes or hours by what their dates prove', async () => {
    conn = await freshDb();
    const m = await createMigrator(conn.db);
    expect((await m.migrateTo('2026_12_01_0011_moderation_approvals')).error).toBeUndefined();
    await insertFixture(conn.db);
    const report = (id: string, sla_value: number, sla_unit: string, calendar_days: number, within_sla: number) => ({
      id, unit_id: 'u-gtlo', service_id: 's-kk', submitted_on: '2026-10-05', completed_on: '2026-10-05', sla_value, sla_unit,
      working_days: calendar_days, calendar_days, within_sla, idempotency_key: id, ip_hash: null, created_at: '2026-10-05T03:00:00.000Z',
      exclusion_reason: null, excluded_at: null, visit_code_id: null, browser_hash: null, ticket_hash: null,
    });
    // As the old rule stored them.
    await conn.db.insertInto('permit_reports').values([
      report('same-day-60m', 60, 'minutes', 0, 1),
      report('next-day-60m', 60, 'minutes', 1, 0),
      report('two-days-60m', 60, 'minutes', 2, 0),
      report('same-day-24h', 24, 'hours', 0, 1),
      report('next-day-24h', 24, 'hours', 1, 1),
      report('next-day-1wd', 1, 'working_days', 1, 1),
    ]).execute();
    expect((await m.migrateTo('2026_12_01_0013_sla_units')).error).toBeUndefined();
    const after = Object.fromEntries((await conn.db.selectFrom('permit_reports').select(['id', 'within_sla']).execute()).map((r) => [r.id, r.within_sla]));
    expect(after).toEqual({ 'same-day-60m': null, 'next-day-60m': null, 'two-days-60m': 0, 'same-day-24h': 1, 'next-day-24h': null, 'next-day-1wd': 1 });
    // Down restores the old rule.
    expect((await m.migrateTo('2026_12_01_0011_moderation_approvals')).error).toBeUndefined();
    const before = Object.fromEntries((await conn.db.selectFrom('permit_reports').select(['id', 'within_sla']).execute()).map((r) => [r.id, r.within_sla]));
    expect(before).toEqual({ 'same-day-60m': 1, 'next-day-60m': 0, 'two-days-60m': 0, 'same-day-24h': 1, 'next-day-24h': 1, 'next-day-1wd': 1 });
  });
});
