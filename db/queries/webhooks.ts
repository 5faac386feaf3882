// Signed webhooks (issue 27 item 5, docs/decisions/064-signed-webhooks.md): endpoints, and the webhook outbox of
// deliveries. An event is queued with queueWebhookEvent inside the transaction that writes what caused it, one row per
// endpoint that subscribes to it and whose scope covers one of its units; the worker (server/jobs/webhooks.ts) claims
// due rows one at a time with a lease, as the mail outbox does (decision 060).
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidV4, uuidV7 } from '../../core/domain/ids.ts';
import type { WebhookEvent, WebhookPayload } from '../../core/domain/webhooks.ts';
import type { Database, WebhookDelivery, WebhookEndpoint } from '../../core/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const MAX_ERROR_CHARS = 1000;

/** "prefix_" and a UUID v7 without dashes: sortable by creation, unguessable enough for an id (not a secret). */
export function webhookId(prefix: 'ep' | 'msg', now: Date): string {
  return `${prefix}_${uuidV7(now.getTime()).replace(/-/g, '')}`;
}

export interface NewWebhookEndpoint {
  id: string;
  ownerUserId: string;
  url: string;
  events: readonly WebhookEvent[];
  unitId: string | null;
  regionCode: string | null;
  secretSealed: string;
}

export async function insertWebhookEndpoint(db: Db, e: NewWebhookEndpoint, now: Date): Promise<void> {
  await db.insertInto('webhook_endpoints').values({
    id: e.id, owner_user_id: e.ownerUserId, url: e.url, events: e.events.join(','), unit_id: e.unitId, region_code: e.regionCode,
    secret_sealed: e.secretSealed, created_at: now.toISOString(), secret_rotated_at: null, previous_secret_sealed: null,
    previous_secret_until: null, paused_at: null, disabled_at: null, disabled_reason: null,
  }).execute();
}

/** The endpoints an account may see: its own, or every one for an administrator (`ownerUserId` null). */
export async function listWebhookEndpoints(db: Kysely<Database>, ownerUserId: string | null) {
  let q = db.selectFrom('webhook_endpoints')
    .leftJoin('units', 'units.id', 'webhook_endpoints.unit_id')
    .select(['webhook_endpoints.id', 'url', 'events', 'units.slug as unitSlug', 'webhook_endpoints.region_code', 'owner_user_id',
      'webhook_endpoints.created_at', 'secret_rotated_at', 'paused_at', 'disabled_at', 'disabled_reason'])
    .orderBy('webhook_endpoints.id');
  if (ownerUserId) q = q.where('owner_user_id', '=', ownerUserId);
  return q.execute();
}

/** One endpoint, if the account may see it (its owner, or an administrator with `ownerUserId` null). */
export async function findWebhookEndpoint(db: Db, id: string, ownerUserId: string | null): Promise<WebhookEndpoint | undefined> {
  let q = db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id);
  if (ownerUserId) q = q.where('owner_user_id', '=', ownerUserId);
  return q.executeTakeFirst();
}

/** Pauses or resumes an endpoint; resuming also lifts a disabling (a 410) once the receiver is fixed. */
export async function setWebhookPaused(db: Db, id: string, paused: boolean, now: Date): Promise<void> {
  await db.updateTable('webhook_endpoints')
    .set(paused ? { paused_at: now.toISOString() } : { paused_at: null, disabled_at: null, disabled_reason: null })
    .where('id', '=', id).execute();
}

