import type { Kysely } from 'kysely';
import { newVisitCode, uuidV7 } from '../../server/domain/ids.ts';
import type { Database } from '../database.ts';
import { writeAudit } from './audit.ts';

/** Issues a batch of one-time visit codes for a unit; codes already taken by the unit are drawn again. */
export async function issueVisitCodes(db: Kysely<Database>, unitId: string, count: number, now = new Date(), userId: string | null = null): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
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
  });
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
