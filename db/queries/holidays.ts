// The holiday calendar. Changing it recomputes the stored working days of every completed permit report whose
// interval holds the changed date, in the same transaction (issue: permit times).
import type { Kysely, Transaction } from 'kysely';
import { permitTiming, type SlaUnit } from '../../core/domain/working-days.ts';
import type { Database } from '../../core/schema.ts';

export async function holidaySet(db: Kysely<Database> | Transaction<Database>, from?: string, to?: string): Promise<Set<string>> {
  let query = db.selectFrom('holidays').select('date');
  if (from) query = query.where('date', '>=', from);
  if (to) query = query.where('date', '<=', to);
  return new Set((await query.execute()).map((h) => h.date));
}

export async function listHolidays(db: Kysely<Database>, year?: string) {
  let query = db.selectFrom('holidays').selectAll().orderBy('date');
  if (year) query = query.where('date', 'like', `${year}-%`);
  return query.execute();
}

/** Recomputes the completed reports whose (submitted, completed] interval contains `date`; returns how many changed. */
async function recomputeAround(trx: Transaction<Database>, date: string): Promise<number> {
  const reports = await trx
    .selectFrom('permit_reports')
    .select(['id', 'submitted_on', 'completed_on', 'sla_value', 'sla_unit', 'working_days', 'within_sla'])
    .where('completed_on', 'is not', null)
    .where('submitted_on', '<', date)
    .where('completed_on', '>=', date)
    .execute();
  if (reports.length === 0) return 0;
  const holidays = await holidaySet(trx);
  let changed = 0;
  for (const r of reports) {
    const t = permitTiming(r.submitted_on, r.completed_on, r.completed_on!, { value: r.sla_value, unit: r.sla_unit as SlaUnit }, holidays);
    const within = t.withinSla === null ? null : t.withinSla ? 1 : 0;
    if (t.workingDays === r.working_days && within === r.within_sla) continue;
    await trx.updateTable('permit_reports').set({ working_days: t.workingDays, calendar_days: t.calendarDays, within_sla: within }).where('id', '=', r.id).execute();
    changed++;
  }
  return changed;
}

/** Adds or renames a holiday; returns the number of permit reports whose figures changed. */
export async function setHoliday(db: Kysely<Database>, holiday: { date: string; name: string; kind: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('holidays')
      .values(holiday)
      .onConflict((oc) => oc.column('date').doUpdateSet({ name: holiday.name, kind: holiday.kind }))
      .execute();
    return recomputeAround(trx, holiday.date);
  });
}

/** Removes a holiday; returns the number of permit reports whose figures changed, or null if there was none. */
export async function removeHoliday(db: Kysely<Database>, date: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('holidays').where('date', '=', date).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return null;
    return recomputeAround(trx, date);
  });
}
