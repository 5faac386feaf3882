// Frozen: a comment that names a person or alleges misconduct waits for review by someone outside the unit (an
// evaluator of its region or an administrator) before its text is published (issue 15 finding 14, decision 019).
// Null in comment_review: the comment never needed a review (every row written before this migration).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // 'pending' | 'published' | 'withheld'
  await db.schema.alterTable('responses').addColumn('comment_review', 'varchar(10)').execute();
  // Why it waits: 'names_person', 'alleges_misconduct' or both, comma-separated.
  await db.schema.alterTable('responses').addColumn('comment_review_flags', 'varchar(60)').execute();
  // The reviewer's written reason, who decided and when.
  await db.schema.alterTable('responses').addColumn('comment_review_reason', 'varchar(500)').execute();
  await db.schema.alterTable('responses').addColumn('comment_reviewed_by', 'varchar(36)').execute();
  await db.schema.alterTable('responses').addColumn('comment_reviewed_at', 'varchar(30)').execute();
  await db.schema.createIndex('responses_comment_review_idx').on('responses').columns(['comment_review', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_comment_review_idx').execute();
  for (const column of ['comment_reviewed_at', 'comment_reviewed_by', 'comment_review_reason', 'comment_review_flags', 'comment_review']) {
    await db.schema.alterTable('responses').dropColumn(column).execute();
  }
}
