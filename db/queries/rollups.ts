import type { Kysely, Transaction } from 'kysely';
import type { RollupCounts } from '../../core/domain/rollup.ts';
import type { Database, NewScoreDaily, NewScoreMonthly } from '../../core/schema.ts';
import { reusable } from './compiled.ts';

/** The service column of a rollup row when the resident named no service. */
export const NO_SERVICE = '';

export const SUM_COLUMNS = [
  'n', 'n_verified', 'n_excluded',
  'sum_u1', 'sum_u2', 'sum_u3', 'sum_u4', 'sum_u5', 'sum_u6', 'sum_u7', 'sum_u8', 'sum_u9',
  'sum_total', 'sum_total_sq', 'v_sum_total', 'v_sum_total_sq',
] as const;

export interface RollupKey {
  unitId: string;
  serviceId: string | null;
  localDate: string;
}

export function rollupRow(key: RollupKey, counts: RollupCounts, excludedDelta = 0): NewScoreDaily {
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = counts.elementSums as [number, number, number, number, number, number, number, number, number];
  return {
    unit_id: key.unitId,
    service_id: key.serviceId ?? NO_SERVICE,
    local_date: key.localDate,
    n: counts.n,
    n_verified: counts.nVerified,
    n_excluded: excludedDelta,
    sum_u1: u1, sum_u2: u2, sum_u3: u3, sum_u4: u4, sum_u5: u5, sum_u6: u6, sum_u7: u7, sum_u8: u8, sum_u9: u9,
    sum_total: counts.total,
    sum_total_sq: counts.totalSq,
    v_sum_total: counts.verifiedTotal,
    v_sum_total_sq: counts.verifiedTotalSq,
  };
}

function monthlyRow(daily: NewScoreDaily): NewScoreMonthly {
  const { local_date, ...sums } = daily;
  return { ...sums, month: local_date.slice(0, 7) };
}

/**
 * Adds a delta to the day's and the month's rollups (creating the rows on their first response). Callers run it in
 * the transaction that changes the response, so scores and responses never disagree.
 */
export async function applyRollupDelta(
  trx: Transaction<Database> | Kysely<Database>,
  key: RollupKey,
  counts: RollupCounts,
  excludedDelta = 0,
): Promise<void> {
  const daily = rollupRow(key, counts, excludedDelta) as RollupValues & { local_date: string };
  await upsertDaily.execute(trx, daily);
  await upsertMonthly.execute(trx, monthlyRow(daily) as RollupValues & { month: string });
}

type RollupValues = Record<'unit_id' | 'service_id', string> & Record<(typeof SUM_COLUMNS)[number], number>;
const DAILY_COLUMNS = ['unit_id', 'service_id', 'local_date', ...SUM_COLUMNS] as const;
const MONTHLY_COLUMNS = ['unit_id', 'service_id', 'month', ...SUM_COLUMNS] as const;

// Compiled once per dialect (db/queries/compiled.ts): every rating runs both.
const upsertDaily = reusable<RollupValues & { local_date: string }>()((db, p) => db
  .insertInto('score_daily')
  .values(Object.fromEntries(DAILY_COLUMNS.map((c) => [c, p(c)])) as NewScoreDaily)
  .onConflict((oc) =>
    oc.columns(['unit_id', 'service_id', 'local_date']).doUpdateSet((eb) =>
      Object.fromEntries(SUM_COLUMNS.map((col) => [col, eb(eb.ref(`score_daily.${col}`), '+', eb.ref(`excluded.${col}`))])),
    ),
  ));
const upsertMonthly = reusable<RollupValues & { month: string }>()((db, p) => db
  .insertInto('score_monthly')
  .values(Object.fromEntries(MONTHLY_COLUMNS.map((c) => [c, p(c)])) as NewScoreMonthly)
  .onConflict((oc) =>
    oc.columns(['unit_id', 'service_id', 'month']).doUpdateSet((eb) =>
      Object.fromEntries(SUM_COLUMNS.map((col) => [col, eb(eb.ref(`score_monthly.${col}`), '+', eb.ref(`excluded.${col}`))])),
    ),
  ));

/**
 * Rollup deltas gathered in memory and added together (a group commit's batch, db/group-commit.ts): one upsert per
 * day row and per month row, in sorted order, so concurrent transactions lock the rows they share in the same order.
 */
export class RollupBuffer {
  readonly #daily = new Map<string, NewScoreDaily>();

  add(key: RollupKey, counts: RollupCounts, excludedDelta = 0): void {
    const row = rollupRow(key, counts, excludedDelta);
    const id = `${row.unit_id}|${row.service_id}|${row.local_date}`;
    const into = this.#daily.get(id);
    if (!into) this.#daily.set(id, row);
    else for (const col of SUM_COLUMNS) (into[col] as number) += row[col] as number;
  }

  /** The counted n and answer total this buffer holds for a unit between two local dates (inclusive). */
  counted(unitId: string, from: string, to: string): { n: number; total: number } {
    let n = 0;
    let total = 0;
    for (const row of this.#daily.values()) {
      if (row.unit_id !== unitId || row.local_date < from || row.local_date > to) continue;
      n += row.n as number;
      total += row.sum_total as number;
    }
    return { n, total };
  }

  merge(other: RollupBuffer): void {
    for (const row of other.#daily.values()) {
      this.add({ unitId: row.unit_id, serviceId: row.service_id, localDate: row.local_date }, {
        n: row.n as number, nVerified: row.n_verified as number,
        elementSums: [row.sum_u1, row.sum_u2, row.sum_u3, row.sum_u4, row.sum_u5, row.sum_u6, row.sum_u7, row.sum_u8, row.sum_u9] as number[],
        total: row.sum_total as number, totalSq: row.sum_total_sq as number, verifiedTotal: row.v_sum_total as number, verifiedTotalSq: row.v_sum_total_sq as number,
      }, row.n_excluded as number);
    }
  }

  async apply(trx: Transaction<Database> | Kysely<Database>): Promise<void> {
    const days = [...this.#daily.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
    const months = new Map<string, NewScoreMonthly>();
    for (const row of days) {
      const m = monthlyRow(row);
      const id = `${m.unit_id}|${m.service_id}|${m.month}`;
      const into = months.get(id);
      if (!into) months.set(id, { ...m });
      else for (const col of SUM_COLUMNS) (into[col] as number) += m[col] as number;
    }
    for (const row of days) await upsertDaily.execute(trx, row as RollupValues & { local_date: string });
    for (const [, row] of [...months.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      await upsertMonthly.execute(trx, row as RollupValues & { month: string });
    }
  }
}

/** Bulk insert of precomputed daily rollups and the monthly rollups they add up to (the demo seed). */
export async function insertRollups(db: Kysely<Database> | Transaction<Database>, rows: NewScoreDaily[]): Promise<void> {
  const monthly = new Map<string, NewScoreMonthly>();
  for (const row of rows) {
    const m = monthlyRow(row);
    const key = `${m.unit_id}|${m.service_id}|${m.month}`;
    const into = monthly.get(key);
    if (!into) monthly.set(key, { ...m });
    else for (const col of SUM_COLUMNS) (into[col] as number) += m[col] as number;
  }
  // Chunks stay under SQLite's limit of 32,766 bound parameters.
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('score_daily').values(rows.slice(i, i + 1000)).execute();
  const months = [...monthly.values()];
  for (let i = 0; i < months.length; i += 1000) await db.insertInto('score_monthly').values(months.slice(i, i + 1000)).execute();
}
