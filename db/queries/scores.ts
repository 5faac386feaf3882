// Reads of the rollups, the only source of scores (DESIGN.md "Scores"). A period is read as whole months from
// score_monthly plus the days at its edges from score_daily, so the cost depends on units, services and months,
// never on the number of responses (docs/decisions/009).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { splitRange } from '../../core/domain/date-ranges.ts';
import type { Sums } from '../../core/domain/scores.ts';
import type { Database } from '../../core/schema.ts';
import { SUM_COLUMNS } from './rollups.ts';

type SumColumn = (typeof SUM_COLUMNS)[number];
type SumRow = Record<SumColumn, number | string | bigint | null> & { key: string };

// PostgreSQL returns sums of integers as bigint strings; SQLite as numbers. Both become numbers here.
const num = (v: number | string | bigint | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

function toSums(r: SumRow): Sums {
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

function addInto(into: Sums, more: Sums): void {
  into.n += more.n;
  into.nVerified += more.nVerified;
  into.nExcluded += more.nExcluded;
  more.elementSums.forEach((v, i) => (into.elementSums[i]! += v));
  into.total += more.total;
  into.totalSq += more.totalSq;
  into.verifiedTotal += more.verifiedTotal;
  into.verifiedTotalSq += more.verifiedTotalSq;
}

export interface SumsFilter {
  unitId?: string;
  regionCodes?: string[] | null;
  kind?: string | null;
}

type GroupKey = 'service' | 'unit' | 'month';

/**
 * Sums over a date range grouped by service, unit or month. Whole months come from score_monthly, edge days from
 * score_daily; the partial results are added up per key.
 */
async function groupedSums(db: Kysely<Database>, filter: SumsFilter, from: string, to: string, group: GroupKey): Promise<Map<string, Sums>> {
  const { months, days } = splitRange(from, to);
  const sums = sql.join(SUM_COLUMNS.map((c) => sql`sum(r.${sql.ref(c)}) as ${sql.ref(c)}`));
  const unitFilter = (alias: string): Expression<SqlBool>[] => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.unitId) parts.push(sql<SqlBool>`${sql.ref(`${alias}.unit_id`)} = ${filter.unitId}`);
    if (filter.regionCodes) {
      parts.push(sql<SqlBool>`u.region_code in (${sql.join(filter.regionCodes.length ? filter.regionCodes : ['\u0000'])})`);
    }
    if (filter.kind) parts.push(sql<SqlBool>`u.kind = ${filter.kind}`);
    return parts;
  };
  const where = (conditions: Expression<SqlBool>[]) => (conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);
  // The units table only narrows a board to regions or a kind; joined without need, it costs a lookup per rollup row
  // (decision 036: the national yearly board is a scan of the monthly rollups, so its cost is those rows).
  const units = filter.regionCodes || filter.kind ? sql`join units u on u.id = r.unit_id` : sql``;
  const out = new Map<string, Sums>();
  const collect = (rows: SumRow[]) => {
    for (const row of rows) {
      const s = toSums(row);
      const into = out.get(row.key);
      if (into) addInto(into, s);
      else out.set(row.key, s);
    }
  };

  if (months) {
    const key = group === 'service' ? sql`r.service_id` : group === 'unit' ? sql`r.unit_id` : sql`r.month`;
    const conditions = [...unitFilter('r'), sql<SqlBool>`r.month between ${months[0]} and ${months[1]}`];
    const result = await sql<SumRow>`select ${key} as key, ${sums} from score_monthly r ${units}
      ${where(conditions)} group by ${key}`.execute(db);
    collect(result.rows);
  }
  for (const [dayFrom, dayTo] of days) {
    const key = group === 'service' ? sql`r.service_id` : group === 'unit' ? sql`r.unit_id` : sql`substr(r.local_date, 1, 7)`;
    const conditions = [...unitFilter('r'), sql<SqlBool>`r.local_date between ${dayFrom} and ${dayTo}`];
    const result = await sql<SumRow>`select ${key} as key, ${sums} from score_daily r ${units}
      ${where(conditions)} group by ${key}`.execute(db);
    collect(result.rows);
  }
  return out;
}

/** One unit's sums per service ('' for ratings that named none) over a date range. */
export async function unitSumsByService(db: Kysely<Database>, unitId: string, from: string, to: string) {
  const map = await groupedSums(db, { unitId }, from, to, 'service');
  return [...map].map(([serviceId, sums]) => ({ serviceId, sums }));
}

/** One unit's sums per month (YYYY-MM) over a date range, for trends. */
export async function unitSumsByMonth(db: Kysely<Database>, unitId: string, from: string, to: string) {
  const map = await groupedSums(db, { unitId }, from, to, 'month');
  return [...map].map(([month, sums]) => ({ month, sums }));
}

/** Sums per unit for every unit in the given regions (and of a kind), over a date range. */
export async function sumsByUnit(db: Kysely<Database>, regionCodes: string[] | null, kind: string | null, from: string, to: string) {
  return groupedSums(db, { regionCodes, kind }, from, to, 'unit');
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
