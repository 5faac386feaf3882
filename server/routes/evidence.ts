// Locked evidence (issue 16 item 9, docs/decisions/026-locked-evidence.md). An evaluator of the region or an
// administrator locks a period's evidence for a unit, a region, or their whole scope; the snapshot's files and hashes
// are stored once and never changed. Reading a snapshot, its hashes and whether the live figures still match needs no
// account: it is the evidence an appraiser follows a link to. The files themselves hold exact figures behind any number
// of ratings, so only an account whose scope covers the lock downloads them (decision 050).
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { EvidenceLock, User } from '../../core/schema.ts';
import { evidenceFile, evidenceFileContents, evidenceFileList, evidenceLockVersions, findEvidenceLock, insertEvidenceLock, lockTimeZone, moderationSinceLock } from '../../db/queries/evidence.ts';
import { minPublicRatings } from '../../db/queries/settings.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { workspaceUnit } from '../../db/queries/workspace.ts';
import { clientAddress } from '../auth/client.ts';
import { scopeOf } from '../auth/scope.ts';
import { DEFAULT_THRESHOLDS } from '../../core/domain/asn-evidence.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import { isTimeZone, todayIn, type TimeZone } from '../../core/domain/time-zones.ts';
import { parseCsv } from '../../core/domain/csv.ts';
import { evidenceLocked } from '../webhooks/events.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { compareFiles, figureChanges, parseLockScope, type FigureChange, type LiveComparison } from '../../core/domain/evidence-lock.ts';
import { evidenceFormatOf, snapshotFiles, snapshotUnits, verifyPath } from '../export/evidence-snapshot.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { enforceLimits } from '../middleware/throttle.ts';
import { requireRole, requireUser } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';
import { periodFromQuery } from './period-query.ts';

