// Private reads for a unit's workspace. Every function takes the account's scope and returns nothing outside it.
import { sql, type Kysely } from 'kysely';
import type { ProfileRow } from '../../core/domain/respondent-profile.ts';
import type { Database } from '../../core/schema.ts';
import { unitsInScope, type Scope } from './scope.ts';

export interface WorkspaceUnit {
  id: string;
  slug: string;
  name: string;
  regionCode: string;
  regionName: string;
  timezone: string;
}

/** The unit by slug if the scope holds it; 'forbidden' if it exists outside the scope; undefined if it does not exist. */
export async function workspaceUnit(db: Kysely<Database>, scope: Scope, slug: string): Promise<WorkspaceUnit | 'forbidden' | undefined> {
  const unit = await db
    .selectFrom('units')
    .innerJoin('regions', 'regions.code', 'units.region_code')
    .select(['units.id as id', 'units.slug as slug', 'units.name as name', 'regions.code as regionCode', 'regions.name as regionName', 'regions.timezone as timezone'])
    .select(sql<number>`case when ${unitsInScope(scope)} then 1 else 0 end`.as('inScope'))
    .where('units.slug', '=', slug)
    .executeTakeFirst();
  if (!unit) return undefined;
  const { inScope, ...rest } = unit;
  return Number(inScope) === 1 ? rest : 'forbidden';
}

export interface ResponseFilter {
  from: string;
  to: string;
  serviceSlug?: string | undefined;
  status?: 'accepted' | 'verified' | 'excluded' | undefined;
  withComment?: boolean | undefined;
}

/**
 * A unit's ratings with profiles, redacted comments, status and any moderation request waiting for an evaluator, newest
 * day first (keyset on local_date, id). Staff see the day of a rating, never its time: a time lets whoever served a
 * resident find their rating (issue 15, finding 8), so neither created_at nor local_hour is read here.
 */
export async function listResponses(
  db: Kysely<Database>,
  scope: Scope,
  unitId: string,
  filter: ResponseFilter,
  limit: number,
  before?: { localDate: string; id: string },
) {
  let q = db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .leftJoin('services', 'services.id', 'responses.service_id')
    .select([
      'responses.id as id', 'responses.local_date as localDate',
      'responses.channel as channel', 'services.slug as serviceSlug', 'services.name as serviceName',
      'responses.u1 as u1', 'responses.u2 as u2', 'responses.u3 as u3', 'responses.u4 as u4', 'responses.u5 as u5',
      'responses.u6 as u6', 'responses.u7 as u7', 'responses.u8 as u8', 'responses.u9 as u9',
      'responses.gender as gender', 'responses.age as age', 'responses.education as education', 'responses.occupation as occupation',
      // A comment waiting for review or withheld (decision 019) is not the unit's to read: its text is left out.
      sql<string | null>`case when ${sql.ref('responses.comment_review')} is null or ${sql.ref('responses.comment_review')} = 'published' then ${sql.ref('responses.comment')} end`.as('comment'),
      'responses.comment_review as commentReview', 'responses.comment_hidden_reason as commentHiddenReason',
      'responses.verified as verified', 'responses.exclusion_reason as exclusionReason', 'responses.receipt as receipt',
    ])
    .select((eb) => eb
      .selectFrom('moderation_requests')
      .select('moderation_requests.action')
      .whereRef('moderation_requests.response_id', '=', 'responses.id')
      .where('moderation_requests.decision', 'is', null)
      .limit(1)
      .as('pendingAction'))
    .where(unitsInScope(scope))
    .where('responses.unit_id', '=', unitId)
    .where('responses.local_date', '>=', filter.from)
    .where('responses.local_date', '<=', filter.to);
  if (filter.serviceSlug) q = q.where('services.slug', '=', filter.serviceSlug);
  if (filter.status === 'excluded') q = q.where('responses.exclusion_reason', 'is not', null);
  if (filter.status === 'verified') q = q.where('responses.exclusion_reason', 'is', null).where('responses.verified', '=', 1);
  if (filter.status === 'accepted') q = q.where('responses.exclusion_reason', 'is', null).where('responses.verified', '=', 0);
  if (filter.withComment) q = q.where('responses.comment', 'is not', null);
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('responses.local_date', '<', before.localDate),
        eb.and([eb('responses.local_date', '=', before.localDate), eb('responses.id', '<', before.id)]),
      ]),
    );
  }
  const rows = await q.orderBy('responses.local_date', 'desc').orderBy('responses.id', 'desc').limit(limit).execute();
  const replies = rows.length
    ? await db.selectFrom('replies').select(['id', 'response_id', 'body', 'created_at']).where('response_id', 'in', rows.map((r) => r.id)).orderBy('created_at').execute()
    : [];
  return rows.map((r) => ({ ...r, replies: replies.filter((x) => x.response_id === r.id).map((x) => ({ id: x.id, body: x.body, createdAt: x.created_at })) }));
}

/** Respondent profile counts of a unit's reportable ratings over a date range (grouped in SQL, banded in the domain). */
export async function profileRows(db: Kysely<Database>, scope: Scope, unitId: string, from: string, to: string): Promise<ProfileRow[]> {
  const rows = await db
    .selectFrom('responses')
    .innerJoin('units', 'units.id', 'responses.unit_id')
    .select(['responses.gender as gender', 'responses.age as age', 'responses.education as education', 'responses.occupation as occupation'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(unitsInScope(scope))
    .where('responses.unit_id', '=', unitId)
    .where('responses.exclusion_reason', 'is', null)
    .where('responses.local_date', '>=', from)
    .where('responses.local_date', '<=', to)
    .groupBy(['responses.gender', 'responses.age', 'responses.education', 'responses.occupation'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
