// What the integrity checks need to know, and the retention purge of what they keep.
import type { Kysely } from 'kysely';
import { RULES, type IntegrityContext } from '../../server/domain/integrity.ts';
import type { Answers } from '../../server/domain/skm.ts';
import type { Database } from '../database.ts';
import { unitsInScope, type Scope } from './scope.ts';

/** Today's salt for hashing client addresses, made once per day by whichever process asks first. */
export async function saltForDay(db: Kysely<Database>, day: string, fresh: () => string): Promise<string> {
  const existing = await db.selectFrom('hash_salts').select('salt').where('day', '=', day).executeTakeFirst();
  if (existing) return existing.salt;
  await db.insertInto('hash_salts').values({ day, salt: fresh() }).onConflict((oc) => oc.column('day').doNothing()).execute();
  return (await db.selectFrom('hash_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow()).salt;
}

export async function integrityContext(
  db: Kysely<Database>,
  source: { unitId: string; ipHash: string | null; deviceId: string | null },
  comment: string | null,
  now: Date,
): Promise<IntegrityContext> {
  const since = new Date(now.getTime() - RULES.burstWindowMs).toISOString();
  let recent = db
    .selectFrom('responses')
    .select(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'created_at'])
    .where('unit_id', '=', source.unitId)
    .where('created_at', '>', since);
  if (source.deviceId) recent = recent.where('device_id', '=', source.deviceId);
  else if (source.ipHash) recent = recent.where('ip_hash', '=', source.ipHash);
  else recent = recent.where('id', '=', '');
  const rows = await recent.where('created_at', '<=', now.toISOString()).orderBy('created_at', 'desc').limit(50).execute();
  const commentSince = new Date(now.getTime() - RULES.repeatedCommentMs).toISOString();
  const repeated = comment
    ? await db.selectFrom('responses').select('id').where('unit_id', '=', source.unitId).where('created_at', '>', commentSince).where('comment', '=', comment).limit(1).executeTakeFirst()
    : undefined;
  return {
    recentFromSource: rows.map((r) => ({
      answers: { U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 } as Answers,
      createdAt: r.created_at,
    })),
    deviceLastAt: source.deviceId ? (rows[0]?.created_at ?? null) : null,
    commentSeenRecently: repeated !== undefined,
  };
}

export const IP_HASH_RETENTION_DAYS = 30;

/** Retention: address hashes older than the retention period, old salts and old throttle events are deleted. */
export async function purgeAbuseData(db: Kysely<Database>, now: Date) {
  const cutoff = new Date(now.getTime() - IP_HASH_RETENTION_DAYS * 86_400_000).toISOString();
  const hashes = await db.updateTable('responses').set({ ip_hash: null }).where('ip_hash', 'is not', null).where('created_at', '<', cutoff).executeTakeFirst();
  const permitHashes = await db.updateTable('permit_reports').set({ ip_hash: null }).where('ip_hash', 'is not', null).where('created_at', '<', cutoff).executeTakeFirst();
  const saltCutoff = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const salts = await db.deleteFrom('hash_salts').where('day', '<', saltCutoff).executeTakeFirst();
  const events = await db.deleteFrom('throttle_events').where('at', '<', new Date(now.getTime() - 86_400_000).toISOString()).executeTakeFirst();
  return {
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