export const lockSchema = v.object({
  period: v.pipe(v.string('must be a period code'), v.regex(/^\d{4}(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a year, semester, quarter or month (2026, 2026-S1, 2026-Q3, 2026-08)')),
  unit: v.optional(v.pipe(v.string('must be a unit slug'), v.regex(/^[a-z0-9-]{1,80}$/, 'must be a unit slug'))),
  region: v.optional(v.pipe(v.string('must be a region code'), v.regex(/^[0-9.]{2,20}$/, 'must be a region code'))),
});

/** Lock ids are UUIDs; anything else is a 404 without a database query. */
export const LOCK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FILE_NAME = /^[a-z0-9-]{1,100}\.(csv|json)$/;

export interface Verification {
  lock: EvidenceLock;
  files: Awaited<ReturnType<typeof evidenceFileList>>;
  versions: Awaited<ReturnType<typeof evidenceLockVersions>>;
  live: LiveComparison;
  /** Each figure that differs now from the locked files (issue 25, item 5). */
  figures: FigureChange[];
  /** Moderation that took effect on the lock's ratings since it was locked. */
  moderations: Awaited<ReturnType<typeof moderationSinceLock>>;
  /** The unit's or region's time zone (WIB, WITA, WIT), in which the page shows times. */
  timeZone: TimeZone;
  /** k: the fewest ratings behind a figure the public page shows (decision 047, 050). */
  minPublicRatings: number;
}

/** Verifications one client may ask for in 10 minutes: each makes the snapshot's files again (an export of its scope). */
export const VERIFY_LIMIT = { limit: 30, windowMs: 10 * 60_000 };

/** Takes a verification slot for this client, or refuses with 429 and Retry-After. */
export async function limitVerification(c: Context, { db, now, trustProxy }: AppDeps): Promise<void> {
  const client = createHash('sha256').update(clientAddress(c, trustProxy)).digest('hex').slice(0, 32);
  await enforceLimits(c, db, [{ bucket: `evidence-verify:${client}`, ...VERIFY_LIMIT }], now(), 'too_many_requests', 'Too many verifications from this connection; please try again later.');
}

/** A lock, its files, every version of its period and scope, and how its files compare with the same files made now. */
export async function verifyLock({ db, now, asnThresholds }: AppDeps, id: string): Promise<Verification | undefined> {
  if (!LOCK_ID.test(id)) return undefined;
  const lock = await findEvidenceLock(db, id);
  if (!lock) return undefined;
  const [files, versions, lockedEvidence] = await Promise.all([evidenceFileList(db, id), evidenceLockVersions(db, lock.period, lock.scope), evidenceFile(db, id, 'asn-evidence.csv')]);
  const scope = parseLockScope(lock.scope);
  const at = now();
  const live = await snapshotFiles({
    db, period: periodFromQuery({ period: lock.period }, at), unitSlug: scope.kind === 'unit' ? scope.slug : null,
    regionCodes: scope.kind === 'region' ? await regionAndDescendants(db, scope.code) : null,
    today: todayIn('Asia/Jakarta', at), thresholds: asnThresholds ?? DEFAULT_THRESHOLDS, publicUrl: lock.public_url, lockId: lock.id, at,
    // Made again in the lock's own format, so a lock from before a format change is not "changed" by it (decision 048).
    evidenceFormat: lockedEvidence ? evidenceFormatOf(Buffer.from(lockedEvidence.content_base64, 'base64').toString('utf8')) : undefined,
  });
  const comparison = compareFiles(files, live);
  const period = periodFromQuery({ period: lock.period }, at);
  const [figures, moderations, zone, k] = await Promise.all([
    comparison.changed ? evidenceFileContents(db, id).then((locked) => figureChanges(locked, live, (text) => parseCsv(text).map((r) => r.cells))) : [],
    comparison.changed ? moderationSinceLock(db, id, period.from, period.to, lock.locked_at) : [],
    lockTimeZone(db, scope),
    minPublicRatings(db),
  ]);
  return { lock, files, versions, live: comparison, figures, moderations, timeZone: zone && isTimeZone(zone) ? zone : 'Asia/Jakarta', minPublicRatings: k };
}

function lockJson(v: Verification) {
  const { lock } = v;
  return {
    id: lock.id, version: lock.version, period: lock.period, scope: lock.scope,
    lockedAt: lock.locked_at, lockedBy: { name: lock.locked_by_name, role: lock.locked_by_role },
    verifyUrl: `${lock.public_url}${verifyPath(lock.id)}`,
    files: v.files.map((f) => ({ name: f.name, mediaType: f.media_type, bytes: f.bytes, sha256: f.sha256, url: `/api/evidence/${lock.id}/files/${f.name}` })),
    versions: v.versions.map((x) => ({ id: x.id, version: x.version, lockedAt: x.locked_at })),
  };
}

async function lockScope(c: Context<AppEnv>, db: AppDeps['db'], body: v.InferOutput<typeof lockSchema>) {
  const user = requireRole(c, 'evaluator', 'admin');
  if (body.unit && body.region) throw validationFailed({ region: 'give a unit or a region, not both' });
  const scope = await scopeOf(db, user);
  if (body.unit) {
    const unit = await workspaceUnit(db, scope, body.unit);
    if (unit === undefined) throw notFound(`Unit "${body.unit}"`, 'unit_not_found');
    if (unit === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not lock evidence of that unit.');
    return { user, scope: `unit:${unit.slug}`, unitSlug: unit.slug, regionCodes: null };
  }
  // Neither: the evaluator's own region, or everything for a national evaluator or an administrator.
  const region = body.region ?? (user.role === 'evaluator' ? user.region_code : null);
  if (!region) return { user, scope: 'all', unitSlug: null, regionCodes: null };
  const codes = await regionAndDescendants(db, region);
  if (codes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
  if (scope.kind === 'regions' && !codes.every((code) => scope.codes.includes(code))) throw new ApiError(403, 'forbidden', 'This account may not lock evidence of that region.');
  return { user, scope: `region:${region}`, unitSlug: null, regionCodes: codes };
}

/**
 * Whether an account reads a lock's files and its exact figures (decision 050): an administrator or a national
 * evaluator any lock; an evaluator a lock of a unit or region inside their region; the unit's staff a lock of their own
 * unit (the figures their own exports give exactly). The same scope rules as locking (`lockScope`).
 */
export async function mayReadLockFiles(db: AppDeps['db'], user: User | null, lockScopeText: string): Promise<boolean> {
  if (!user || !['admin', 'evaluator', 'staff'].includes(user.role)) return false;
  const scope = await scopeOf(db, user);
  if (scope.kind === 'all') return true;
  const lock = parseLockScope(lockScopeText);
  if (lock.kind === 'unit') {
    const unit = await workspaceUnit(db, scope, lock.slug);
    return unit !== undefined && unit !== 'forbidden';
  }
  if (lock.kind === 'region' && scope.kind === 'regions') {
    const codes = await regionAndDescendants(db, lock.code);
    return codes.length > 0 && codes.every((code) => scope.codes.includes(code));
  }
  return false;
}

export function evidenceRoutes(deps: AppDeps) {
  const { db, now, publicUrl, asnThresholds } = deps;
  return new Hono<AppEnv>()
    .post('/locks', async (c) => {
      requireRole(c, 'evaluator', 'admin');
      const body = parseWith(lockSchema, await readJsonBody(c));
      const target = await lockScope(c, db, body);
      const at = now();
      const period = periodFromQuery({ period: body.period }, at);
      const id = uuidV7(at.getTime());
      const base = (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
      const input = { db, period, unitSlug: target.unitSlug, regionCodes: target.regionCodes, today: todayIn('Asia/Jakarta', at), thresholds: asnThresholds ?? DEFAULT_THRESHOLDS, publicUrl: base, lockId: id, at };
      const units = await snapshotUnits(input);
      if (units.length === 0) throw new ApiError(422, 'no_units', 'There is no unit in that region to lock evidence of.');
      const files = await snapshotFiles(input);
      let version: number;
      try {
        version = await insertEvidenceLock(db, {
          id, period: period.code, scope: target.scope, publicUrl: base, unitIds: units.map((u) => u.id),
          user: { id: target.user.id, name: target.user.name, role: target.user.role }, files,
        }, at, (trx, v) => evidenceLocked(trx, deps, { id, version: v, period: period.code, scope: target.scope, unitIds: units.map((u) => u.id) }, at));
      } catch (error) {
        // Two locks of one period and scope at the same moment: the unique version refuses the second.
        if (/unique|duplicate/i.test(String(error))) throw new ApiError(409, 'lock_conflict', 'Another lock of this period and scope was being stored at the same moment; try again.');
        throw error;
      }
      return c.json({
        id, version, period: period.code, scope: target.scope, lockedAt: at.toISOString(),
        lockedBy: { name: target.user.name, role: target.user.role }, units: units.map((u) => u.slug),
        verifyUrl: `${base}${verifyPath(id)}`,
        files: files.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: f.bytes, sha256: f.sha256, url: `/api/evidence/${id}/files/${f.name}` })),
      }, 201);
    })
    .get('/locks/:id', async (c) => {
      await limitVerification(c, deps);
      const result = await verifyLock(deps, c.req.param('id'));
      if (!result) throw notFound('Locked evidence', 'evidence_not_found');
      return c.json({ ...lockJson(result), live: { checkedAt: now().toISOString(), changed: result.live.changed, changedFiles: result.live.changedFiles, addedFiles: result.live.addedFiles } }, 200);
    })
    .get('/:id/files/:name', async (c) => {
      const id = c.req.param('id');
      const name = c.req.param('name');
      const lock = LOCK_ID.test(id) && FILE_NAME.test(name) ? await findEvidenceLock(db, id) : undefined;
      if (!lock) throw notFound('File of locked evidence', 'evidence_file_not_found');
      // The files are exact at any n (decision 050): anyone sees their hashes on the verification page, but only an
      // account whose scope covers the lock downloads them.
      const user = requireUser(c);
      if (!(await mayReadLockFiles(db, user, lock.scope))) {
        throw new ApiError(403, 'evidence_restricted', 'Only an evaluator or administrator whose scope covers this locked evidence (or the unit\'s staff, for a lock of their unit) may download its files; the verification page shows each file\'s SHA-256.');
      }
      const file = await evidenceFile(db, id, name);
      if (!file) throw notFound('File of locked evidence', 'evidence_file_not_found');
      c.header('Content-Type', file.media_type);
      c.header('Content-Disposition', `attachment; filename="rapor-bukti-${id.slice(0, 8)}-${name}"`);
      // The hash stored when the evidence was locked: hex, and as an RFC 9530 digest of the representation.
      c.header('X-Content-SHA256', file.sha256);
      c.header('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
      return c.body(new Uint8Array(Buffer.from(file.content_base64, 'base64')), 200);
    });
}
