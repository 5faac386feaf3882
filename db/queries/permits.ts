import type { Kysely } from 'kysely';
import type { Database, NewPermitReport, PermitReport } from '../database.ts';

export type RecordPermitOutcome = { outcome: 'created' | 'replayed'; report: PermitReport };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505';
}

async function findByKey(db: Kysely<Database>, unitId: string, key: string) {
  return db.selectFrom('permit_reports').selectAll().where('unit_id', '=', unitId).where('idempotency_key', '=', key).executeTakeFirst();
}

/** Stores a permit report once per idempotency key and unit; a retry returns the stored report. */
export async function recordPermitReport(db: Kysely<Database>, report: NewPermitReport): Promise<RecordPermitOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      const earlier = await findByKey(trx, report.unit_id, report.idempotency_key);
      if (earlier) return { outcome: 'replayed' as const, report: earlier };
      await trx.insertInto('permit_reports').values(report).execute();
      return { outcome: 'created' as const, report: (await findByKey(trx, report.unit_id, report.idempotency_key))! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const earlier = await findByKey(db, report.unit_id, report.idempotency_key);
      if (earlier) return { outcome: 'replayed', report: earlier };
    }
    throw error;
  }
}

/**
 * The reports of a period for the given services: completed ones by their completion date, pending ones by their
 * submission date (a report belongs to the period in which it ended, or began if it has not ended).
 */
export async function reportsForPeriod(db: Kysely<Database>, serviceIds: string[], from: string, to: string) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('permit_reports')
    .select(['service_id', 'submitted_on', 'completed_on', 'sla_value', 'sla_unit', 'working_days', 'calendar_days', 'within_sla'])
    .where('service_id', 'in', serviceIds)
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
