import type { Kysely, Transaction } from 'kysely';
import { emptyRollup, rollupContribution } from '../../core/domain/rollup.ts';
import type { Answers } from '../../core/domain/skm.ts';
import type { Database, NewResponse } from '../../core/schema.ts';
import { ackCommentReview, commentReviewColumns } from './comment-review.ts';
import { reusable } from './compiled.ts';
import { applyRollupDelta, type RollupBuffer } from './rollups.ts';

export interface RatingRecord {
  id: string;
  receipt: string;
  unitId: string;
  serviceId: string | null;
  createdAt: string;
  localDate: string;
  localHour: number;
  channel: string;
  answers: Answers;
  gender: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
  /** Must already be redacted. */
  comment: string | null;
  idempotencyKey: string;
  ipHash: string | null;
  visitCode: string | null;
  deviceId: string | null;
  /** The hashed browser token and the id of the valid form ticket it carried (core/domain/form-ticket.ts). */
  browserHash: string | null;
  ticketId: string | null;
  /** The quarter and address key of the bounded-influence rule (docs/decisions/045); null for kiosks. */
  addressPeriod: string | null;
  addressKey: string | null;
  /** Held back by the integrity checks: stored excluded, counted as excluded, answered as accepted. */
  exclusionReason: string | null;
}

export interface RatingAck {
  id: string;
  receipt: string;
  status: 'accepted' | 'verified';
  /** The comment's text waits for review outside the unit (decision 019); the rating counts at once. */
  commentReview?: 'pending';
}

export type RecordOutcome =
  | { outcome: 'created' | 'replayed'; ack: RatingAck }
  | { outcome: 'visit_code_unknown' | 'visit_code_spent' };

/**
 * The first answer given for this key at this unit, if any. A held-back rating is answered exactly like a counted one
 * (a valid visit code makes it "verified" either way), so the answer tells a bot nothing about the checks.
 */
export async function findAck(db: Kysely<Database>, unitId: string, key: string): Promise<RatingAck | undefined> {
  const row = (await ackByKey.execute(db, { unitId, key })).rows[0];
  const review = row && ackCommentReview(row);
  return row && { id: row.id, receipt: row.receipt, status: row.verified ? 'verified' : 'accepted', ...(review ? { commentReview: review } : {}) };
}

const ackByKey = reusable<{ unitId: string; key: string }>()((db, p) => db
  .selectFrom('responses')
  .select(['id', 'receipt', 'verified', 'comment_review_flags'])
  .where('unit_id', '=', p('unitId'))
  .where('idempotency_key', '=', p('key')));

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505';
}

/**
 * Stores a rating and adds it to its rollups, inside the caller's transaction (the rating route runs it with the
 * rating's throttle slots and integrity checks, in a group commit: db/group-commit.ts), its rollups added to `rollups`
 * when given. The caller has already looked the idempotency key up with findAck in the same transaction (a retry is
 * answered before anything else, throttling included). A visit code, when given, must be this unit's and unused, and is
 * spent by the same transaction. A unique violation (a racing process stored the same key first) is thrown: the caller
 * answers with findAck once its transaction is rolled back.
 */
// Every column named, so that one compiled statement serves every rating.
const RESPONSE_COLUMNS = [
  'id', 'unit_id', 'service_id', 'created_at', 'local_date', 'local_hour', 'channel', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9',
  'gender', 'age', 'education', 'occupation', 'comment', 'idempotency_key', 'receipt', 'ip_hash', 'verified', 'visit_code_id',
  'exclusion_reason', 'excluded_at', 'comment_hidden_reason', 'comment_hidden_at', 'device_id', 'browser_hash', 'ticket_hash',
  'comment_review', 'comment_review_flags', 'address_period', 'address_key',
] as const satisfies readonly (keyof NewResponse)[];
type ResponseRow = Required<Pick<NewResponse, (typeof RESPONSE_COLUMNS)[number]>>;
const insertResponse = reusable<ResponseRow>()((db, p) =>
  db.insertInto('responses').values(Object.fromEntries(RESPONSE_COLUMNS.map((c) => [c, p(c)])) as NewResponse));

export async function insertRating(trx: Transaction<Database>, r: RatingRecord, rollups?: RollupBuffer): Promise<RecordOutcome> {
  let visitCodeId: string | null = null;
  if (r.visitCode) {
    const code = await trx
      .selectFrom('visit_codes')
      .select(['id', 'used_at'])
      .where('unit_id', '=', r.unitId)
      .where('code', '=', r.visitCode)
      .executeTakeFirst();
    if (!code) return { outcome: 'visit_code_unknown' };
    if (code.used_at) return { outcome: 'visit_code_spent' };
    const spent = await trx
      .updateTable('visit_codes')
      .set({ used_at: r.createdAt, response_id: r.id })
      .where('id', '=', code.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return { outcome: 'visit_code_spent' };
    visitCodeId = code.id;
  }
  const verified = visitCodeId !== null;
  const a = r.answers;
  const review = commentReviewColumns(r.comment);
  const row: ResponseRow = {
    id: r.id,
    unit_id: r.unitId,
    service_id: r.serviceId,
    created_at: r.createdAt,
    local_date: r.localDate,
    local_hour: r.localHour,
    channel: r.channel,
    u1: a.U1, u2: a.U2, u3: a.U3, u4: a.U4, u5: a.U5, u6: a.U6, u7: a.U7, u8: a.U8, u9: a.U9,
    gender: r.gender,
    age: r.age,
    education: r.education,
    occupation: r.occupation,
    comment: r.comment,
    idempotency_key: r.idempotencyKey,
    receipt: r.receipt,
    ip_hash: r.ipHash,
    verified: verified ? 1 : 0,
    visit_code_id: visitCodeId,
    exclusion_reason: r.exclusionReason,
    excluded_at: r.exclusionReason ? r.createdAt : null,
    comment_hidden_reason: null,
    comment_hidden_at: null,
    device_id: r.deviceId,
    browser_hash: r.browserHash,
    ticket_hash: r.ticketId,
    comment_review: review.comment_review,
    comment_review_flags: review.comment_review_flags,
    address_period: r.addressPeriod,
    address_key: r.addressKey,
  };
  await insertResponse.execute(trx, row);
  // A kiosk's capture times must increase: remember the latest it sent (a back-dated one does not move it).
  if (r.deviceId) {
    await trx.updateTable('kiosk_devices').set({ last_captured_at: r.createdAt }).where('id', '=', r.deviceId)
      .where((eb) => eb.or([eb('last_captured_at', 'is', null), eb('last_captured_at', '<', r.createdAt)])).execute();
  }
  const key = { unitId: r.unitId, serviceId: r.serviceId, localDate: r.localDate };
  const [counts, excluded] = r.exclusionReason ? [emptyRollup(), 1] : [rollupContribution(r.answers, verified), 0];
  // In a group commit the batch adds its ratings' rollups together once they are all in (db/group-commit.ts).
  if (rollups) rollups.add(key, counts, excluded);
  else await applyRollupDelta(trx, key, counts, excluded);
  return { outcome: 'created', ack: { id: r.id, receipt: r.receipt, status: verified ? 'verified' : 'accepted', ...(review.comment_review ? { commentReview: review.comment_review } : {}) } };
}
