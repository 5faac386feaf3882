// What the integrity checks need to know, and the retention purge of what they keep.
import type { Kysely } from 'kysely';
import { answersSignature, permitSignature, RULES, type DeviceContext, type IntegrityContext } from '../../core/domain/integrity.ts';
import type { Answers } from '../../core/domain/skm.ts';
import type { Database } from '../../core/schema.ts';
import { purgeAddressKeys } from './address-share.ts';
import { reusable } from './compiled.ts';
import { unitsInScope, type Scope } from './scope.ts';

/** Today's salt for hashing client addresses, made once per day by whichever process asks first. */
export async function saltForDay(db: Kysely<Database>, day: string, fresh: () => string): Promise<string> {
  const existing = await db.selectFrom('hash_salts').select('salt').where('day', '=', day).executeTakeFirst();
  if (existing) return existing.salt;
  await db.insertInto('hash_salts').values({ day, salt: fresh() }).onConflict((oc) => oc.column('day').doNothing()).execute();
  return (await db.selectFrom('hash_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow()).salt;
}

/** Where a submission comes from, for the checks: the unit, the hashed address and browser token, the ticket. */
export interface SubmissionSource {
  unitId: string;
  ipHash: string;
  browserHash: string | null;
  ticketId: string | null;
}

const FROM_ADDRESS_ROWS = 100;

/**
 * The counts both kinds of submission are judged by, from their own table (ratings or permit reports share these
 * column names): counted ticketed submissions from the address, submissions from the browser, and earlier use of the
 * ticket, within the burst window.
 */
async function sourceCounts(db: Kysely<Database>, table: 'responses' | 'permit_reports', source: SubmissionSource, now: Date) {
  const q = COUNTS[table];
  const window = { unitId: source.unitId, since: new Date(now.getTime() - RULES.burstWindowMs).toISOString(), until: now.toISOString() };
  const [ticketed, browser, ticketUsed] = await Promise.all([
    q.ticketedFromAddress.execute(db, { ...window, ipHash: source.ipHash }),
    source.browserHash ? q.fromBrowser.execute(db, { ...window, browserHash: source.browserHash }) : { rows: [{ n: 0 }] },
    source.ticketId ? q.ticketUsed.execute(db, { ticketId: source.ticketId }) : { rows: [] },
  ]);
  return { ticketedCountedFromAddress: Number(ticketed.rows[0]!.n), fromBrowser: Number(browser.rows[0]!.n), ticketUsed: ticketUsed.rows.length > 0 };
}

type Window = { unitId: string; since: string; until: string };

/** sourceCounts' statements for one table, compiled once per dialect (db/queries/compiled.ts). */
function countQueries(table: 'responses' | 'permit_reports') {
  // One query shape for both tables: the columns read here have the same names and types in each.
  const inWindow = (db: Kysely<Database>, p: <K extends keyof Window & string>(name: K) => Window[K]) => db.selectFrom(table as 'responses')
    .where('unit_id', '=', p('unitId')).where('created_at', '>', p('since')).where('created_at', '<=', p('until'));
  return {
    ticketedFromAddress: reusable<Window & { ipHash: string }>()((db, p) => inWindow(db, p)
      .select((eb) => eb.fn.countAll<number>().as('n')).where('ip_hash', '=', p('ipHash')).where('ticket_hash', 'is not', null)
      .where('exclusion_reason', 'is', null)),
    fromBrowser: reusable<Window & { browserHash: string }>()((db, p) => inWindow(db, p)
      .select((eb) => eb.fn.countAll<number>().as('n')).where('browser_hash', '=', p('browserHash'))),
    ticketUsed: reusable<{ ticketId: string }>()((db, p) => db.selectFrom(table as 'responses').select('id').where('ticket_hash', '=', p('ticketId')).limit(1)),
  };
}
const COUNTS = { responses: countQueries('responses'), permit_reports: countQueries('permit_reports') };

/** What the checks of a rating from the web or a QR code need to know (core/domain/integrity.ts). */
export async function ratingContext(db: Kysely<Database>, source: SubmissionSource, comment: string | null, now: Date): Promise<IntegrityContext> {
  const since = new Date(now.getTime() - RULES.burstWindowMs).toISOString();
  const [rows, counts, repeated] = await Promise.all([
    // Newest first, sorted here: with an ORDER BY, SQLite reads the unit's whole window through the (unit, time) index
    // instead of the address's few rows through (unit, address, time); the throttle bounds them (600 in the window).
    recentFromAddress.execute(db, { unitId: source.unitId, since, until: now.toISOString(), ipHash: source.ipHash })
      .then((r) => r.rows.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0)).slice(0, FROM_ADDRESS_ROWS)),
    sourceCounts(db, 'responses', source, now),
    repeatedComment(db, source.unitId, comment, now),
  ]);
  return {
    fromAddress: rows.map((r) => ({
      signature: answersSignature({ U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 } as Answers),
      createdAt: r.created_at,
      excluded: r.exclusion_reason !== null,
      ticketed: r.ticket_hash !== null,
    })),
    ...counts,
    commentSeenRecently: repeated,
  };
}

const recentFromAddress = reusable<Window & { ipHash: string }>()((db, p) => db
  .selectFrom('responses').select(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'created_at', 'exclusion_reason', 'ticket_hash'])
  .where('unit_id', '=', p('unitId')).where('created_at', '>', p('since')).where('created_at', '<=', p('until'))
  .where('ip_hash', '=', p('ipHash')));

