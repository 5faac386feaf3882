import { sql, type Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';
import { evidenceBytesOfUnit } from './unit-limits.ts';

/** A unit's follow-up plan items (public), latest due date first. */
export async function listFollowUps(db: Kysely<Database>, unitId: string) {
  return db
    .selectFrom('follow_ups')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('due_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export interface FollowUpFields {
  period: string;
  element: string | null;
  problem: string;
  action: string;
  responsible: string;
  dueDate: string;
  status: string;
  progress: number;
  evidenceUrl: string | null;
}

function columns(f: Partial<FollowUpFields>) {
  const out: Record<string, unknown> = {};
  if (f.period !== undefined) out.period = f.period;
  if (f.element !== undefined) out.element = f.element;
  if (f.problem !== undefined) out.problem = f.problem;
  if (f.action !== undefined) out.action = f.action;
  if (f.responsible !== undefined) out.responsible = f.responsible;
  if (f.dueDate !== undefined) out.due_date = f.dueDate;
  if (f.status !== undefined) out.status = f.status;
  if (f.progress !== undefined) out.progress = f.progress;
  if (f.evidenceUrl !== undefined) out.evidence_url = f.evidenceUrl;
  return out;
}

/**
 * Creates an item. `today` is the unit's local date: the day it is planned on, and started on / completed on when it is
 * created as berjalan / selesai (the register's status dates, issue 18).
 */
export async function createFollowUp(db: Kysely<Database>, unitId: string, id: string, f: FollowUpFields, userId: string, now: Date, today = now.toISOString().slice(0, 10)) {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('follow_ups')
      .values({
        id, unit_id: unitId, period: f.period, element: f.element, problem: f.problem, action: f.action, responsible: f.responsible,
        due_date: f.dueDate, status: f.status, progress: f.progress, evidence_url: f.evidenceUrl,
        completed_on: f.status === 'selesai' ? today : null, created_at: at, updated_at: at,
        planned_on: today, started_on: f.status === 'rencana' ? null : today,
      })
      .execute();
    await writeAudit(trx, { userId, action: 'follow_up.create', unitId, target: id }, now);
  });
}

/**
 * Updates an item of the unit; the completion date is set when it becomes "selesai" and cleared if reopened; the start
 * date is set the first time it leaves "rencana" (kept if it goes back). `today` is the unit's local date.
 */
export async function updateFollowUp(db: Kysely<Database>, unitId: string, id: string, f: Partial<FollowUpFields>, userId: string, now: Date, today = now.toISOString().slice(0, 10)): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('follow_ups').select(['status', 'completed_on', 'started_on']).where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
    if (!current) return false;
    const set: Record<string, unknown> = { ...columns(f), updated_at: now.toISOString() };
    if (f.status !== undefined && f.status !== 'rencana' && current.started_on === null) set.started_on = today;
    if (f.status === 'selesai' && current.status !== 'selesai') set.completed_on = today;
    if (f.status !== undefined && f.status !== 'selesai') set.completed_on = null;
    await trx.updateTable('follow_ups').set(set).where('id', '=', id).execute();
    await writeAudit(trx, { userId, action: 'follow_up.update', unitId, target: id, details: { fields: Object.keys(f) } }, now);
    return true;
  });
}

export interface NewEvidenceUpload {
  id: string;
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
}

/** What a unit may store (issue 24 F3): bytes in all, and bytes uploaded in its local day [dayStart, dayEnd). */
export interface EvidenceLimits {
  quotaBytes: number;
  perDayBytes: number;
  dayStart: string;
  dayEnd: string;
}

export type EvidenceAdded =
  | { ok: true }
  | { ok: false; reason: 'no_item' }
  | { ok: false; reason: 'quota' | 'daily'; usedBytes: number; limitBytes: number };

/**
 * Stores an evidence file of an item of the unit, audited with its hash, if the unit's storage quota and day's upload
 * cap leave room for it. The unit's row is touched first, so concurrent uploads of one unit queue on PostgreSQL and
 * cannot both pass the check (SQLite writes one transaction at a time anyway).
 */
export async function addFollowUpEvidence(db: Kysely<Database>, unitId: string, followUpId: string, file: NewEvidenceUpload, userId: string, now: Date, limits: EvidenceLimits): Promise<EvidenceAdded> {
  return db.transaction().execute(async (trx): Promise<EvidenceAdded> => {
    const item = await trx.selectFrom('follow_ups').select('id').where('id', '=', followUpId).where('unit_id', '=', unitId).executeTakeFirst();
    if (!item) return { ok: false, reason: 'no_item' };
    await trx.updateTable('units').set((eb) => ({ evidence_quota_mb: eb.ref('evidence_quota_mb') })).where('id', '=', unitId).execute();
    const used = await evidenceBytesOfUnit(trx, unitId, limits.dayStart, limits.dayEnd);
    if (used.total + file.bytes.length > limits.quotaBytes) return { ok: false, reason: 'quota', usedBytes: used.total, limitBytes: limits.quotaBytes };
    if (used.today + file.bytes.length > limits.perDayBytes) return { ok: false, reason: 'daily', usedBytes: used.today, limitBytes: limits.perDayBytes };
    await trx.insertInto('follow_up_evidence').values({
      id: file.id, follow_up_id: followUpId, unit_id: unitId, name: file.name, media_type: file.mediaType,
      content_base64: Buffer.from(file.bytes).toString('base64'), bytes: file.bytes.length, sha256: file.sha256, created_by: userId, created_at: now.toISOString(),
    }).execute();
    await writeAudit(trx, { userId, action: 'follow_up.evidence', unitId, target: followUpId, details: { file: file.id, name: file.name, sha256: file.sha256, bytes: file.bytes.length } }, now);
    return { ok: true };
  });
}

/** Base64 characters read per query when a file is streamed: 3 MiB of the file, whatever its size. */
export const EVIDENCE_CHUNK_CHARS = 4 * 1024 * 1024;

/**
 * One slice of a stored evidence file's base64 text (`offset` and `length` in characters, multiples of 4), so the pack
 * streams a file without holding it (issue 24 F3). substr counts characters on both engines; base64 is ASCII.
 */
export async function followUpEvidenceSlice(db: Kysely<Database>, unitId: string, fileId: string, offset: number, length: number): Promise<string> {
  const row = await db.selectFrom('follow_up_evidence')
    .select(sql<string>`substr(content_base64, cast(${offset + 1} as integer), cast(${length} as integer))`.as('part'))
    .where('unit_id', '=', unitId).where('id', '=', fileId).executeTakeFirst();
  return row?.part ?? '';
}

/** The evidence files of a unit's items without their content (name, type, size, hash). */
export async function followUpEvidenceList(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('follow_up_evidence').select(['id', 'follow_up_id', 'name', 'media_type', 'bytes', 'sha256', 'created_at'])
    .where('unit_id', '=', unitId).orderBy('created_at').orderBy('id').execute();
}

export async function followUpEvidenceFile(db: Kysely<Database>, unitId: string, followUpId: string, fileId: string) {
  return db.selectFrom('follow_up_evidence').selectAll().where('unit_id', '=', unitId).where('follow_up_id', '=', followUpId).where('id', '=', fileId).executeTakeFirst();
}
