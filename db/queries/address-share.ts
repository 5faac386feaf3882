// What the bounded-influence rule (core/domain/address-share.ts, docs/decisions/045) reads, inside the transaction
// that stores the submission: the unit's counted period totals (rollups for ratings, the reports for permits), what the
// address already counts there (through the (unit, period, key) index), the per-period salts of address keys and their
// purge, and the evaluators' views: what waits for them, and each unit's busiest address.
import { sql, type Kysely, type Transaction } from 'kysely';
import { addressKeysExpired, quarterBounds, SHARE_RULES, type RatingSums } from '../../core/domain/address-share.ts';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';
import { reusable } from './compiled.ts';
import type { RollupBuffer } from './rollups.ts';
import { unitsInScope, type Scope } from './scope.ts';

export const ADDRESS_SHARE_REASON = 'address_share';

/** The salt of a period's address keys, made once by whichever process asks first. */
export async function saltForPeriod(db: Kysely<Database>, period: string, fresh: () => string, now: Date): Promise<string> {
  const existing = await db.selectFrom('address_salts').select('salt').where('period', '=', period).executeTakeFirst();
  if (existing) return existing.salt;
  await db.insertInto('address_salts').values({ period, salt: fresh(), created_at: now.toISOString() }).onConflict((oc) => oc.column('period').doNothing()).execute();
  return (await db.selectFrom('address_salts').select('salt').where('period', '=', period).executeTakeFirstOrThrow()).salt;
}

/** Retention: a period's salt and every key made with it are deleted together once the period's review window ended. */
export async function purgeAddressKeys(db: Kysely<Database>, now: Date): Promise<{ periods: string[]; keysCleared: number }> {
  const today = now.toISOString().slice(0, 10);
  const periods = (await db.selectFrom('address_salts').select('period').execute()).map((r) => r.period).filter((p) => addressKeysExpired(p, today));
  // Keys of periods whose salt is already gone (or never stored) are expired as well.
  let keysCleared = 0;
  for (const table of ['responses', 'permit_reports'] as const) {
    const stale = (await db.selectFrom(table).select('address_period').distinct().where('address_period', 'is not', null).execute())
      .map((r) => r.address_period!).filter((p) => addressKeysExpired(p, today));
    const all = [...new Set([...periods, ...stale])];
    if (all.length === 0) continue;
    const r = await db.updateTable(table).set({ address_key: null, address_period: null }).where('address_period', 'in', all).executeTakeFirst();
    keysCleared += Number(r.numUpdatedRows);
  }
  if (periods.length) await db.deleteFrom('address_salts').where('period', 'in', periods).execute();
  return { periods, keysCleared };
}

const MONTHS = (quarter: string) => {
  const { from } = quarterBounds(quarter);
  const first = Number(from.slice(5, 7));
  return [0, 1, 2].map((i) => `${from.slice(0, 4)}-${String(first + i).padStart(2, '0')}`);
};

const unitMonths = reusable<{ unitId: string; m1: string; m2: string; m3: string }>()((db, p) => db
  .selectFrom('score_monthly')
  .select((eb) => [eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('sum_total').as('total')])
  .where('unit_id', '=', p('unitId'))
  .where('month', 'in', [p('m1'), p('m2'), p('m3')]));

const addressRatings = reusable<{ unitId: string; period: string; key: string }>()((db, p) => db
  .selectFrom('responses')
  .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(sql`u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9`).as('total')])
  .where('unit_id', '=', p('unitId')).where('address_period', '=', p('period')).where('address_key', '=', p('key'))
  .where('exclusion_reason', 'is', null));

async function quarterSums(trx: Transaction<Database>, unitId: string, quarter: string): Promise<RatingSums> {
  const [m1, m2, m3] = MONTHS(quarter) as [string, string, string];
  const row = (await unitMonths.execute(trx, { unitId, m1, m2, m3 })).rows[0];
  return { n: Number(row?.n ?? 0), total: Number(row?.total ?? 0) };
}

/**
 * What the rating rule needs, read in the rating's transaction: the unit's counted period totals (its monthly rollups,
 * plus what earlier ratings of the same group commit added and have not yet written: `pending`), the previous period's
 * n, and what the address already counts at the unit in the period.
 */
