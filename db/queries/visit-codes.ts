import type { Kysely } from 'kysely';
import { newVisitCode, uuidV7 } from '../../core/domain/ids.ts';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

/** Issues a batch of one-time visit codes for a unit; codes already taken by the unit are drawn again. */
export async function issueVisitCodes(db: Kysely<Database>, unitId: string, count: number, now = new Date(), userId: string | null = null): Promise<string[]> {
  return db.transaction().execute((trx) => insertCodes(trx, unitId, count, now, userId));
}

export type CappedIssue = { ok: true; codes: string[]; issuedToday: number } | { ok: false; issuedToday: number };

/**
 * Issues codes only while the unit's codes issued in its local day [day.start, day.end) stay within `cap` (issue 24
 * F6); otherwise issues none. The unit's row is touched first, so concurrent batches of one unit queue on PostgreSQL
 * (SQLite writes one transaction at a time anyway) and cannot both pass the check.
 */
export async function issueVisitCodesWithinCap(
  db: Kysely<Database>, unitId: string, count: number, cap: number, day: { start: string; end: string }, now: Date, userId: string,
): Promise<CappedIssue> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('units').set((eb) => ({ visit_codes_per_day: eb.ref('visit_codes_per_day') })).where('id', '=', unitId).execute();
    const issuedToday = await countIssued(trx, unitId, day.start, day.end);
    if (issuedToday + count > cap) return { ok: false, issuedToday };
    const codes = await insertCodes(trx, unitId, count, now, userId);
    return { ok: true, codes, issuedToday: issuedToday + count };
  });
}

async function countIssued(db: Kysely<Database>, unitId: string, start: string, end: string): Promise<number> {
  const row = await db.selectFrom('visit_codes').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId).where('issued_at', '>=', start).where('issued_at', '<', end).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many codes the unit issued in [start, end), and how many ratings were verified with a code in it. */
export async function visitCodesOfPeriod(db: Kysely<Database>, unitId: string, start: string, end: string): Promise<{ issued: number; used: number }> {
  const used = await db.selectFrom('visit_codes').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId).where('used_at', '>=', start).where('used_at', '<', end).executeTakeFirstOrThrow();
  return { issued: await countIssued(db, unitId, start, end), used: Number(used.n) };
}

async function insertCodes(trx: Kysely<Database>, unitId: string, count: number, now: Date, userId: string | null): Promise<string[]> {
  if (userId) await writeAudit(trx, { userId, action: 'visit_codes.issue', unitId, details: { count } }, now);
  const codes: string[] = [];
  while (codes.length < count) {
    const code = newVisitCode();
    const taken = await trx
      .selectFrom('visit_codes')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (taken || codes.includes(code)) continue;
    await trx
      .insertInto('visit_codes')
      .values({ id: uuidV7(now.getTime()), unit_id: unitId, code, issued_at: now.toISOString(), used_at: null, response_id: null })
      .execute();
    codes.push(code);
  }
  return codes;
}

/**
 * A unit's unused codes, newest batch first: the ones still to hand out. Used codes are only counted (visitCodeCounts):
 * when a code was used, or by which rating, would let whoever handed it out find the resident's rating (issue 15,
 * finding 8), so neither used_at nor response_id is read for staff.
 */
export async function unusedVisitCodes(db: Kysely<Database>, unitId: string, limit: number) {
  return db
    .selectFrom('visit_codes')
    .select(['code', 'issued_at'])
    .where('unit_id', '=', unitId)
    .where('used_at', 'is', null)
    .orderBy('issued_at', 'desc')
    .orderBy('code')
    .limit(limit)
    .execute();
}

/** How many codes a unit issued and how many of them were used. */
export async function visitCodeCounts(db: Kysely<Database>, unitId: string): Promise<{ issued: number; used: number; unused: number }> {
  const row = await db
    .selectFrom('visit_codes')
    .select((eb) => [eb.fn.countAll<number>().as('issued'), eb.fn.count<number>('used_at').as('used')])
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  const issued = Number(row.issued);
  const used = Number(row.used);
  return { issued, used, unused: issued - used };
}