/** A new secret; the old one keeps signing (a second signature) until `previousUntil`. */
export async function rotateWebhookSecret(db: Db, id: string, sealed: string, previousUntil: Date, now: Date): Promise<void> {
  await db.updateTable('webhook_endpoints')
    .set((eb) => ({ previous_secret_sealed: eb.ref('secret_sealed'), previous_secret_until: previousUntil.toISOString(), secret_sealed: sealed, secret_rotated_at: now.toISOString() }))
    .where('id', '=', id).execute();
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhookEndpoint(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

export async function disableWebhookEndpoint(db: Db, id: string, reason: string, now: Date): Promise<void> {
  await db.updateTable('webhook_endpoints').set({ disabled_at: now.toISOString(), disabled_reason: reason }).where('id', '=', id).execute();
}

/**
 * Queues an event for every active endpoint (neither paused nor disabled, its owner's account not disabled) that
 * subscribes to its type and covers one of `unitIds`: an endpoint of one of them, of a region above one of them, or of
 * every unit. One row per endpoint (not per unit), each with its own webhook-id. Returns how many were queued.
 * Call it in the transaction that writes what caused the event. `notBefore` holds the delivery back (review.queued).
 */
export async function queueWebhookEvent(
  db: Db, event: { payload: WebhookPayload; unitIds: readonly string[]; notBefore?: Date }, now: Date,
): Promise<number> {
  if (event.unitIds.length === 0) return 0;
  const pattern = `%,${event.payload.type},%`;
  const units = sql.join(event.unitIds);
  const rows = await sql<{ id: string }>`
    with recursive up(code) as (
      select region_code from units where id in (${units})
      union
      select regions.parent_code from regions join up on regions.code = up.code where regions.parent_code is not null
    )
    select e.id from webhook_endpoints e
    join users u on u.id = e.owner_user_id and u.disabled_at is null
    where e.paused_at is null and e.disabled_at is null
      and (',' || e.events || ',') like ${pattern}
      and (e.unit_id in (${units}) or (e.unit_id is null and (e.region_code is null or e.region_code in (select code from up))))
    order by e.id`.execute(db);
  if (rows.rows.length === 0) return 0;
  const body = JSON.stringify(event.payload);
  const due = (event.notBefore ?? now).toISOString();
  await db.insertInto('webhook_deliveries').values(rows.rows.map((r) => ({
    id: webhookId('msg', now), endpoint_id: r.id, event_type: event.payload.type, payload: body, created_at: now.toISOString(),
    attempts: 0, next_attempt_at: due, claimed_until: null, claim_id: null, delivered_at: null, failed_at: null,
    last_status: null, last_error: null, last_attempt_at: null,
  }))).execute();
  return rows.rows.length;
}

/** A delivery this worker holds, with what it needs to send it. */
export interface ClaimedDelivery extends WebhookDelivery {
  claim_id: string;
  endpoint: Pick<WebhookEndpoint, 'id' | 'url' | 'secret_sealed' | 'previous_secret_sealed' | 'previous_secret_until'>;
}

/**
 * Claims the next due delivery of an active endpoint for `leaseMs` (one UPDATE that matches only an unclaimed row or
 * an expired claim, counted as a try), or answers undefined when none is due.
 */
export async function claimNextDelivery(db: Kysely<Database>, now: Date, leaseMs: number): Promise<ClaimedDelivery | undefined> {
  const at = now.toISOString();
  const candidates = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select('d.id')
    .where('d.next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<=', at)]))
    .where('e.paused_at', 'is', null)
    .where('e.disabled_at', 'is', null)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(8)
    .execute();
  for (const { id } of candidates) {
    const claimId = uuidV4();
    const result = await db
      .updateTable('webhook_deliveries')
      .set((eb) => ({ claimed_until: new Date(now.getTime() + leaseMs).toISOString(), claim_id: claimId, attempts: eb('attempts', '+', 1), last_attempt_at: at }))
      .where('id', '=', id)
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('claim_id', '=', claimId).executeTakeFirst();
    const endpoint = row && await db.selectFrom('webhook_endpoints')
      .select(['id', 'url', 'secret_sealed', 'previous_secret_sealed', 'previous_secret_until']).where('id', '=', row.endpoint_id).executeTakeFirst();
    if (row && endpoint) return { ...row, claim_id: claimId, endpoint };
  }
  return undefined;
}

