// The demo seed (DESIGN.md "Demo data"): its size and shape, and every rollup equal to a recount of the responses.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect.ts';
import { seedDemo, type SeedSummary } from '../../db/seed.ts';
import { containsPersonalData } from '../../core/domain/redaction.ts';
import { migratedDb } from '../support/db.ts';

let conn: Connection;
let summary: SeedSummary;
beforeAll(async () => {
  conn = await migratedDb();
  summary = await seedDemo(conn.db);
});
afterAll(async () => {
  await conn.close();
});

describe('the demo seed', () => {
  it('builds the world of the design: three regions, 25–40 units, about 50,000 ratings', async () => {
    expect(summary.units).toBeGreaterThanOrEqual(25);
    expect(summary.units).toBeLessThanOrEqual(40);
    expect(summary.responses).toBeGreaterThan(45_000);
    expect(summary.responses).toBeLessThan(60_000);
    const tops = await conn.db.selectFrom('regions').select('name').where('parent_code', 'is', null).orderBy('name').execute();
    expect(tops.map((r) => r.name)).toEqual(['Kota Palembang', 'Provinsi Gorontalo', 'Provinsi Jambi']);
    const plaju = await conn.db.selectFrom('regions').select('name').where('name', '=', 'Kecamatan Plaju').execute();
    expect(plaju).toHaveLength(1);
  });

  it('seeds the 2025 and 2026 holiday calendar, with every 2026 cuti bersama', async () => {
    const cuti2026 = await conn.db.selectFrom('holidays').select('date').where('kind', '=', 'cuti_bersama').where('date', 'like', '2026-%').orderBy('date').execute();
    expect(cuti2026.map((h) => h.date)).toEqual(['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24']);
    const all = await conn.db.selectFrom('holidays').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(all.n)).toBe(summary.holidays);
  });

  it('gives every permit service a published completion time', async () => {
    const missing = await conn.db.selectFrom('services').select('slug').where('is_permit', '=', 1).where('sla_value', 'is', null).execute();
    expect(missing).toEqual([]);
  });

  it('stores comments only after redaction', async () => {
    const comments = await conn.db.selectFrom('responses').select('comment').where('comment', 'is not', null).execute();
    expect(comments.length).toBeGreaterThan(1000);
    expect(comments.filter((c) => containsPersonalData(c.comment!))).toEqual([]);
    expect(comments.some((c) => c.comment!.includes('disamarkan'))).toBe(true);
  });

  it('leaves a few units with too few responses for their sample target', async () => {
    const small = await conn.db.selectFrom('responses').select('unit_id').groupBy('unit_id').having((eb) => eb.fn.countAll(), '<', 50).execute();
    expect(small.length).toBeGreaterThanOrEqual(2);
  });

  it('has every rollup equal to a recount from the responses table', async () => {
    const recount = await sql<Record<string, number | string>>`
      select unit_id, coalesce(service_id, '') as service_id, local_date,
        count(*) as n, sum(verified) as n_verified,
        sum(u1) as sum_u1, sum(u2) as sum_u2, sum(u3) as sum_u3, sum(u4) as sum_u4, sum(u5) as sum_u5,
        sum(u6) as sum_u6, sum(u7) as sum_u7, sum(u8) as sum_u8, sum(u9) as sum_u9,
        sum(u1+u2+u3+u4+u5+u6+u7+u8+u9) as sum_total,
        sum((u1+u2+u3+u4+u5+u6+u7+u8+u9) * (u1+u2+u3+u4+u5+u6+u7+u8+u9)) as sum_total_sq,
        sum(case when verified = 1 then u1+u2+u3+u4+u5+u6+u7+u8+u9 else 0 end) as v_sum_total
      from responses where exclusion_reason is null
      group by unit_id, coalesce(service_id, ''), local_date
      order by unit_id, service_id, local_date`.execute(conn.db);
    const rollups = await conn.db
      .selectFrom('score_daily')
      .select(['unit_id', 'service_id', 'local_date', 'n', 'n_verified', 'sum_u1', 'sum_u2', 'sum_u3', 'sum_u4', 'sum_u5', 'sum_u6', 'sum_u7', 'sum_u8', 'sum_u9', 'sum_total', 'sum_total_sq', 'v_sum_total'])
      .orderBy('unit_id').orderBy('service_id').orderBy('local_date')
      .execute();
    expect(rollups.length).toBe(recount.rows.length);
    expect(rollups.length).toBeGreaterThan(10_000);
    expect(rollups).toEqual(recount.rows);
  });

  it('has every monthly rollup equal to a recount from the responses table', async () => {
    const recount = await sql<Record<string, number | string>>`
      select unit_id, coalesce(service_id, '') as service_id, substr(local_date, 1, 7) as month,
        count(*) as n, sum(verified) as n_verified, sum(u3) as sum_u3, sum(u8) as sum_u8,
        sum(u1+u2+u3+u4+u5+u6+u7+u8+u9) as sum_total,
        sum((u1+u2+u3+u4+u5+u6+u7+u8+u9) * (u1+u2+u3+u4+u5+u6+u7+u8+u9)) as sum_total_sq
      from responses where exclusion_reason is null
      group by unit_id, coalesce(service_id, ''), substr(local_date, 1, 7)
      order by unit_id, service_id, month`.execute(conn.db);
    const monthly = await conn.db
      .selectFrom('score_monthly')
      .select(['unit_id', 'service_id', 'month', 'n', 'n_verified', 'sum_u3', 'sum_u8', 'sum_total', 'sum_total_sq'])
      .orderBy('unit_id').orderBy('service_id').orderBy('month')
      .execute();
    expect(monthly.length).toBeGreaterThan(2000);
    expect(monthly).toEqual(recount.rows);
  });

  it('dates late-night ratings by the unit\'s local day, not the UTC day', async () => {
    const shifted = await sql<{ n: number }>`
      select count(*) as n from responses where local_date <> substr(created_at, 1, 10)`.execute(conn.db);
    // Every rating from 00:00 to 07:00 local (WIB) or 08:00 (WITA) falls on the previous UTC date.
    expect(Number(shifted.rows[0]!.n)).toBeGreaterThan(1000);
    const midnight = await conn.db.selectFrom('responses').select(['local_hour']).where('local_hour', '=', 0).execute();
    expect(midnight.length).toBeGreaterThan(1000);
  });

  it('gives ratings and permit reports random ids (UUID v4) that tell nothing of when they were made (issue 24 F14)', async () => {
    const ratings = await conn.db.selectFrom('responses').select(['id', 'idempotency_key', 'visit_code_id', 'created_at']).execute();
    const permits = await conn.db.selectFrom('permit_reports').select(['id', 'idempotency_key', 'created_at']).execute();
    const codes = await conn.db.selectFrom('visit_codes').select('id').execute();
    const ids = [
      ...ratings.flatMap((r) => [r.id, r.idempotency_key, ...(r.visit_code_id ? [r.visit_code_id] : [])]),
      ...permits.flatMap((p) => [p.id, p.idempotency_key]),
      ...codes.map((c) => c.id),
    ];
    const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const notV4 = ids.filter((id) => !V4.test(id));
    expect(notV4.length).toBe(0);
    // A v7 id's first 48 bits are its millisecond: none of the ratings' ids carries its own creation time.
    const carriesTime = ratings.filter((r) => Number.parseInt(r.id.replace(/-/g, '').slice(0, 12), 16) === Date.parse(r.created_at));
    expect(carriesTime.length).toBe(0);
    expect(ratings.length).toBeGreaterThan(45_000);
  });

  it('is deterministic: the same seed gives the same world', async () => {
    const other = await migratedDb();
    try {
      await seedDemo(other.db);
      const pick = (c: Connection) =>
        c.db.selectFrom('responses').select(['id', 'receipt', 'created_at', 'u1', 'u9', 'comment']).orderBy('id').limit(50).execute();
      expect(await pick(other)).toEqual(await pick(conn));
    } finally {
      await other.close();
    }
  });
});
