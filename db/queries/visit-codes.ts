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

export async function listVisitCodes(db: Kysely<Database>, unitId: string, status: 'unused' | 'used' | 'all', limit: number) {
  let q = db.selectFrom('visit_codes').select(['code', 'issued_at', 'used_at']).where('unit_id', '=', unitId);
  if (status === 'unused') q = q.where('used_at', 'is', null);
  if (status === 'used') q = q.where('used_at', 'is not', null);
  return q.orderBy('issued_at', 'desc').orderBy('code').limit(limit).execute();
}
