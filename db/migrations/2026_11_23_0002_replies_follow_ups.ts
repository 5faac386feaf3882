// Frozen: public replies to comments, hiding a comment (never deleting it), and follow-up plan items (RTL).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('comment_hidden_reason', 'varchar(30)').execute();
  await db.schema.alterTable('responses').addColumn('comment_hidden_at', 'varchar(30)').execute();
  await db.schema.createIndex('responses_unit_created_idx').on('responses').columns(['unit_id', 'created_at']).execute();

  await db.schema
    .createTable('replies')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('response_id', 'varchar(36)', (c) => c.notNull().references('responses.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('replies_response_idx').on('replies').column('response_id').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'varchar(25)', (c) => c.notNull())
    .addColumn('element', 'varchar(2)')
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('responsible', 'varchar(200)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('evidence_url', 'varchar(500)')
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_unit_idx').on('follow_ups').columns(['unit_id', 'due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_ups').execute();
  await db.schema.dropTable('replies').execute();
  await db.schema.dropIndex('responses_unit_created_idx').execute();
  await db.schema.alterTable('responses').dropColumn('comment_hidden_at').execute();
  await db.schema.alterTable('responses').dropColumn('comment_hidden_reason').execute();
}
