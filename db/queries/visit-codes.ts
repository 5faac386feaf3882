import type { Kysely } from 'kysely';
import { newVisitCode, uuidV7 } from '../../server/domain/ids.ts';
import type { Database } from '../database.ts';

/** Issues a batch of one-time visit codes for a unit; codes already taken by the unit are drawn again. */
export async function issueVisitCodes(db: Kysely<Database>, unitId: string, count: number, now = new Date()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
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
