// Locked evidence snapshots (docs/decisions/026-locked-evidence.md): written once, in one transaction with the audit
// entry, and only ever read afterwards. Nothing here updates or deletes a lock or its files.
import type { Kysely, Transaction } from 'kysely';
import type { Database, EvidenceLock } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

export interface NewEvidenceFile {
  name: string;
  mediaType: string;
  content: string;
  bytes: number;
  sha256: string;
}

export interface NewEvidenceLock {
  id: string;
  period: string;
  scope: string;
  publicUrl: string;
  unitIds: string[];
  user: { id: string; name: string; role: string };
  files: NewEvidenceFile[];
}

/** Stores a snapshot as the next version of its period and scope; answers that version. */
export async function insertEvidenceLock(
  db: Kysely<Database>, lock: NewEvidenceLock, now: Date,
  /** Runs in the lock's transaction with its version (the evidence.locked webhook event). */
  also?: (trx: Transaction<Database>, version: number) => Promise<unknown>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('evidence_locks')
      .select((eb) => eb.fn.max<number | null>('version').as('v'))
      .where('period', '=', lock.period)
      .where('scope', '=', lock.scope)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx.insertInto('evidence_locks').values({
      id: lock.id, version, period: lock.period, scope: lock.scope, public_url: lock.publicUrl,
      locked_by: lock.user.id, locked_by_name: lock.user.name, locked_by_role: lock.user.role, locked_at: now.toISOString(),
    }).execute();
    if (lock.unitIds.length) await trx.insertInto('evidence_lock_units').values(lock.unitIds.map((unit_id) => ({ lock_id: lock.id, unit_id }))).execute();
    for (const f of lock.files) {
      await trx.insertInto('evidence_files').values({ lock_id: lock.id, name: f.name, media_type: f.mediaType, content_base64: Buffer.from(f.content, 'utf8').toString('base64'), bytes: f.bytes, sha256: f.sha256 }).execute();
    }
    await writeAudit(trx, {
      userId: lock.user.id, action: 'evidence.lock', target: lock.id, unitId: lock.unitIds.length === 1 ? lock.unitIds[0]! : null,
      details: { period: lock.period, scope: lock.scope, version, units: lock.unitIds.length, files: Object.fromEntries(lock.files.map((f) => [f.name, f.sha256])) },
    }, now);
    await also?.(trx, version);
    return version;
  });
}

export async function findEvidenceLock(db: Kysely<Database>, id: string): Promise<EvidenceLock | undefined> {
  return db.selectFrom('evidence_locks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every version of a period and scope, oldest first. */
export async function evidenceLockVersions(db: Kysely<Database>, period: string, scope: string) {
  return db.selectFrom('evidence_locks').select(['id', 'version', 'locked_at', 'locked_by_name']).where('period', '=', period).where('scope', '=', scope).orderBy('version').execute();
}

/** A lock's files without their content (name, type, size, hash), by name. */
export async function evidenceFileList(db: Kysely<Database>, lockId: string) {
  return db.selectFrom('evidence_files').select(['name', 'media_type', 'bytes', 'sha256']).where('lock_id', '=', lockId).orderBy('name').execute();
}

export async function evidenceFile(db: Kysely<Database>, lockId: string, name: string) {
  return db.selectFrom('evidence_files').selectAll().where('lock_id', '=', lockId).where('name', '=', name).executeTakeFirst();
}

/** The ids of the units a lock covers. */
export async function evidenceLockUnitIds(db: Kysely<Database>, lockId: string): Promise<string[]> {
  const rows = await db.selectFrom('evidence_lock_units').select('unit_id').where('lock_id', '=', lockId).orderBy('unit_id').execute();
  return rows.map((r) => r.unit_id);
}

/** For each unit given, the newest lock of the period that covers it (by lock time, then id). */
export async function newestEvidenceLocks(db: Kysely<Database>, unitIds: string[], period: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('evidence_lock_units')
    .innerJoin('evidence_locks', 'evidence_locks.id', 'evidence_lock_units.lock_id')
    .select(['evidence_lock_units.unit_id as unitId', 'evidence_locks.id as id'])
    .where('evidence_lock_units.unit_id', 'in', unitIds)
    .where('evidence_locks.period', '=', period)
    .orderBy('evidence_locks.locked_at')
    .orderBy('evidence_locks.id')
    .execute();
  for (const r of rows) out.set(r.unitId, r.id);
  return out;
}

/** A lock's files with their stored text (UTF-8, as locked), by name. */
export async function evidenceFileContents(db: Kysely<Database>, lockId: string): Promise<{ name: string; content: string }[]> {
  const rows = await db.selectFrom('evidence_files').select(['name', 'content_base64']).where('lock_id', '=', lockId).orderBy('name').execute();
  return rows.map((r) => ({ name: r.name, content: Buffer.from(r.content_base64, 'base64').toString('utf8') }));
}

/** The time zone a lock's times are shown in: its unit's or region's (issue 25 item 5); null for a lock of all units. */
export async function lockTimeZone(db: Kysely<Database>, scope: { kind: 'unit'; slug: string } | { kind: 'region'; code: string } | { kind: 'all' }): Promise<string | null> {
  if (scope.kind === 'unit') {
    const row = await db.selectFrom('units').innerJoin('regions', 'regions.code', 'units.region_code').select('regions.timezone').where('units.slug', '=', scope.slug).executeTakeFirst();
    return row?.timezone ?? null;
  }
  if (scope.kind === 'region') return (await db.selectFrom('regions').select('timezone').where('code', '=', scope.code).executeTakeFirst())?.timezone ?? null;
  return null;
}

/**
 * Moderation that took effect after a lock on ratings of its units and period: exclusions and restorations applied by
 * staff, lifted by an evaluator, or approved (the moderation ledger), oldest first, with who asked and who decided.
 */
export async function moderationSinceLock(db: Kysely<Database>, lockId: string, from: string, to: string, since: string) {
  return db
    .selectFrom('moderation_requests as m')
    .innerJoin('evidence_lock_units as l', (j) => j.onRef('l.unit_id', '=', 'm.unit_id').on('l.lock_id', '=', lockId))
    .innerJoin('responses as r', 'r.id', 'm.response_id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .leftJoin('users as asker', 'asker.id', 'm.requested_by')
    .leftJoin('users as decider', 'decider.id', 'm.decided_by')
    .select(['u.slug as unitSlug', 'm.action', 'm.reason', 'm.note', 'm.decision', 'm.decision_reason as decisionReason', 'm.requested_at as requestedAt',
      'm.decided_at as decidedAt', 'r.local_date as localDate', 'asker.name as requestedBy', 'decider.name as decidedBy'])
    .where('m.decision', 'in', ['applied', 'approved'])
    .where('r.local_date', '>=', from)
    .where('r.local_date', '<=', to)
    .where((eb) => eb.or([eb('m.decided_at', '>=', since), eb.and([eb('m.decided_at', 'is', null), eb('m.requested_at', '>=', since)])]))
    .orderBy('m.requested_at')
    .execute();
}