export async function ratingShareContext(
  trx: Transaction<Database>, unitId: string, quarter: string, addressKey: string, pending: RollupBuffer,
): Promise<{ unit: RatingSums; address: RatingSums; previous: RatingSums }> {
  const { from, to, previous } = quarterBounds(quarter);
  const [unit, prior, own] = await Promise.all([
    quarterSums(trx, unitId, quarter),
    quarterSums(trx, unitId, previous),
    addressRatings.execute(trx, { unitId, period: quarter, key: addressKey }),
  ]);
  const waiting = pending.counted(unitId, from, to);
  const row = own.rows[0];
  return {
    unit: { n: unit.n + waiting.n, total: unit.total + waiting.total },
    address: { n: Number(row?.n ?? 0), total: Number(row?.total ?? 0) },
    previous: prior,
  };
}

/** The counted permit reports of a unit whose figures fall in a period (completed in it, or pending and begun in it). */
function periodReports(trx: Transaction<Database>, unitId: string, from: string, to: string) {
  return trx.selectFrom('permit_reports')
    .where('unit_id', '=', unitId)
    .where('exclusion_reason', 'is', null)
    .where((eb) => eb.or([
      eb.and([eb('completed_on', '>=', from), eb('completed_on', '<=', to)]),
      eb.and([eb('completed_on', 'is', null), eb('submitted_on', '>=', from), eb('submitted_on', '<=', to)]),
    ]));
}

/**
 * What the permit rule needs, read in the report's transaction: the unit's counted reports in the period (with the
 * service's completed ones and whether each came from the address), and the previous period's count.
 */
export async function permitShareContext(trx: Transaction<Database>, unitId: string, serviceId: string, quarter: string, addressKey: string) {
  const { from, to, previous } = quarterBounds(quarter);
  const prior = quarterBounds(previous);
  const [rows, before, latest] = await Promise.all([
    periodReports(trx, unitId, from, to).select(['service_id', 'completed_on', 'working_days', 'calendar_days', 'within_sla', 'address_period', 'address_key']).execute(),
    periodReports(trx, unitId, prior.from, prior.to).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    periodReports(trx, unitId, prior.from, prior.to).where('service_id', '=', serviceId).where('completed_on', 'is not', null)
      .select(['working_days', 'calendar_days', 'within_sla']).orderBy('completed_on', 'desc').limit(SHARE_RULES.minFigure).execute(),
  ]);
  const fromAddress = (r: { address_period: string | null; address_key: string | null }) => r.address_period === quarter && r.address_key === addressKey;
  return {
    unitN: rows.length,
    addressN: rows.filter(fromAddress).length,
    previousN: Number(before?.n ?? 0),
    service: rows.filter((r) => r.service_id === serviceId && r.completed_on !== null)
      .map((r) => ({ workingDays: r.working_days ?? 0, calendarDays: r.calendar_days ?? 0, within: r.within_sla, fromAddress: fromAddress(r) })),
    previousService: latest.map((r) => ({ workingDays: r.working_days ?? 0, calendarDays: r.calendar_days ?? 0, within: r.within_sla })),
  };
}

