import { Hono, type Context } from 'hono';
import { holidaySet, listHolidays } from '../../db/queries/holidays.ts';
import { calendarNotice } from '../../core/domain/holiday-calendar.ts';
import { findPermitByKey, findPermitReport, recordPermitReport, reportsForPeriod } from '../../db/queries/permits.ts';
import type { Transaction } from 'kysely';
import type { Database, PermitReport, Service } from '../../core/schema.ts';
import { permitShareContext } from '../../db/queries/address-share.ts';
import { permitContext } from '../../db/queries/integrity.ts';
import { clientAddress } from '../auth/client.ts';
import { addressKeyer, clientHasher } from '../auth/client-hash.ts';
import { formTicketSecret } from '../auth/form-ticket-secret.ts';
import { checkTicket } from '../../core/domain/form-ticket.ts';
import { uuidV4 } from '../../core/domain/ids.ts';
import { permitShareExceeded, quarterOf } from '../../core/domain/address-share.ts';
import { integrityVerdict, permitSignature } from '../../core/domain/integrity.ts';
import { browserCookie, ticketCookie } from '../middleware/form-cookies.ts';
import { enforceLimits, submissionLimits } from '../middleware/throttle.ts';
import { parsePermitInput, type PermitInput } from '../../core/domain/permit-input.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { isFormPost, permitFormPost } from './html-forms.ts';
import { permitStats } from '../../core/domain/permit-stats.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { elapsedForSla, permitTiming, type SlaUnit } from '../../core/domain/working-days.ts';
import type { PermitAck, PermitOverview, PermitTimes } from '../../core/api-types.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, validationFailed, visitCodeRefused } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { permitOverview, permitOverviewQuery } from '../views/permit-overview.ts';
import { ticketGiver } from './form-tickets.ts';
import { periodFromQuery } from './period-query.ts';
import { publicService, requireUnit } from './units.ts';
import { isPermitWithSla, unitPermitTimes } from '../views/unit-public.ts';

/** A report as the API answers it (and the no-JavaScript result page shows it). */
export function reportBody(r: PermitReport, today: string, holidays: ReadonlySet<string>) {
  // A pending report's elapsed time runs until today; a completed one is stored (and kept current with the calendar).
  const t = r.completed_on
    ? { status: 'completed' as const, workingDays: r.working_days!, withinSla: r.within_sla === null ? null : r.within_sla === 1 }
    : permitTiming(r.submitted_on, null, today, { value: r.sla_value, unit: r.sla_unit as SlaUnit }, holidays);
  return { id: r.id, status: t.status, workingDays: t.workingDays, slaValue: r.sla_value, slaUnit: r.sla_unit, withinSla: t.withinSla, verified: r.verified === 1 };
}

/** A stored report of the unit as the API answered it, with its service, for the result page; undefined if none. */
export async function permitResult(db: AppDeps['db'], unit: UnitDetail, id: string, at: Date) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const report = await findPermitReport(db, unit.id, id);
  const service = report && unit.services.find((s) => s.id === report.service_id);
  if (!report || !service) return undefined;
  const today = todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', at);
  return { report: reportBody(report, today, await holidaySet(db)), service: publicService(service) };
}

