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

export async function createFollowUp(db: Kysely<Database>, unitId: string, id: string, f: FollowUpFields, userId: string, now: Date) {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('follow_ups')
      .values({
        id, unit_id: unitId, period: f.period, element: f.element, problem: f.problem, action: f.action, responsible: f.responsible,
        due_date: f.dueDate, status: f.status, progress: f.progress, evidence_url: f.evidenceUrl,
        completed_on: f.status === 'selesai' ? at.slice(0, 10) : null, created_at: at, updated_at: at,
      })
      .execute();
    await writeAudit(trx, { userId, action: 'follow_up.create', unitId, target: id }, now);
  });
}

/** Updates an item of the unit; the completion date is set when it becomes "selesai" and cleared if reopened. */
export async function updateFollowUp(db: Kysely<Database>, unitId: string, id: string, f: Partial<FollowUpFields>, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('follow_ups').select(['status', 'completed_on']).where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
    if (!current) return false;
    const set: Record<string, unknown> = { ...columns(f), updated_at: now.toISOString() };
    if (f.status === 'selesai' && current.status !== 'selesai') set.completed_on = now.toISOString().slice(0, 10);
    if (f.status !== undefined && f.status !== 'selesai') set.completed_on = null;
    await trx.updateTable('follow_ups').set(set).where('id', '=', id).execute();
    await writeAudit(trx, { userId, action: 'follow_up.update', unitId, target: id, details: { fields: Object.keys(f) } }, now);
    return true;
  });
}