/** Marks a claimed delivery delivered (2xx); false when the claim was lost. */
export async function markDelivered(db: Kysely<Database>, d: ClaimedDelivery, status: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('webhook_deliveries')
    .set({ delivered_at: now.toISOString(), next_attempt_at: null, claimed_until: null, claim_id: null, last_status: status, last_error: null })
    .where('id', '=', d.id).where('claim_id', '=', d.claim_id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed try: due again at `next`, or failed for good (next null). */
export async function recordDeliveryFailure(db: Kysely<Database>, d: ClaimedDelivery, status: number | null, error: string, next: Date | null, now: Date): Promise<void> {
  await db.updateTable('webhook_deliveries')
    .set({
      next_attempt_at: next?.toISOString() ?? null, failed_at: next ? null : now.toISOString(), claimed_until: null, claim_id: null,
      last_status: status, last_error: error.slice(0, MAX_ERROR_CHARS),
    })
    .where('id', '=', d.id).where('claim_id', '=', d.claim_id).execute();
}

/** An endpoint's delivery log, newest first. */
export async function webhookDeliveries(db: Kysely<Database>, endpointId: string, limit: number) {
  return db.selectFrom('webhook_deliveries')
    .select(['id', 'event_type', 'created_at', 'attempts', 'next_attempt_at', 'last_attempt_at', 'delivered_at', 'failed_at', 'last_status', 'last_error'])
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Sends a delivery again with its own webhook-id: due now, its schedule started afresh. False when no such delivery. */
export async function redeliver(db: Db, endpointId: string, deliveryId: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('webhook_deliveries')
    .set({ next_attempt_at: now.toISOString(), failed_at: null, delivered_at: null, attempts: 0, claimed_until: null, claim_id: null })
    .where('id', '=', deliveryId).where('endpoint_id', '=', endpointId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes deliveries delivered or given up before `before` (the log is for support, not for ever). */
export async function purgeOldDeliveries(db: Kysely<Database>, before: Date): Promise<number> {
  const at = before.toISOString();
  const result = await db.deleteFrom('webhook_deliveries')
    .where((eb) => eb.or([eb('delivered_at', '<', at), eb('failed_at', '<', at)])).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The key that seals webhook secrets when RAPOR_WEBHOOK_KEY is not set: made once, shared by every process. */
export async function storedWebhookKey(db: Kysely<Database>, fresh: () => string, now: Date): Promise<string> {
  const key = 'webhook_key';
  const existing = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return existing.value;
  await db.insertInto('settings').values({ key, value: fresh(), updated_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
}

/** The event types some active endpoint subscribes to (the time-based job looks for nothing else). */
export async function subscribedEventTypes(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('webhook_endpoints').select('events').distinct().where('paused_at', 'is', null).where('disabled_at', 'is', null).execute();
  return new Set(rows.flatMap((r) => r.events.split(',')));
}

/** Marks a time-based event queued; false when it already was (then queue nothing). Call it in the queueing transaction. */
export async function markOnce(db: Db, key: string, now: Date): Promise<boolean> {
  const result = await db.insertInto('webhook_marks').values({ key, created_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Every unit with its region's time zone. */
export async function unitsWithTimeZones(db: Kysely<Database>) {
  return db.selectFrom('units').innerJoin('regions', 'regions.code', 'units.region_code')
    .select(['units.id as id', 'units.slug as slug', 'regions.timezone as timezone']).orderBy('units.id').execute();
}

/** Follow-up items not done whose due date is from `from` and before `before` (the latest "today" of any time zone). */
export async function openFollowUpsDue(db: Kysely<Database>, from: string, before: string) {
  return db.selectFrom('follow_ups').innerJoin('units', 'units.id', 'follow_ups.unit_id').innerJoin('regions', 'regions.code', 'units.region_code')
    .select(['follow_ups.id as id', 'follow_ups.unit_id as unitId', 'units.slug as slug', 'regions.timezone as timezone', 'follow_ups.due_date as dueDate'])
    .where('follow_ups.status', '!=', 'selesai').where('follow_ups.due_date', '>=', from).where('follow_ups.due_date', '<', before)
    .orderBy('follow_ups.id').execute();
}

/**
 * Per unit of `unitIds` and local day from `from` to `to`, the public comments (not hidden, not held or withheld,
 * counted) still without a reply: how many.
 */
export async function unansweredCommentCounts(db: Kysely<Database>, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('responses')
    .select(['responses.unit_id as unitId', 'responses.local_date as localDate', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('responses.unit_id', 'in', unitIds)
    .where('responses.comment', 'is not', null)
    .where('responses.comment_hidden_at', 'is', null)
    .where('responses.exclusion_reason', 'is', null)
    .where((eb) => eb.or([eb('responses.comment_review', 'is', null), eb('responses.comment_review', '=', 'published')]))
    .where('responses.local_date', '>=', from)
    .where('responses.local_date', '<=', to)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('replies').select('replies.id').whereRef('replies.response_id', '=', 'responses.id'))))
    .groupBy(['responses.unit_id', 'responses.local_date'])
    .orderBy('responses.unit_id').orderBy('responses.local_date')
    .execute();
}
