import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { writeAudit } from './audit.ts';

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

/** Stores an evidence file of an item of the unit (false when there is no such item), audited with its hash. */
export async function addFollowUpEvidence(db: Kysely<Database>, unitId: string, followUpId: string, file: NewEvidenceUpload, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('follow_ups').select('id').where('id', '=', followUpId).where('unit_id', '=', unitId).executeTakeFirst();
    if (!item) return false;
    await trx.insertInto('follow_up_evidence').values({
      id: file.id, follow_up_id: followUpId, unit_id: unitId, name: file.name, media_type: file.mediaType,
      content_base64: Buffer.from(file.bytes).toString('base64'), bytes: file.bytes.length, sha256: file.sha256, created_by: userId, created_at: now.toISOString(),
    }).execute();
    await writeAudit(trx, { userId, action: 'follow_up.evidence', unitId, target: followUpId, details: { file: file.id, name: file.name, sha256: file.sha256, bytes: file.bytes.length } }, now);
    return true;
  });
}

/** The evidence files of a unit's items with their content (for the evidence pack), oldest first. */
export async function followUpEvidenceOfUnit(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('follow_up_evidence').selectAll().where('unit_id', '=', unitId).orderBy('created_at').orderBy('id').execute();
}

/** The evidence files of a unit's items without their content (name, type, size, hash). */
export async function followUpEvidenceList(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('follow_up_evidence').select(['id', 'follow_up_id', 'name', 'media_type', 'bytes', 'sha256', 'created_at'])
    .where('unit_id', '=', unitId).orderBy('created_at').orderBy('id').execute();
}

export async function followUpEvidenceFile(db: Kysely<Database>, unitId: string, followUpId: string, fileId: string) {
  return db.selectFrom('follow_up_evidence').selectAll().where('unit_id', '=', unitId).where('follow_up_id', '=', followUpId).where('id', '=', fileId).executeTakeFirst();
}
