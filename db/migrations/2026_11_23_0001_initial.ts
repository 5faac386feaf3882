// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('timezone', 'varchar(40)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(20)', (c) => c.references('regions.code'))
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(20)', (c) => c.notNull().references('regions.code'))
    .addColumn('address', 'varchar(400)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_region_idx').on('units').column('region_code').execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_permit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_value', 'integer')
    .addColumn('sla_unit', 'varchar(20)')
    .addColumn('sla_starts_at', 'varchar(200)')
    .addColumn('declared_users', 'integer')
    .addUniqueConstraint('services_unit_slug_uq', ['unit_id', 'slug'])
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('visit_codes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'varchar(9)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .addColumn('response_id', 'varchar(36)')
    .addUniqueConstraint('visit_codes_unit_code_uq', ['unit_id', 'code'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('service_id', 'varchar(36)', (c) => c.references('services.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('local_hour', 'integer', (c) => c.notNull())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('u1', 'integer', (c) => c.notNull().check(sqlRange('u1')))
    .addColumn('u2', 'integer', (c) => c.notNull().check(sqlRange('u2')))
    .addColumn('u3', 'integer', (c) => c.notNull().check(sqlRange('u3')))
    .addColumn('u4', 'integer', (c) => c.notNull().check(sqlRange('u4')))
    .addColumn('u5', 'integer', (c) => c.notNull().check(sqlRange('u5')))
    .addColumn('u6', 'integer', (c) => c.notNull().check(sqlRange('u6')))
    .addColumn('u7', 'integer', (c) => c.notNull().check(sqlRange('u7')))
    .addColumn('u8', 'integer', (c) => c.notNull().check(sqlRange('u8')))
    .addColumn('u9', 'integer', (c) => c.notNull().check(sqlRange('u9')))
    .addColumn('gender', 'varchar(1)')
    .addColumn('age', 'integer')
    .addColumn('education', 'varchar(10)')
    .addColumn('occupation', 'varchar(30)')
    .addColumn('comment', 'text')
    .addColumn('idempotency_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('receipt', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('ip_hash', 'varchar(64)')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visit_code_id', 'varchar(36)')
    .addColumn('exclusion_reason', 'varchar(30)')
    .addColumn('excluded_at', 'varchar(30)')
    .addUniqueConstraint('responses_unit_key_uq', ['unit_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('responses_unit_date_idx').on('responses').columns(['unit_id', 'local_date']).execute();

  await db.schema
    .createTable('score_daily')
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('service_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('n_verified', 'integer', (c) => c.notNull())
    .addColumn('n_excluded', 'integer', (c) => c.notNull())
    .addColumn('sum_u1', 'integer', (c) => c.notNull())
    .addColumn('sum_u2', 'integer', (c) => c.notNull())
    .addColumn('sum_u3', 'integer', (c) => c.notNull())
    .addColumn('sum_u4', 'integer', (c) => c.notNull())
    .addColumn('sum_u5', 'integer', (c) => c.notNull())
    .addColumn('sum_u6', 'integer', (c) => c.notNull())
    .addColumn('sum_u7', 'integer', (c) => c.notNull())
    .addColumn('sum_u8', 'integer', (c) => c.notNull())
    .addColumn('sum_u9', 'integer', (c) => c.notNull())
    .addColumn('sum_total', 'integer', (c) => c.notNull())
    .addColumn('sum_total_sq', 'integer', (c) => c.notNull())
    .addColumn('v_sum_total', 'integer', (c) => c.notNull())
    .addColumn('v_sum_total_sq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_daily_pk', ['unit_id', 'service_id', 'local_date'])
    .execute();
}

function sqlRange(column: string) {
  return sql`${sql.ref(column)} between 1 and 4`;
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['score_daily', 'responses', 'visit_codes', 'holidays', 'services', 'units', 'regions']) {
    await db.schema.dropTable(table).execute();
  }
}
