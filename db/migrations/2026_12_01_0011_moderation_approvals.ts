// Frozen: this migration imports nothing from the application and must run unchanged on SQLite and PostgreSQL.
// The moderation ledger (docs/decisions/021-closed-periods.md): every moderation action that changes a score — a staff
// exclusion or restore, an evaluator lifting an integrity exclusion — is a row here, with who asked, who decided and
// why. A staff action on a closed quarter waits with no decision until an evaluator of the region approves or rejects
// it; one response has at most one request waiting (a partial unique index, which both engines support).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moderation_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('response_id', 'varchar(36)', (c) => c.notNull().references('responses.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('action', 'varchar(10)', (c) => c.notNull().check(sql`action in ('exclude', 'restore')`))
    .addColumn('reason', 'varchar(40)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('requested_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decision', 'varchar(10)', (c) => c.check(sql`decision is null or decision in ('applied', 'approved', 'rejected')`))
    .addColumn('decision_reason', 'varchar(500)')
    .execute();
  await db.schema.createIndex('moderation_requests_unit_idx').on('moderation_requests').columns(['unit_id', 'requested_at']).execute();
  await db.schema
    .createIndex('moderation_requests_one_pending_idx')
    .on('moderation_requests')
    .column('response_id')
    .unique()
    .where(sql.ref('decision'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('moderation_requests').execute();
}
