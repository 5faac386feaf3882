// The publication log (issue 18): when and on which medium a unit's results were published.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PublicationMedium, PublicationSource } from '../../core/schema.ts';

export interface PublicationEntry {
  unitId: string;
  medium: PublicationMedium;
  source: PublicationSource;
  /** The unit's local date (YYYY-MM-DD). */
  publishedOn: string;
  period?: string | null;
  note?: string | null;
  evidenceUrl?: string | null;
  createdBy?: string | null;
}

/**
 * Logs a publication. One row per unit, source, medium and day: logging the same again that day (a screen that
 * refreshes, a widget loaded a thousand times) changes nothing. Returns true when the row is new.
 */
export async function logPublication(db: Kysely<Database>, entry: PublicationEntry, now: Date): Promise<boolean> {
  const r = await db.insertInto('publications').values({
    id: randomUUID(), unit_id: entry.unitId, medium: entry.medium, source: entry.source, published_on: entry.publishedOn,
    period: entry.period ?? null, note: entry.note ?? null, evidence_url: entry.evidenceUrl ?? null,
    created_by: entry.createdBy ?? null, created_at: now.toISOString(),
  }).onConflict((oc) => oc.columns(['unit_id', 'source', 'medium', 'published_on']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The publications of these units dated from `from` to `to` (local dates, inclusive), oldest first. */
export async function listPublications(db: Kysely<Database>, unitIds: readonly string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('publications')
    .select(['id', 'unit_id', 'medium', 'source', 'published_on', 'period', 'note', 'evidence_url', 'created_by', 'created_at'])
    .where('unit_id', 'in', unitIds).where('published_on', '>=', from).where('published_on', '<=', to)
    .orderBy('published_on').orderBy('source').orderBy('medium').execute();
}

/** Notes that the unit's waiting-room screen polled in this local hour (issue 24 F10); true when the hour is new. */
export async function noteScreenHour(db: Kysely<Database>, unitId: string, localDate: string, localHour: number): Promise<boolean> {
  const r = await db.insertInto('screen_hours').values({ unit_id: unitId, local_date: localDate, local_hour: localHour })
    .onConflict((oc) => oc.columns(['unit_id', 'local_date', 'local_hour']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The distinct hours the unit's screen polled, per local date from `from` to `to` (inclusive). */
export async function screenHoursByDay(db: Kysely<Database>, unitId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('screen_hours').select(['local_date', (eb) => eb.fn.countAll<number>().as('hours')])
    .where('unit_id', '=', unitId).where('local_date', '>=', from).where('local_date', '<=', to)
    .groupBy('local_date').execute();
  return new Map(rows.map((r) => [r.local_date, Number(r.hours)]));
}