/** Submissions held back for their address's share, in the account's scope, newest first (bounded). */
export async function heldByShare(db: Kysely<Database>, scope: Scope, regionCodes: string[] | null, from: string, to: string, limit = 500) {
  let ratings = db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['responses.id', 'units.slug as unitSlug', 'units.name as unitName', 'responses.local_date as date', 'responses.created_at as createdAt',
      'responses.u1', 'responses.u2', 'responses.u3', 'responses.u4', 'responses.u5', 'responses.u6', 'responses.u7', 'responses.u8', 'responses.u9'])
    .where(unitsInScope(scope)).where('responses.exclusion_reason', '=', ADDRESS_SHARE_REASON)
    .where('responses.local_date', '>=', from).where('responses.local_date', '<=', to);
  let permits = db.selectFrom('permit_reports').innerJoin('units', 'units.id', 'permit_reports.unit_id').innerJoin('services', 'services.id', 'permit_reports.service_id')
    .select(['permit_reports.id', 'units.slug as unitSlug', 'units.name as unitName', 'services.name as serviceName', 'permit_reports.submitted_on as submittedOn',
      'permit_reports.completed_on as completedOn', 'permit_reports.working_days as workingDays', 'permit_reports.created_at as createdAt'])
    .where(unitsInScope(scope)).where('permit_reports.exclusion_reason', '=', ADDRESS_SHARE_REASON)
    .where('permit_reports.created_at', '>=', `${from}T00:00:00.000Z`).where('permit_reports.created_at', '<', nextDay(to));
  if (regionCodes) {
    ratings = ratings.where('units.region_code', 'in', regionCodes);
    permits = permits.where('units.region_code', 'in', regionCodes);
  }
  const [r, p] = await Promise.all([
    ratings.orderBy('responses.created_at', 'desc').limit(limit).execute(),
    permits.orderBy('permit_reports.created_at', 'desc').limit(limit).execute(),
  ]);
  return {
    ratings: r.map(({ u1, u2, u3, u4, u5, u6, u7, u8, u9, ...rest }) => ({ ...rest, answers: { U1: u1, U2: u2, U3: u3, U4: u4, U5: u5, U6: u6, U7: u7, U8: u8, U9: u9 } })),
    permitReports: p,
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/**
 * Per unit in scope, the counted ratings of a period and how many of them came from the unit's busiest address
 * (address keys are per quarter: a period spanning several quarters counts each quarter's keys apart).
 */
export async function busiestAddressShares(db: Kysely<Database>, scope: Scope, regionCodes: string[] | null, from: string, to: string) {
  let q = db.selectFrom('responses').innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['units.slug as unitSlug', 'units.name as unitName', 'responses.address_period as period', 'responses.address_key as key'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(unitsInScope(scope)).where('responses.exclusion_reason', 'is', null)
    .where('responses.local_date', '>=', from).where('responses.local_date', '<=', to);
  if (regionCodes) q = q.where('units.region_code', 'in', regionCodes);
  const rows = await q.groupBy(['units.slug', 'units.name', 'responses.address_period', 'responses.address_key']).execute();
  const units = new Map<string, { unitSlug: string; unitName: string; n: number; busiest: number }>();
  for (const r of rows) {
    const u = units.get(r.unitSlug) ?? { unitSlug: r.unitSlug, unitName: r.unitName, n: 0, busiest: 0 };
    u.n += Number(r.n);
    // Ratings without a key (kiosks, before keys existed, past retention) are no address's.
    if (r.key !== null) u.busiest = Math.max(u.busiest, Number(r.n));
    units.set(r.unitSlug, u);
  }
  return [...units.values()].sort((a, b) => b.busiest / b.n - a.busiest / a.n || a.unitName.localeCompare(b.unitName))
    .map((u) => ({ ...u, share: u.n ? Math.round((1000 * u.busiest) / u.n) / 10 : 0 }));
}

/**
 * An evaluator of the unit's region (or an administrator) makes a permit report held back by the checks count, with a
 * written reason, in the audit log. Permit figures are computed from the reports, so there is no rollup to update.
 */
export async function liftPermitExclusion(db: Kysely<Database>, scope: Scope, id: string, reason: string, userId: string, now: Date)
  : Promise<{ ok: true; lifted: string } | { ok: false; error: 'not_found' | 'not_excluded' }> {
  return db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('permit_reports').innerJoin('units', 'units.id', 'permit_reports.unit_id')
      .select(['permit_reports.id', 'permit_reports.unit_id', 'permit_reports.exclusion_reason'])
      .where(unitsInScope(scope)).where('permit_reports.id', '=', id).executeTakeFirst();
    if (!r) return { ok: false as const, error: 'not_found' as const };
    if (!r.exclusion_reason) return { ok: false as const, error: 'not_excluded' as const };
    await trx.updateTable('permit_reports').set({ exclusion_reason: null, excluded_at: null }).where('id', '=', id).execute();
    await writeAudit(trx, { userId, action: 'permit_report.lift', unitId: r.unit_id, target: id, details: { lifted: r.exclusion_reason, reason } }, now);
    return { ok: true as const, lifted: r.exclusion_reason };
  });
}
