// Reads of the daily rollups, the only source of scores (DESIGN.md "Scores"): the cost depends on days and services
// in the period, never on the number of responses.
import { sql, type Kysely } from 'kysely';
import type { RollupCounts } from '../../server/domain/rollup.ts';
import type { Database } from '../database.ts';

export interface RollupSums extends RollupCounts {
  nExcluded: number;
}


function sumColumns() {
  return [
    sql<number>`sum(n)`.as('n'),
    sql<number>`sum(n_verified)`.as('n_verified'),
    sql<number>`sum(n_excluded)`.as('n_excluded'),
    sql<number>`sum(sum_u1)`.as('sum_u1'),
    sql<number>`sum(sum_u2)`.as('sum_u2'),
    sql<number>`sum(sum_u3)`.as('sum_u3'),
    sql<number>`sum(sum_u4)`.as('sum_u4'),
    sql<number>`sum(sum_u5)`.as('sum_u5'),
    sql<number>`sum(sum_u6)`.as('sum_u6'),
    sql<number>`sum(sum_u7)`.as('sum_u7'),
    sql<number>`sum(sum_u8)`.as('sum_u8'),
    sql<number>`sum(sum_u9)`.as('sum_u9'),
    sql<number>`sum(sum_total)`.as('sum_total'),
    sql<number>`sum(sum_total_sq)`.as('sum_total_sq'),
    sql<number>`sum(v_sum_total)`.as('v_sum_total'),
    sql<number>`sum(v_sum_total_sq)`.as('v_sum_total_sq'),
  ] as const;
}

type SumRow = Record<'n' | 'n_verified' | 'n_excluded' | 'sum_total' | 'sum_total_sq' | 'v_sum_total' | 'v_sum_total_sq'
  | 'sum_u1' | 'sum_u2' | 'sum_u3' | 'sum_u4' | 'sum_u5' | 'sum_u6' | 'sum_u7' | 'sum_u8' | 'sum_u9', number | string | bigint | null>;

// PostgreSQL returns sums of integers as bigint strings; SQLite as numbers. Both become numbers here.
const num = (v: number | string | bigint | null) => (v === null ? 0 : Number(v));

function toSums(r: SumRow): RollupSums {
  return {
    n: num(r.n),
    nVerified: num(r.n_verified),
    nExcluded: num(r.n_excluded),
    elementSums: [r.sum_u1, r.sum_u2, r.sum_u3, r.sum_u4, r.sum_u5, r.sum_u6, r.sum_u7, r.sum_u8, r.sum_u9].map(num),
    total: num(r.sum_total),
    totalSq: num(r.sum_total_sq),
    verifiedTotal: num(r.v_sum_total),
    verifiedTotalSq: num(r.v_sum_total_sq),
  };
}

/** One unit's sums per service ('' for ratings that named none) over a date range. */
export async function unitSumsByService(db: Kysely<Database>, unitId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('score_daily')
    .select('service_id')
    .select(sumColumns())
    .where('unit_id', '=', unitId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .groupBy('service_id')
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, sums: toSums(r) }));
}

/** One unit's sums per month (YYYY-MM) over a date range, for trends. */
export async function unitSumsByMonth(db: Kysely<Database>, unitId: string, from: string, to: string) {
  const month = sql<string>`substr(local_date, 1, 7)`;
  const rows = await db
    .selectFrom('score_daily')
    .select(month.as('month'))
    .select(sumColumns())
    .where('unit_id', '=', unitId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .groupBy(month)
    .execute();
  return rows.map((r) => ({ month: r.month, sums: toSums(r) }));
}

/** Sums per unit for every unit in the given regions (and of a kind), over a date range. */
export async function sumsByUnit(db: Kysely<Database>, regionCodes: string[] | null, kind: string | null, from: string, to: string) {
  let query = db
    .selectFrom('score_daily')
    .innerJoin('units', 'units.id', 'score_daily.unit_id')
    .select('score_daily.unit_id as unit_id')
    .select(sumColumns())
    .where('score_daily.local_date', '>=', from)
    .where('score_daily.local_date', '<=', to);
  if (regionCodes) query = query.where('units.region_code', 'in', regionCodes);
  if (kind) query = query.where('units.kind', '=', kind);
  const rows = await query.groupBy('score_daily.unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id, toSums(r)]));
}

export interface UnitForBoard {
  id: string;
  slug: string;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  declaredUsers: number | null;
}

/** The units of the given regions (and kind) with their declared yearly users (sum over services). */
export async function unitsForBoard(db: Kysely<Database>, regionCodes: string[] | null, kind: string | null): Promise<UnitForBoard[]> {
  let query = db
    .selectFrom('units')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .leftJoin('services', 'services.unit_id', 'units.id')
    .select([
      'units.id as id', 'units.slug as slug', 'units.name as name', 'units.kind as kind',
      'regions.code as regionCode', 'regions.name as regionName',
    ])
    .select(sql<number | null>`sum(services.declared_users)`.as('declaredUsers'))
    .groupBy(['units.id', 'units.slug', 'units.name', 'units.kind', 'regions.code', 'regions.name']);
  if (regionCodes) query = query.where('units.region_code', 'in', regionCodes);
  if (kind) query = query.where('units.kind', '=', kind);
  const rows = await query.orderBy('units.name').execute();
  return rows.map((r) => ({ ...r, declaredUsers: r.declaredUsers === null ? null : Number(r.declaredUsers) }));
}
