import type { Kysely, Transaction } from 'kysely';
import { isPostgres } from '../dialect.ts';
import { lockBucket } from './throttle.ts';
import type { Database, NewPermitReport, PermitReport } from '../../core/schema.ts';
import { unitsInScope, type Scope } from './scope.ts';

export type RecordPermitOutcome =
  | { outcome: 'created' | 'replayed'; report: PermitReport }
  | { outcome: 'visit_code_unknown' | 'visit_code_spent' };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505';
}

/** The report stored under this idempotency key at this unit, if any. */
/** One of a unit's reports by its id (the random id the no-JavaScript form's result page is addressed by). */
export async function findPermitReport(db: Kysely<Database>, unitId: string, id: string) {
  return db.selectFrom('permit_reports').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
}

export async function findPermitByKey(db: Kysely<Database>, unitId: string, key: string) {
  return db.selectFrom('permit_reports').selectAll().where('unit_id', '=', unitId).where('idempotency_key', '=', key).executeTakeFirst();
}

/**
 * Stores a permit report once per idempotency key and unit; a retry returns the stored report. A visit code, when
 * given, must be the unit's and not yet used by another permit report; it is spent by the same transaction and makes
 * the report verified. `judge`, run in the same transaction before the row is written, gives its exclusion reason.
 */
export async function recordPermitReport(
  db: Kysely<Database>, report: NewPermitReport, visitCode: string | null = null,
  judge?: (trx: Transaction<Database>) => Promise<string | null>,
): Promise<RecordPermitOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      // Reports from one address to one unit are judged one at a time (issue 24, F4): on PostgreSQL a transaction-scoped
      // advisory lock on (unit, address) is taken first, so each judgement reads every earlier report of that address
      // committed; SQLite's single writer (one connection, one transaction at a time) already serialises them.
      if (report.ip_hash && isPostgres(trx)) await lockBucket(trx, `permit-judge:${report.unit_id}:${report.ip_hash}`);
      const earlier = await findPermitByKey(trx, report.unit_id, report.idempotency_key);
      if (earlier) return { outcome: 'replayed' as const, report: earlier };
      if (judge) {
        const reason = await judge(trx);
        report = { ...report, exclusion_reason: reason, excluded_at: reason ? report.created_at : null };
      }
      let visitCodeId: string | null = null;
      if (visitCode) {
        const code = await trx.selectFrom('visit_codes').select(['id', 'permit_used_at']).where('unit_id', '=', report.unit_id).where('code', '=', visitCode).executeTakeFirst();
        if (!code) return { outcome: 'visit_code_unknown' as const };
        const spent = await trx.updateTable('visit_codes').set({ permit_used_at: report.created_at, permit_report_id: report.id })
          .where('id', '=', code.id).where('permit_used_at', 'is', null).executeTakeFirst();
        if (Number(spent.numUpdatedRows) !== 1) return { outcome: 'visit_code_spent' as const };
        visitCodeId = code.id;
      }
      await trx.insertInto('permit_reports').values({ ...report, visit_code_id: visitCodeId, verified: visitCodeId ? 1 : 0 }).execute();
      return { outcome: 'created' as const, report: (await findPermitByKey(trx, report.unit_id, report.idempotency_key))! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const earlier = await findPermitByKey(db, report.unit_id, report.idempotency_key);
      if (earlier) return { outcome: 'replayed' as const, report: earlier };
    }
    throw error;
  }
}

/**
 * The counted reports of a period for the given services: completed ones by their completion date, pending ones by
 * their submission date (a report belongs to the period in which it ended, or began if it has not ended). Reports
 * held back by the integrity checks never count; `verifiedOnly` keeps only those verified with a visit code.
 */
export async function reportsForPeriod(db: Kysely<Database>, serviceIds: string[], from: string, to: string, options: { verifiedOnly?: boolean } = {}) {
  if (serviceIds.length === 0) return [];
  let q = db
    .selectFrom('permit_reports')
    .select(['service_id', 'submitted_on', 'completed_on', 'sla_value', 'sla_unit', 'working_days', 'calendar_days', 'within_sla'])
    .where('service_id', 'in', serviceIds)
    .where('exclusion_reason', 'is', null);
  if (options.verifiedOnly) q = q.where('verified', '=', 1);
  return q
    .where((eb) =>
      eb.or([
        eb.and([eb('completed_on', '>=', from), eb('completed_on', '<=', to)]),
        eb.and([eb('completed_on', 'is', null), eb('submitted_on', '>=', from), eb('submitted_on', '<=', to)]),
      ]),
    )
    .execute();
}

/** Permit services (with a published SLA) of the units in the given regions, for the region-wide view. */
export async function permitServicesInRegions(db: Kysely<Database>, regionCodes: string[] | null) {
  let query = db
    .selectFrom('services')
    .innerJoin('units', 'units.id', 'services.unit_id')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .select([
      'services.id as id', 'services.slug as slug', 'services.name as name', 'services.sla_value as slaValue',
      'services.sla_unit as slaUnit', 'services.sla_starts_at as slaStartsAt', 'units.slug as unitSlug',
      'units.name as unitName', 'regions.code as regionCode', 'regions.name as regionName',
    ])
    .where('services.is_permit', '=', 1)
    .where('services.sla_value', 'is not', null);
  if (regionCodes) query = query.where('units.region_code', 'in', regionCodes);
  return query.orderBy('units.name').orderBy('services.position').execute();
}

/** Held-back permit reports per unit and reason, within the account's scope (by the date they were sent). */
export async function permitExclusionReport(db: Kysely<Database>, scope: Scope, regionCodes: string[] | null, from: string, to: string) {
  let q = db
    .selectFrom('permit_reports')
    .innerJoin('units', 'units.id', 'permit_reports.unit_id')
    .select(['units.slug as unitSlug', 'units.name as unitName', 'permit_reports.exclusion_reason as reason'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(unitsInScope(scope))
    .where('permit_reports.exclusion_reason', 'is not', null)
    .where('permit_reports.created_at', '>=', `${from}T00:00:00.000Z`)
    .where('permit_reports.created_at', '<', nextDay(to));
  if (regionCodes) q = q.where('units.region_code', 'in', regionCodes);
  const rows = await q.groupBy(['units.slug', 'units.name', 'permit_reports.exclusion_reason']).orderBy('units.name').execute();
  return rows.map((r) => ({ ...r, reason: r.reason!, n: Number(r.n) }));
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();
}