async function repeatedComment(db: Kysely<Database>, unitId: string, comment: string | null, now: Date): Promise<boolean> {
  if (!comment) return false;
  const since = new Date(now.getTime() - RULES.repeatedCommentMs).toISOString();
  return (await commentSince.execute(db, { unitId, since, comment })).rows.length > 0;
}

const commentSince = reusable<{ unitId: string; since: string; comment: string }>()((db, p) => db
  .selectFrom('responses').select('id').where('unit_id', '=', p('unitId')).where('created_at', '>', p('since')).where('comment', '=', p('comment')).limit(1));

/** What the checks of a rating from a registered kiosk need to know. */
export async function kioskContext(
  db: Kysely<Database>, device: { id: string; unitId: string; approvedAt: string; lastCapturedAt: string | null }, comment: string | null, at: Date, inClosedPeriod: boolean,
): Promise<{ device: DeviceContext; commentSeenRecently: boolean }> {
  const since = new Date(at.getTime() - RULES.burstWindowMs).toISOString();
  const [rows, repeated] = await Promise.all([
    db.selectFrom('responses').select(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'created_at', 'exclusion_reason'])
      .where('device_id', '=', device.id).where('created_at', '>', since).where('created_at', '<=', at.toISOString())
      .orderBy('created_at', 'desc').limit(FROM_ADDRESS_ROWS).execute(),
    repeatedComment(db, device.unitId, comment, at),
  ]);
  return {
    device: {
      recent: rows.map((r) => ({ signature: answersSignature({ U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 } as Answers), createdAt: r.created_at, excluded: r.exclusion_reason !== null, ticketed: false })),
      lastCapturedAt: device.lastCapturedAt,
      approvedAt: device.approvedAt,
      inClosedPeriod,
    },
    commentSeenRecently: repeated,
  };
}

/** What the checks of a permit report need to know: the same questions about the permit reports table. */
export async function permitContext(db: Kysely<Database>, source: SubmissionSource, now: Date): Promise<IntegrityContext> {
  const since = new Date(now.getTime() - RULES.burstWindowMs).toISOString();
  const [rows, counts] = await Promise.all([
    db.selectFrom('permit_reports').select(['service_id', 'submitted_on', 'completed_on', 'created_at', 'exclusion_reason', 'ticket_hash'])
      .where('unit_id', '=', source.unitId).where('created_at', '>', since).where('created_at', '<=', now.toISOString())
      .where('ip_hash', '=', source.ipHash).orderBy('created_at', 'desc').limit(FROM_ADDRESS_ROWS).execute(),
    sourceCounts(db, 'permit_reports', source, now),
  ]);
  return {
    fromAddress: rows.map((r) => ({
      signature: permitSignature(r.service_id, r.submitted_on, r.completed_on),
      createdAt: r.created_at,
      excluded: r.exclusion_reason !== null,
      ticketed: r.ticket_hash !== null,
    })),
    ...counts,
    commentSeenRecently: false,
  };
}

export const IP_HASH_RETENTION_DAYS = 30;

/** Retention: address hashes older than the retention period, old salts, old throttle events and expired address keys are deleted. */
export async function purgeAbuseData(db: Kysely<Database>, now: Date) {
  const cutoff = new Date(now.getTime() - IP_HASH_RETENTION_DAYS * 86_400_000).toISOString();
  const hashes = await db.updateTable('responses').set({ ip_hash: null }).where('ip_hash', 'is not', null).where('created_at', '<', cutoff).executeTakeFirst();
  const permitHashes = await db.updateTable('permit_reports').set({ ip_hash: null }).where('ip_hash', 'is not', null).where('created_at', '<', cutoff).executeTakeFirst();
  const saltCutoff = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const salts = await db.deleteFrom('hash_salts').where('day', '<', saltCutoff).executeTakeFirst();
  const events = await db.deleteFrom('throttle_events').where('at', '<', new Date(now.getTime() - 86_400_000).toISOString()).executeTakeFirst();
  // Address keys of the bounded-influence rule: a quarter's salt and keys go together, 45 days after it ends (decision 045).
  const keys = await purgeAddressKeys(db, now);
  return {
    addressKeysCleared: keys.keysCleared,
    addressSaltsDeleted: keys.periods.length,
    addressHashesCleared: Number(hashes.numUpdatedRows) + Number(permitHashes.numUpdatedRows),
    saltsDeleted: Number(salts.numDeletedRows),
    throttleEventsDeleted: Number(events.numDeletedRows),
  };
}

/** Excluded ratings per unit and reason, within the account's scope. */
export async function exclusionReport(db: Kysely<Database>, scope: Scope, regionCodes: string[] | null, from: string, to: string) {
  let q = db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['units.slug as unitSlug', 'units.name as unitName', 'responses.exclusion_reason as reason'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(unitsInScope(scope))
    .where('responses.exclusion_reason', 'is not', null)
    .where('responses.local_date', '>=', from)
    .where('responses.local_date', '<=', to);
  if (regionCodes) q = q.where('units.region_code', 'in', regionCodes);
  const rows = await q.groupBy(['units.slug', 'units.name', 'responses.exclusion_reason']).orderBy('units.name').execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
