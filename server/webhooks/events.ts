// The webhook events built at their write points (docs/decisions/064): thin payloads {type, timestamp, data} with ids
// and links, never a resident's answers, comment text or when a resident rated. Each is queued inside the transaction
// that writes what caused it (db/queries/webhooks.ts queueWebhookEvent). Links use the portal's public address
// (RAPOR_PUBLIC_URL, else its local one), never a request's Host header.
import type { Transaction } from 'kysely';
import type { Database } from '../../core/schema.ts';
import type { WebhookEvent, WebhookPayload } from '../../core/domain/webhooks.ts';
import { queueWebhookEvent } from '../../db/queries/webhooks.ts';
import type { AppDeps } from '../deps.ts';
import { mailBase } from '../mail/queue.ts';

function payload(type: WebhookEvent, at: Date, data: WebhookPayload['data']): WebhookPayload {
  return { type, timestamp: at.toISOString(), data };
}

const base = (deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>) => mailBase(deps).replace(/\/$/, '');

/** reply.published: a unit published a reply to a comment (the reply is public; the comment's text is not sent). */
export function replyPublished(trx: Transaction<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>, unit: { id: string; slug: string }, replyId: string, at: Date) {
  const b = base(deps);
  return queueWebhookEvent(trx, {
    unitIds: [unit.id],
    payload: payload('reply.published', at, { unit: unit.slug, replyId, url: `${b}/unit/${unit.slug}`, api: `${b}/api/units/${unit.slug}/comments` }),
  }, at);
}

/** evidence.locked: a period's evidence was locked for a unit, a region or every unit (one delivery per endpoint). */
export function evidenceLocked(
  trx: Transaction<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>,
  lock: { id: string; version: number; period: string; scope: string; unitIds: string[] }, at: Date,
) {
  const b = base(deps);
  return queueWebhookEvent(trx, {
    unitIds: lock.unitIds,
    payload: payload('evidence.locked', at, { lockId: lock.id, version: lock.version, period: lock.period, scope: lock.scope, url: `${b}/bukti/${lock.id}`, api: `${b}/api/evidence/locks/${lock.id}` }),
  }, at);
}

/** The start of the next whole UTC hour: review.queued waits for it, and says it, so it never tells when a resident rated. */
export function nextWholeHour(at: Date): Date {
  const hour = 3_600_000;
  return new Date(Math.floor(at.getTime() / hour) * hour + hour);
}

/**
 * review.queued: a comment of a unit waits for review (decision 019). Called only for a rating whose comment was held,
 * so a rating without one runs no query more. Neither the rating's id nor its time is sent: the delivery waits for
 * the next whole hour and carries that hour as its timestamp.
 */
export function reviewQueued(trx: Transaction<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>, unit: { id: string; slug: string }, at: Date) {
  const b = base(deps);
  const hour = nextWholeHour(at);
  return queueWebhookEvent(trx, {
    unitIds: [unit.id],
    notBefore: hour,
    payload: payload('review.queued', hour, { unit: unit.slug, api: `${b}/api/review/comments?status=pending` }),
  }, at);
}

/** period.closed: a unit's quarter closed (decision 021); its figures are final. */
export function periodClosed(trx: Transaction<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>, unit: { id: string; slug: string }, period: string, at: Date) {
  const b = base(deps);
  return queueWebhookEvent(trx, {
    unitIds: [unit.id],
    payload: payload('period.closed', at, { unit: unit.slug, period, url: `${b}/unit/${unit.slug}`, api: `${b}/api/units/${unit.slug}/scores?period=${period}` }),
  }, at);
}

/** comment.awaiting_reply: a unit's public comments of one day still wait for a reply after 3 working days (how many). */
export function commentsAwaitingReply(
  trx: Transaction<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>, unit: { id: string; slug: string }, day: string, waiting: number, at: Date,
) {
  const b = base(deps);
  return queueWebhookEvent(trx, {
    unitIds: [unit.id],
    payload: payload('comment.awaiting_reply', at, { unit: unit.slug, date: day, waiting, url: `${b}/unit/${unit.slug}`, api: `${b}/api/units/${unit.slug}/comments` }),
  }, at);
}

/** followup.overdue: a follow-up item passed its due date without being done. */
export function followUpOverdue(
  trx: Transaction<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>, unit: { id: string; slug: string }, item: { id: string; dueDate: string }, at: Date,
) {
  const b = base(deps);
  return queueWebhookEvent(trx, {
    unitIds: [unit.id],
    payload: payload('followup.overdue', at, { unit: unit.slug, followUpId: item.id, dueDate: item.dueDate, api: `${b}/api/units/${unit.slug}/follow-ups` }),
  }, at);
}