/** Permit reports and times under /units, the permit times of a region, and the holiday calendar. */
export function permitRoutes(deps: AppDeps) {
  const { db, now, trustProxy } = deps;
  const hashClient = clientHasher(db);
  const keyAddress = addressKeyer(db);
  const secret = formTicketSecret(db);
  const giveTicket = ticketGiver(deps);

  /**
   * Stores one validated permit report: the one way a report is stored, for the JSON route and the plain HTML form.
   * Throws the contract's ApiError (unknown or non-permit service, throttled, visit code refused).
   */
  async function store(c: Context, unit: UnitDetail, input: PermitInput): Promise<{ report: ReturnType<typeof reportBody>; outcome: 'created' | 'duplicate' }> {
    if (!isTimeZone(unit.timezone)) throw new Error(`unit ${unit.slug} has an unknown time zone`);
    const at = now();
    const today = todayIn(unit.timezone, at);
    const service = unit.services.find((s) => s.slug === input.service);
    if (!service) {
      throw new ApiError(404, 'service_not_found', `This unit has no service "${input.service}".`, { service: 'is not a service of this unit' });
    }
    if (!isPermitWithSla(service)) {
      throw validationFailed({ service: 'is not a permit service with a published completion time' }, 'Only permit services with a service standard take processing-time reports.');
    }
    const key = input.idempotencyKey.toLowerCase();
    const holidays = await holidaySet(db);
    // A retry of a stored report gets its first answer before anything else (throttling included).
    const earlier = await findPermitByKey(db, unit.id, key);
    if (earlier) return { report: reportBody(earlier, today, holidays), outcome: 'duplicate' };
    // Reports get the protection of ratings (docs/decisions/022): a hashed address, throttles in the database, and
    // the integrity checks, which hold a report back with a reason instead of refusing it.
    const client = clientAddress(c, trustProxy);
    const ipHash = await hashClient(client, at);
    // The form's ticket and the browser's token come in the body (API clients) or in the cookies the page set.
    const browserToken = input.browserToken ?? browserCookie(c);
    const browserHash = browserToken ? await hashClient(`browser:${browserToken}`, at) : null;
    await enforceLimits(c, db, submissionLimits('permit', unit.id, ipHash, browserHash), at, 'too_many_requests', 'Too many permit reports from this connection; please try again later.');
    const ticket = checkTicket(await secret(at), input.ticket ?? ticketCookie(c), 'permit', unit.id, at);
    const ticketId = ticket.state === 'valid' ? ticket.id : null;
    const sla = { value: service.sla_value!, unit: service.sla_unit as SlaUnit };
    const t = permitTiming(input.submittedOn, input.completedOn, today, sla, holidays);
    // The quarter the report's figures fall in (completed in it, or pending and begun in it) and the address's key there.
    const addressPeriod = quarterOf(input.completedOn ?? input.submittedOn);
    const addressKey = await keyAddress(client, addressPeriod, at);
    // Judged inside the transaction that stores it, after the (unit, address) lock (issue 24, F4).
    const judge = async (trx: Transaction<Database>): Promise<string | null> => {
      // The window ends now, not when this request arrived: a report that arrived later but took the lock first counts.
      const context = await permitContext(trx, { unitId: unit.id, ipHash, browserHash, ticketId }, new Date(Math.max(at.getTime(), now().getTime())));
      const verdict = integrityVerdict({
        signature: permitSignature(service.id, input.submittedOn, input.completedOn), channel: 'web', localHour: 12,
        honeypotFilled: Boolean(input.website?.trim()), comment: null, at, ticket: ticket.state,
      }, context);
      if (verdict) return verdict;
      // Bounded influence (decision 045): beyond the address's share of the quarter, the report waits for an evaluator.
      const share = await permitShareContext(trx, unit.id, service.id, addressPeriod, addressKey);
      const measure = (p: { workingDays: number; calendarDays: number }) => elapsedForSla(p, sla.unit);
      return permitShareExceeded({
        unitN: share.unitN, addressN: share.addressN, previousN: share.previousN,
        service: share.service.map((p) => ({ days: measure(p), within: p.within, fromAddress: p.fromAddress })),
        previousService: share.previousService.map((p) => ({ days: measure(p), within: p.within })),
        candidate: input.completedOn ? { days: measure({ workingDays: t.workingDays ?? 0, calendarDays: t.calendarDays ?? 0 }), within: t.withinSla === null ? null : t.withinSla ? 1 : 0 } : null,
      }) ? 'address_share' : null;
    };
    const result = await recordPermitReport(db, {
      id: uuidV4(),
      unit_id: unit.id,
      service_id: service.id,
      submitted_on: input.submittedOn,
      completed_on: input.completedOn,
      sla_value: sla.value,
      sla_unit: sla.unit,
      working_days: input.completedOn ? t.workingDays : null,
      calendar_days: input.completedOn ? t.calendarDays : null,
      within_sla: input.completedOn && t.withinSla !== null ? (t.withinSla ? 1 : 0) : null,
      idempotency_key: key,
      ip_hash: ipHash,
      created_at: at.toISOString(),
      exclusion_reason: null,
      excluded_at: null,
      verified: 0,
      visit_code_id: null,
      browser_hash: browserHash,
      ticket_hash: ticketId,
      address_period: addressPeriod,
      address_key: addressKey,
    }, input.visitCode ?? null, judge);
    if (!('report' in result)) throw visitCodeRefused(result.outcome);
    if (result.outcome === 'created') await giveTicket(c, unit, 'permit');
    // Answered the same whether it counts or was held back: the answer tells a bot nothing about the checks.
    return { report: reportBody(result.report, today, holidays), outcome: result.outcome === 'created' ? 'created' : 'duplicate' };
  }

  const units = new Hono()
    .post('/:slug/permit-reports', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      if (!isTimeZone(unit.timezone)) throw new Error(`unit ${unit.slug} has an unknown time zone`);
      // A resident without JavaScript posts the permit page's plain HTML form (docs/decisions/030).
      if (isFormPost(c)) return permitFormPost(c, unit, store, deps);
      const parsed = parsePermitInput(await readJsonBody(c), todayIn(unit.timezone, now()));
      if (!parsed.ok) throw validationFailed(parsed.fields);
      const { report, outcome } = await store(c, unit, parsed.value);
      return c.json(report satisfies PermitAck, outcome === 'created' ? 201 : 200);
    })
    .get('/:slug/permit-times', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      return c.json((await unitPermitTimes(db, unit, periodFromQuery(c.req.query(), now()), now())) satisfies PermitTimes, 200);
    });
  const permitTimes = new Hono()
    .get('/', async (c) => c.json(await permitOverview(db, permitOverviewQuery(c.req.query(), now()), now()) satisfies PermitOverview, 200));
  const calendar = new Hono()
    .get('/', async (c) => {
      const year = c.req.query('year');
      if (year && !/^\d{4}$/.test(year)) throw validationFailed({ year: 'must be a year such as 2026' });
      const rows = await listHolidays(db, year);
      return c.json(rows.map((h) => ({ date: h.date, name: h.name, kind: h.kind })), 200);
    });
  return { units, permitTimes, holidays: calendar };
}
