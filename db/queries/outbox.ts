// The mail outbox (issue 27 item 1, docs/decisions/060-mail-outbox.md). A mail is enqueued inside the caller's
// transaction, so it exists exactly when what caused it was committed; the worker (server/jobs/outbox.ts) claims due
// rows one at a time with a lease, sends them, and marks each sent or failed with a backoff.
import { sql, type Kysely, type Transaction } from 'kysely';
import { messageIdOf, retryDelayMs } from '../../core/domain/outbox.ts';
import { uuidV4, uuidV7 } from '../../core/domain/ids.ts';
import { REPLY_NOTICE_KIND } from '../../core/domain/reply-subscription.ts';
import type { Database, OutboxMail, OutboxTable } from '../../core/schema.ts';

/** What a caller gives to queue a mail (the words already in the recipient's language). */
export type NewMail = Pick<OutboxTable, 'kind' | 'recipient' | 'subject' | 'text' | 'html'> & {
  /** "id" unless the account chose English. */
  language?: 'id' | 'en';
  /** Further headers (e.g. List-Unsubscribe). */
  headers?: Record<string, string>;
};

/** The longest last_error kept. */
const MAX_ERROR_CHARS = 1000;

/**
 * Queues a mail. Call it with the transaction that writes what caused the mail: rolled back, the mail is gone with it.
 * `domain` is the right part of the Message-ID (core/domain/outbox.ts messageIdDomain).
 */
export async function enqueueMail(
  db: Kysely<Database> | Transaction<Database>,
  mail: NewMail,
  options: { now: Date; domain: string },
): Promise<{ id: string; messageId: string }> {
  const id = uuidV7(options.now.getTime());
  const messageId = messageIdOf(id, options.domain);
  await db
    .insertInto('outbox')
    .values({
      id,
      kind: mail.kind,
      recipient: mail.recipient,
      language: mail.language ?? 'id',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      message_id: messageId,
      created_at: options.now.toISOString(),
      attempts: 0,
      next_attempt_at: options.now.toISOString(),
    })
    .execute();
  return { id, messageId };
}

/** A row this worker holds: send it, then markMailSent or recordMailFailure with the same claim. */
export interface ClaimedMail extends OutboxMail {
  claim_id: string;
}

/**
 * Claims the next due mail for `leaseMs`, or returns undefined when none is due. The claim is one UPDATE that matches
 * only an unclaimed row (or one whose lease ran out) and counts as a try; a row another process claimed in between
 * updates nothing here, and the next candidate is tried. Works the same on SQLite and PostgreSQL (where the UPDATE
 * re-checks its WHERE on the row it waited for).
 */
export async function claimNextMail(db: Kysely<Database>, now: Date, leaseMs: number): Promise<ClaimedMail | undefined> {
  const at = now.toISOString();
  const candidates = await db
    .selectFrom('outbox')
    .select('id')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(8)
    .execute();
  for (const { id } of candidates) {
    const claimId = uuidV4();
    const result = await db
      .updateTable('outbox')
      .set((eb) => ({ claimed_until: new Date(now.getTime() + leaseMs).toISOString(), claim_id: claimId, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).where('claim_id', '=', claimId).executeTakeFirst();
    if (row) return { ...row, claim_id: claimId };
  }
  return undefined;
}

/**
 * Marks a claimed mail sent; false when the claim was lost (its lease ran out and another worker took the row). A
 * resident's reply notice forgets its address as it is marked sent (decision 063: the address is used once).
 */
export async function markMailSent(db: Kysely<Database>, mail: ClaimedMail, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      sent_at: now.toISOString(), next_attempt_at: null, claimed_until: null, claim_id: null, last_error: null,
      recipient: sql<string>`CASE WHEN kind = ${REPLY_NOTICE_KIND} THEN '' ELSE recipient END`,
    })
    .where('id', '=', mail.id)
    .where('claim_id', '=', mail.claim_id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a failed try of a claimed mail: due again after the backoff (core/domain/outbox.ts), or failed for good
 * after MAX_MAIL_ATTEMPTS tries (failed_at set, kept with its last error). Returns when it is due again, or null.
 */
export async function recordMailFailure(db: Kysely<Database>, mail: ClaimedMail, now: Date, error: string, firstRetryMs?: number): Promise<Date | null> {
  const delay = retryDelayMs(mail.attempts, firstRetryMs);
  const next = delay === null ? null : new Date(now.getTime() + delay);
  await db
    .updateTable('outbox')
    .set({
      next_attempt_at: next?.toISOString() ?? null,
      failed_at: next ? null : now.toISOString(),
      claimed_until: null,
      claim_id: null,
      last_error: error.slice(0, MAX_ERROR_CHARS),
    })
    .where('id', '=', mail.id)
    .where('claim_id', '=', mail.claim_id)
    .execute();
  return next;
}

/** The mails of the outbox that are neither sent nor given up, and those given up (failed_at set), counted. */
export async function outboxCounts(db: Kysely<Database>, kind?: string): Promise<{ pending: number; failed: number; sent: number }> {
  const rows = await db
    .selectFrom('outbox')
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.case().when('sent_at', 'is not', null).then('sent').when('failed_at', 'is not', null).then('failed').else('pending').end().as('state'),
    ])
    .groupBy('state')
    .execute();
  const counts = { pending: 0, failed: 0, sent: 0 };
  for (const r of rows) counts[r.state as keyof typeof counts] = Number(r.n);
  return counts;
}

/** Deletes mails sent before `before` (the outbox keeps sent mail a while for support, not for ever). */
export async function purgeSentMail(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('outbox').where('sent_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

