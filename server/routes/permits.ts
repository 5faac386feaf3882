import { Hono } from 'hono';
import { holidaySet, listHolidays } from '../../db/queries/holidays.ts';
import { permitServicesInRegions, recordPermitReport, reportsForPeriod } from '../../db/queries/permits.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import type { PermitReport, Service } from '../../db/database.ts';
import { uuidV7 } from '../domain/ids.ts';
import { parsePermitInput } from '../domain/permit-input.ts';
import { permitStats } from '../domain/permit-stats.ts';
import { isTimeZone, todayIn } from '../domain/time-zones.ts';
import { permitTiming, type SlaUnit } from '../domain/working-days.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { periodFromQuery } from './period-query.ts';
import { publicService, requireUnit } from './units.ts';

function reportBody(r: PermitReport, today: string, holidays: ReadonlySet<string>) {
  // A pending report's elapsed time runs until today; a completed one is stored (and kept current with the calendar).
  const t = r.completed_on
    ? { status: 'completed' as const, workingDays: r.working_days!, withinSla: r.within_sla === null ? null : r.within_sla === 1 }
    : permitTiming(r.submitted_on, null, today, { value: r.sla_value, unit: r.sla_unit as SlaUnit }, holidays);
  return { id: r.id, status: t.status, workingDays: t.workingDays, slaValue: r.sla_value, slaUnit: r.sla_unit, withinSla: t.withinSla };
}

function isPermitWithSla(s: Service): boolean {
  return s.is_permit === 1 && s.sla_value !== null && s.sla_unit !== null;
}

export function permitRoutes({ db, now }: AppDeps) {
  return new Hono()
    .post('/units/:slug/permit-reports', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      if (!isTimeZone(unit.timezone)) throw new Error(`unit ${unit.slug} has an unknown time zone`);
      const at = now();
      const today = todayIn(unit.timezone, at);
      const parsed = parsePermitInput(await readJsonBody(c), today);
      if (!parsed.ok) throw validationFailed(parsed.fields);
      const input = parsed.value;
      const service = unit.services.find((s) => s.slug === input.service);
      if (!service) {
        throw new ApiError(404, 'service_not_found', `This unit has no service "${input.service}".`, { service: 'is not a service of this unit' });
      }
      if (!isPermitWithSla(service)) {
        throw validationFailed({ service: 'is not a permit service with a published completion time' }, 'Only permit services with a service standard take processing-time reports.');
      }
      const holidays = await holidaySet(db);
      const sla = { value: service.sla_value!, unit: service.sla_unit as SlaUnit };
      const t = permitTiming(input.submittedOn, input.completedOn, today, sla, holidays);
      const result = await recordPermitReport(db, {
        id: uuidV7(at.getTime()),
        unit_id: unit.id,
        service_id: service.id,
        submitted_on: input.submittedOn,
        completed_on: input.completedOn,
        sla_value: sla.value,
        sla_unit: sla.unit,
        working_days: input.completedOn ? t.workingDays : null,
        calendar_days: input.completedOn ? t.calendarDays : null,
        within_sla: input.completedOn ? (t.withinSla ? 1 : 0) : null,
        idempotency_key: input.idempotencyKey.toLowerCase(),
        ip_hash: null,
        created_at: at.toISOString(),
      });
      return c.json(reportBody(result.report, today, holidays), result.outcome === 'created' ? 201 : 200);
    })
    .get('/units/:slug/permit-times', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      const period = periodFromQuery(c.req.query(), now());
      const today = todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', now());
      const services = unit.services.filter(isPermitWithSla);
      const [rows, holidays] = await Promise.all([
        reportsForPeriod(db, services.map((s) => s.id), period.from, period.to),
        holidaySet(db),
      ]);
      return c.json(
        {
          period: { code: period.code, from: period.from, to: period.to },
          services: services.map((s) => {
            const stats = permitStats(rows.filter((r) => r.service_id === s.id), s.sla_unit as SlaUnit, today, holidays);
            return { slug: s.slug, name: s.name, sla: publicService(s).sla, ...stats };
          }),
        },
        200,
      );
    })
    .get('/permit-times', async (c) => {
      const region = c.req.query('region');
      if (region && !/^[0-9.]{2,20}$/.test(region)) throw validationFailed({ region: 'must be a region code' });
      const period = periodFromQuery(c.req.query(), now());
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
      const today = todayIn('Asia/Jakarta', now());
      return c.json(
        {
          period: { code: period.code, from: period.from, to: period.to },
          region: region || null,
          items: services.map((s) => {
            const { distribution: _d, ...stats } = permitStats(rows.filter((r) => r.service_id === s.id), s.slaUnit as SlaUnit, today, holidays);
            return {
              unit: { slug: s.unitSlug, name: s.unitName, region: { code: s.regionCode, name: s.regionName } },
              service: { slug: s.slug, name: s.name },
              sla: { value: s.slaValue!, unit: s.slaUnit!, startsAt: s.slaStartsAt },
              ...stats,
            };
          }),
        },
        200,
      );
    })
    .get('/holidays', async (c) => {
      const year = c.req.query('year');
      if (year && !/^\d{4}$/.test(year)) throw validationFailed({ year: 'must be a year such as 2026' });
      const rows = await listHolidays(db, year);
      return c.json(rows.map((h) => ({ date: h.date, name: h.name, kind: h.kind })), 200);
    });
}
