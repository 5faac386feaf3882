// The permit times of every permit service in a region, as the API's GET /permit-times answers them and the
// /waktu-izin page shows them: one (db, …) function (issue 26 item 1; decision 054).
import type { Kysely } from 'kysely';
import type { PermitOverview } from '../../core/api-types.ts';
import { calendarNotice } from '../../core/domain/holiday-calendar.ts';
import type { Period } from '../../core/domain/periods.ts';
import { permitStats } from '../../core/domain/permit-stats.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import type { SlaUnit } from '../../core/domain/working-days.ts';
import type { Database } from '../../core/schema.ts';
import { holidaySet } from '../../db/queries/holidays.ts';
import { permitServicesInRegions, reportsForPeriod } from '../../db/queries/permits.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { notFound, validationFailed } from '../errors.ts';
import { periodFromQuery } from '../routes/period-query.ts';

export interface PermitOverviewQuery {
  period: Period;
  region: string | null;
}

/** The API's query (`period`/`from`/`to`, `region`), checked: a bad value throws the contract's 400. */
export function permitOverviewQuery(query: Record<string, string | undefined>, now: Date): PermitOverviewQuery {
  const { region } = query;
  if (region && !/^[0-9.]{2,20}$/.test(region)) throw validationFailed({ region: 'must be a region code' });
  const defined = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  return { period: periodFromQuery(defined, now), region: region || null };
}

/** Every permit service of the region (all when null) with its times; an unknown region throws 404 region_not_found. */
export async function permitOverview(db: Kysely<Database>, { period, region }: PermitOverviewQuery, now: Date): Promise<PermitOverview> {
  let regionCodes: string[] | null = null;
  if (region) {
    regionCodes = await regionAndDescendants(db, region);
    if (regionCodes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
  }
  const services = await permitServicesInRegions(db, regionCodes);
  const [rows, holidays] = await Promise.all([
    reportsForPeriod(db, services.map((s) => s.id), period.from, period.to),
    holidaySet(db),
  ]);
  const today = todayIn('Asia/Jakarta', now);
  return {
    period: { code: period.code, from: period.from, to: period.to },
    region,
    calendar: calendarNotice(rows, today, holidays),
    items: services.map((s): PermitOverview['items'][number] => {
      const { distribution: _d, ...stats } = permitStats(rows.filter((r) => r.service_id === s.id), s.slaUnit as SlaUnit, today, holidays);
      return {
        unit: { slug: s.unitSlug, name: s.unitName, region: { code: s.regionCode, name: s.regionName } },
        service: { slug: s.slug, name: s.name },
        sla: { value: s.slaValue!, unit: s.slaUnit!, startsAt: s.slaStartsAt },
        ...stats,
      };
    }),
  };
}
