// Administration writes. Every change is audited in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import { uuidV7 } from '../../core/domain/ids.ts';
import { kemendagriFromBps } from '../../core/domain/region-codes.ts';
import type { OfficialInput, RegionInput, ServiceInput, UnitInput } from '../../core/domain/admin-input.ts';
import type { Database } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type AdminOutcome<T = undefined> = { ok: true; created: boolean; value?: T } | { ok: false; status: 400 | 404 | 409; code: string; message: string; field?: string };

const fail = (status: 400 | 404 | 409, code: string, message: string, field?: string): AdminOutcome<never> => ({ ok: false, status, code, message, field });

export async function putRegion(db: Kysely<Database>, r: RegionInput, userId: string, now: Date): Promise<AdminOutcome> {
  return db.transaction().execute(async (trx) => {
    if (r.parentCode !== null) {
      if (r.parentCode === r.code) return fail(400, 'validation_failed', 'A region cannot be its own parent.', 'parentCode');
      // Walk up from the parent: reaching this region would make a cycle.
      for (let code: string | null = r.parentCode; code; ) {
        const parent: { parent_code: string | null } | undefined = await trx.selectFrom('regions').select('parent_code').where('code', '=', code).executeTakeFirst();
        if (!parent) return fail(400, 'validation_failed', `No region ${code}.`, 'parentCode');
        if (parent.parent_code === r.code) return fail(400, 'validation_failed', 'That parent would make a cycle.', 'parentCode');
        code = parent.parent_code;
      }
    }
    const existing = await trx.selectFrom('regions').select(['timezone', 'kemendagri_code']).where('code', '=', r.code).executeTakeFirst();
    if (existing && existing.timezone !== r.timezone) {
      const used = await trx.selectFrom('units').select('id').where('region_code', '=', r.code).executeTakeFirst();
      // Ratings already carry local dates in the old zone; moving a region that has units would mix two clocks.
      if (used) return fail(409, 'timezone_in_use', 'The time zone of a region that has units cannot change.', 'timezone');
    }
    // Omitted: the code it has, else the one derived from the BPS code (decision 038).
    const kemendagri = r.kemendagriCode !== undefined ? r.kemendagriCode : (existing?.kemendagri_code ?? kemendagriFromBps(r.code, r.kind));
    const row = { code: r.code, name: r.name, kind: r.kind, timezone: r.timezone, parent_code: r.parentCode, kemendagri_code: kemendagri };
    if (existing) await trx.updateTable('regions').set(row).where('code', '=', r.code).execute();
    else await trx.insertInto('regions').values(row).execute();
    await writeAudit(trx, { userId, action: existing ? 'region.update' : 'region.create', target: r.code }, now);
    return { ok: true, created: !existing };
  });
}

export async function upsertUnitInTransaction(trx: Db, u: UnitInput, now: Date): Promise<AdminOutcome<string>> {
  const region = await trx.selectFrom('regions').select('code').where('code', '=', u.regionCode).executeTakeFirst();
  if (!region) return fail(400, 'validation_failed', `No region ${u.regionCode}.`, 'regionCode');
  const existing = await trx.selectFrom('units').select('id').where('slug', '=', u.slug).executeTakeFirst();
  if (existing) {
    await trx.updateTable('units').set({ name: u.name, kind: u.kind, region_code: u.regionCode, address: u.address }).where('id', '=', existing.id).execute();
    return { ok: true, created: false, value: existing.id };
  }
  const id = uuidV7(now.getTime());
  await trx.insertInto('units').values({ id, slug: u.slug, name: u.name, kind: u.kind, region_code: u.regionCode, address: u.address, created_at: now.toISOString() }).execute();
  return { ok: true, created: true, value: id };
}

export async function putUnit(db: Kysely<Database>, u: UnitInput, userId: string, now: Date): Promise<AdminOutcome<string>> {
  return db.transaction().execute(async (trx) => {
    const result = await upsertUnitInTransaction(trx, u, now);
    if (result.ok) await writeAudit(trx, { userId, action: result.created ? 'unit.create' : 'unit.update', unitId: result.value!, target: u.slug }, now);
    return result;
  });
}

