// Frozen: monthly rollups beside the daily ones, so a year's scores read twelve rows per unit and service.
// Backfilled from score_daily with SQL that both dialects accept.
import { sql, type Kysely } from 'kysely';

const SUMS = ['n', 'n_verified', 'n_excluded', 'sum_u1', 'sum_u2', 'sum_u3', 'sum_u4', 'sum_u5', 'sum_u6', 'sum_u7',
  'sum_u8', 'sum_u9', 'sum_total', 'sum_total_sq', 'v_sum_total', 'v_sum_total_sq'];

export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('score_monthly')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull());
  for (const col of SUMS) table = table.addColumn(col, 'integer', (c) => c.notNull());
  await table.addPrimaryKeyConstraint('score_monthly_pk', ['unit_id', 'service_id', 'month']).execute();

  const cols = sql.join(SUMS.map((c) => sql.ref(c)));
  const sums = sql.join(SUMS.map((c) => sql`sum(${sql.ref(c)})`));
  await sql`insert into score_monthly (unit_id, service_id, month, ${cols})
    select unit_id, service_id, substr(local_date, 1, 7), ${sums} from score_daily
    group by unit_id, service_id, substr(local_date, 1, 7)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('score_monthly').execute();
}
