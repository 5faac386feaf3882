// Locked evidence snapshots (docs/decisions/026-locked-evidence.md): written once, in one transaction with the audit
// entry, and only ever read afterwards. Nothing here updates or deletes a lock or its files.
import type { Kysely } from 'kysely';
import type { Database, EvidenceLock } from '../database.ts';
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
export async function insertEvidenceLock(db: Kysely<Database>, lock: NewEvidenceLock, now: Date): Promise<number> {
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
