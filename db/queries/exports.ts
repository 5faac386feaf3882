// Row sources for the exports: streamed from a cursor (Kysely's stream), filtered by period, region or unit, and
// always by the account's scope. Column order is the data dictionary's (docs/data-dictionary.md).
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { unitsInScope, type Scope } from './scope.ts';

export interface ExportFilter {
  scope: Scope;
  from: string;
  to: string;
  regionCodes: string[] | null;
  unitSlug: string | null;
}

const STREAM_CHUNK = 1000;

export function streamResponses(db: Kysely<Database>, f: ExportFilter, includeExcluded: boolean) {
  let q = db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .leftJoin('services', 'services.id', 'responses.service_id')
    .select([
      'responses.id as id', 'units.slug as unitSlug', 'units.name as unitName', 'units.region_code as regionCode',
      'services.slug as serviceSlug', 'responses.created_at as createdAt', 'responses.local_date as localDate',
      'responses.channel as channel', 'responses.verified as verified', 'responses.exclusion_reason as exclusionReason',
      'responses.u1 as u1', 'responses.u2 as u2', 'responses.u3 as u3', 'responses.u4 as u4', 'responses.u5 as u5',
      'responses.u6 as u6', 'responses.u7 as u7', 'responses.u8 as u8', 'responses.u9 as u9',
      'responses.gender as gender', 'responses.age as age', 'responses.education as education', 'responses.occupation as occupation',
      'responses.comment as comment', 'responses.comment_hidden_reason as commentHidden', 'responses.comment_review as commentReview',
    ])
    .where(unitsInScope(f.scope))
    .where('responses.local_date', '>=', f.from)
    .where('responses.local_date', '<=', f.to);
  if (!includeExcluded) q = q.where('responses.exclusion_reason', 'is', null);
  if (f.regionCodes) q = q.where('units.region_code', 'in', f.regionCodes);
  if (f.unitSlug) q = q.where('units.slug', '=', f.unitSlug);
  // A unit's own staff get rows by day, not in the order they arrived (issue 15, finding 8).
  if (f.scope.kind === 'unit') return q.orderBy('responses.local_date').orderBy('responses.id').stream(STREAM_CHUNK);
  return q.orderBy('responses.created_at').orderBy('responses.id').stream(STREAM_CHUNK);
}

export function streamPermitReports(db: Kysely<Database>, f: ExportFilter, includeExcluded = false) {
  let q = db
    .selectFrom('permit_reports')
    .innerJoin('units', 'units.id', 'permit_reports.unit_id')
    .innerJoin('services', 'services.id', 'permit_reports.service_id')
    .select([
      'permit_reports.id as id', 'units.slug as unitSlug', 'services.slug as serviceSlug', 'permit_reports.submitted_on as submittedOn',
      'permit_reports.completed_on as completedOn', 'permit_reports.working_days as workingDays', 'permit_reports.calendar_days as calendarDays',
      'permit_reports.sla_value as slaValue', 'permit_reports.sla_unit as slaUnit', 'permit_reports.within_sla as withinSla',
      'units.region_code as regionCode', 'services.name as serviceName', 'permit_reports.verified as verified',
      'permit_reports.exclusion_reason as exclusionReason',
    ])
    .where(unitsInScope(f.scope))
    .where((eb) => eb.or([
      eb.and([eb('permit_reports.completed_on', '>=', f.from), eb('permit_reports.completed_on', '<=', f.to)]),
      eb.and([eb('permit_reports.completed_on', 'is', null), eb('permit_reports.submitted_on', '>=', f.from), eb('permit_reports.submitted_on', '<=', f.to)]),
    ]));
  if (f.regionCodes) q = q.where('units.region_code', 'in', f.regionCodes);
  if (f.unitSlug) q = q.where('units.slug', '=', f.unitSlug);
  if (!includeExcluded) q = q.where('permit_reports.exclusion_reason', 'is', null);
  return q.orderBy('permit_reports.submitted_on').orderBy('permit_reports.id').stream(STREAM_CHUNK);
}

/** The units an export of scores or evidence covers. */
export async function unitsForExport(db: Kysely<Database>, f: Omit<ExportFilter, 'from' | 'to'>) {
  let q = db
    .selectFrom('units')
    .leftJoin('services', 'services.unit_id', 'units.id')
    .select(['units.id as id', 'units.slug as slug', 'units.name as name', 'units.region_code as regionCode'])
    .select((eb) => eb.fn.sum<number | null>('services.declared_users').as('declaredUsers'))
    .where(unitsInScope(f.scope))
    .groupBy(['units.id', 'units.slug', 'units.name', 'units.region_code']);
  if (f.regionCodes) q = q.where('units.region_code', 'in', f.regionCodes);
  if (f.unitSlug) q = q.where('units.slug', '=', f.unitSlug);
  const rows = await q.orderBy('units.slug').execute();
  return rows.map((r) => ({ ...r, declaredUsers: r.declaredUsers === null ? null : Number(r.declaredUsers) }));
}

/** Officials whose tenure overlaps the period, for the units given. */
export async function officialsForPeriod(db: Kysely<Database>, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('officials')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('from_date', '<=', to)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', from)]))
    .orderBy('unit_id')
    .orderBy('from_date')
    .execute();
}

export async function targetsFor(db: Kysely<Database>, unitIds: string[], year: number) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('targets').selectAll().where('unit_id', 'in', unitIds).where('year', '=', year).execute();
}

/** Follow-up items due within the period, for the share done on time. */
export async function followUpsDue(db: Kysely<Database>, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('follow_ups')
    .select(['unit_id', 'status', 'due_date', 'completed_on'])
    .where('unit_id', 'in', unitIds)
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .execute();
}

/** The permit services (with a published SLA) of the units given, in their order on the unit page: the permit types. */
export async function permitServicesOf(db: Kysely<Database>, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('services')
    .select(['id', 'unit_id', 'slug', 'sla_value', 'sla_unit'])
    .where('unit_id', 'in', unitIds)
    .where('is_permit', '=', 1)
    .where('sla_value', 'is not', null)
    .orderBy('unit_id')
    .orderBy('position')
    .execute();
}