export async function upsertServiceInTransaction(trx: Db, unitId: string, s: ServiceInput, now: Date): Promise<AdminOutcome<string>> {
  const values = {
    name: s.name, is_permit: s.isPermit ? 1 : 0, sla_value: s.sla?.value ?? null, sla_unit: s.sla?.unit ?? null,
    sla_starts_at: s.sla?.startsAt ?? null, declared_users: s.declaredUsers,
  };
  const existing = await trx.selectFrom('services').select('id').where('unit_id', '=', unitId).where('slug', '=', s.slug).executeTakeFirst();
  if (existing) {
    await trx.updateTable('services').set(values).where('id', '=', existing.id).execute();
    return { ok: true, created: false, value: existing.id };
  }
  const count = await trx.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', unitId).executeTakeFirstOrThrow();
  const id = uuidV7(now.getTime());
  await trx.insertInto('services').values({ id, unit_id: unitId, slug: s.slug, position: Number(count.n), ...values }).execute();
  return { ok: true, created: true, value: id };
}

export async function putService(db: Kysely<Database>, unitSlug: string, s: ServiceInput, userId: string, now: Date): Promise<AdminOutcome<string>> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('slug', '=', unitSlug).executeTakeFirst();
    if (!unit) return fail(404, 'unit_not_found', `No unit ${unitSlug}.`);
    const result = await upsertServiceInTransaction(trx, unit.id, s, now);
    if (result.ok) await writeAudit(trx, { userId, action: result.created ? 'service.create' : 'service.update', unitId: unit.id, target: s.slug, details: { sla: s.sla } }, now);
    return result;
  });
}

export async function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id as id', 'users.email as email', 'users.name as name', 'users.role as role', 'units.slug as unitSlug', 'users.region_code as regionCode', 'users.disabled_at as disabledAt'])
    .orderBy('users.role')
    .orderBy('users.email')
    .execute();
}

export async function addOfficial(db: Kysely<Database>, o: OfficialInput, userId: string, now: Date): Promise<AdminOutcome<string>> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('slug', '=', o.unitSlug).executeTakeFirst();
    if (!unit) return fail(400, 'validation_failed', `No unit ${o.unitSlug}.`, 'unitSlug');
    const id = uuidV7(now.getTime());
    await trx.insertInto('officials').values({ id, nip: o.nip, name: o.name, position: o.position, unit_id: unit.id, from_date: o.from, to_date: o.to }).execute();
    await writeAudit(trx, { userId, action: 'official.create', unitId: unit.id, target: id }, now);
    return { ok: true, created: true, value: id };
  });
}

export async function endOfficialTenure(db: Kysely<Database>, id: string, to: string, userId: string, now: Date): Promise<AdminOutcome> {
  return db.transaction().execute(async (trx) => {
    const o = await trx.selectFrom('officials').select(['unit_id', 'from_date']).where('id', '=', id).executeTakeFirst();
    if (!o) return fail(404, 'official_not_found', 'No such official.');
    if (to < o.from_date) return fail(400, 'validation_failed', 'The tenure cannot end before it began.', 'to');
    await trx.updateTable('officials').set({ to_date: to }).where('id', '=', id).execute();
    await writeAudit(trx, { userId, action: 'official.update', unitId: o.unit_id, target: id, details: { to } }, now);
    return { ok: true, created: false };
  });
}

export async function listOfficials(db: Kysely<Database>, unitSlug?: string) {
  let q = db
    .selectFrom('officials')
    .innerJoin('units', 'units.id', 'officials.unit_id')
    .select(['officials.id as id', 'officials.nip as nip', 'officials.name as name', 'officials.position as position', 'units.slug as unitSlug', 'officials.from_date as from', 'officials.to_date as to']);
  if (unitSlug) q = q.where('units.slug', '=', unitSlug);
  return q.orderBy('units.slug').orderBy('officials.from_date').execute();
}

export async function putTarget(db: Kysely<Database>, t: { unitSlug: string; indicator: string; year: number; value: number }, userId: string, now: Date): Promise<AdminOutcome> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('slug', '=', t.unitSlug).executeTakeFirst();
    if (!unit) return fail(400, 'validation_failed', `No unit ${t.unitSlug}.`, 'unitSlug');
    await trx
      .insertInto('targets')
      .values({ unit_id: unit.id, indicator: t.indicator, year: t.year, value: t.value })
      .onConflict((oc) => oc.columns(['unit_id', 'indicator', 'year']).doUpdateSet({ value: t.value }))
      .execute();
    await writeAudit(trx, { userId, action: 'target.set', unitId: unit.id, target: `${t.indicator}/${t.year}`, details: { value: t.value } }, now);
    return { ok: true, created: true };
  });
}

export async function listTargets(db: Kysely<Database>, year?: number) {
  let q = db.selectFrom('targets').innerJoin('units', 'units.id', 'targets.unit_id').select(['units.slug as unitSlug', 'targets.indicator as indicator', 'targets.year as year', 'targets.value as value']);
  if (year) q = q.where('targets.year', '=', year);
  return q.orderBy('units.slug').orderBy('targets.indicator').execute();
}
