// The RTL register's evidence files and the publication log kept by hand (issue 18, items 1 and 3). Staff of the unit
// (and administrators) upload a PDF or an image as evidence of a follow-up item, and record a medium they published the
// results on; the files are public like the items they support (DOMAIN.md §7: RTL items are public).
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { PUBLICATION_MEDIA } from '../../core/schema.ts';
import { addFollowUpEvidence, followUpEvidenceFile } from '../../db/queries/follow-ups.ts';
import { listPublications, logPublication } from '../../db/queries/publications.ts';
import { unitLimitSettings } from '../../db/queries/unit-limits.ts';
import { EVIDENCE_MAX_BYTES, evidenceFileName, sniffEvidenceType } from '../../core/domain/evidence-upload.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import { isValidDate, parsePeriodCode } from '../../core/domain/periods.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { evidenceLimits, localDayBounds } from '../../core/domain/unit-limits.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readBodyBytes, readJsonBody } from '../middleware/json-body.ts';
import { parseWith } from '../validate.ts';
import { requireUnit } from './units.ts';
import { requireWorkspace } from './workspace-guard.ts';

/** Item and file ids (UUIDs; older or imported items may carry other short ids). */
const ID = /^[A-Za-z0-9-]{1,64}$/;
/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export const publicationSchema = v.object({
  medium: v.picklist(PUBLICATION_MEDIA, `must be one of ${PUBLICATION_MEDIA.join(', ')}`),
  publishedOn: v.pipe(v.string('must be a date YYYY-MM-DD'), v.isoDate('must be a date YYYY-MM-DD'), v.check(isValidDate, 'must be a date YYYY-MM-DD')),
  period: v.optional(v.nullable(v.pipe(v.string('must be a period such as 2026-Q3'), v.check((p) => { try { parsePeriodCode(p); return true; } catch { return false; } }, 'must be a period such as 2026-Q3')))),
  note: v.optional(v.nullable(v.pipe(v.string('must be text'), v.trim(), v.maxLength(500, 'must be at most 500 characters')))),
  evidenceUrl: v.pipe(v.string('is required: a link to a photo or screenshot of the publication'), v.maxLength(500, 'is too long'), v.regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) link')),
});

/** The unit's local date today. */
function unitToday(timezone: string, now: Date): string {
  return todayIn(isTimeZone(timezone) ? timezone : 'Asia/Jakarta', now);
}

/** The multipart body's `file`, read with a size limit while it streams (413 past 5 MB), never trusting its name or type. */
async function uploadedFile(c: Context): Promise<{ name: string; bytes: Uint8Array }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type', 'Send the file as multipart/form-data, field "file".');
  const limit = EVIDENCE_MAX_BYTES + ENVELOPE_BYTES;
  const tooLarge = () => new ApiError(413, 'payload_too_large', `The file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`);
  const bytes = await readBodyBytes(c, limit, tooLarge);
  if (!bytes) throw validationFailed({ file: 'is required' });
  let form: FormData;
  try {
    form = await new Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': c.req.header('content-type')! }, body: new Uint8Array(bytes) }).formData();
  } catch {
    throw new ApiError(400, 'malformed_form', 'The request body is not valid multipart/form-data.');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw validationFailed({ file: 'is required: a PDF or an image' });
  if (file.size > EVIDENCE_MAX_BYTES) throw tooLarge();
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function rtlRegisterRoutes({ db, now }: AppDeps) {
  const staff = new Hono<AppEnv>()
    .post('/units/:slug/follow-ups/:id/evidence', async (c) => {
      const { user, unit } = await requireWorkspace(c, db);
      const followUpId = c.req.param('id');
      if (!ID.test(followUpId)) throw notFound('A follow-up item of this unit', 'follow_up_not_found');
      const upload = await uploadedFile(c);
      const type = sniffEvidenceType(upload.bytes);
      if (!type) throw new ApiError(415, 'unsupported_file_type', 'Evidence must be a PDF or an image (PNG, JPEG, WebP); the file’s contents are none of these.');
      const at = now();
      const file = { id: uuidV7(at.getTime()), name: evidenceFileName(upload.name, type), mediaType: type, bytes: upload.bytes, sha256: createHash('sha256').update(upload.bytes).digest('hex') };
      // A storage quota per unit and a cap per day (issue 24 F3), both set by an administrator: staff cannot fill the
      // database, nor make the evidence pack heavier than the unit's quota.
      const set = await unitLimitSettings(db, unit.id);
      const { quotaBytes, perDayBytes } = evidenceLimits(set.evidence_quota_mb, set.evidence_mb_per_day);
      const tz = isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta';
      const day = localDayBounds(todayIn(tz, at), tz);
      const added = await addFollowUpEvidence(db, unit.id, followUpId, file, user.id, at, { quotaBytes, perDayBytes, dayStart: day.start, dayEnd: day.end });
      if (!added.ok) {
        if (added.reason === 'no_item') throw notFound('A follow-up item of this unit', 'follow_up_not_found');
        const mb = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MB`;
        if (added.reason === 'quota') {
          throw new ApiError(413, 'evidence_quota_exceeded', `This unit stores ${mb(added.usedBytes)} of evidence; its quota is ${mb(added.limitBytes)}, and this file (${mb(upload.bytes.length)}) does not fit. An administrator sets the quota.`);
        }
        throw new ApiError(409, 'evidence_daily_cap_reached', `This unit uploaded ${mb(added.usedBytes)} of evidence today; at most ${mb(added.limitBytes)} a day, and this file (${mb(upload.bytes.length)}) does not fit. Upload it tomorrow, or ask an administrator to raise the cap.`);
      }
      return c.json({
        id: file.id, name: file.name, mediaType: type, bytes: upload.bytes.length, sha256: file.sha256,
        url: `/api/units/${unit.slug}/follow-ups/${followUpId}/evidence/${file.id}`,
      }, 201);
    })
    .post('/units/:slug/publications', async (c) => {
      const { user, unit } = await requireWorkspace(c, db);
      const body = parseWith(publicationSchema, await readJsonBody(c));
      const at = now();
      const today = unitToday(unit.timezone, at);
      if (body.publishedOn > today) throw validationFailed({ publishedOn: 'must not be after today' });
      if (body.publishedOn < '2000-01-01') throw validationFailed({ publishedOn: 'must be 2000 or later' });
      const created = await logPublication(db, {
        unitId: unit.id, medium: body.medium, source: 'manual', publishedOn: body.publishedOn, period: body.period ?? null,
        note: body.note || null, evidenceUrl: body.evidenceUrl, createdBy: user.id,
      }, at);
      return c.json({ created, medium: body.medium, source: 'manual', publishedOn: body.publishedOn }, created ? 201 : 200);
    })
    .get('/units/:slug/publications', async (c) => {
      const { unit } = await requireWorkspace(c, db);
      const year = c.req.query('year') ?? unitToday(unit.timezone, now()).slice(0, 4);
      if (!/^\d{4}$/.test(year)) throw validationFailed({ year: 'must be a year such as 2026' });
      const rows = await listPublications(db, [unit.id], `${year}-01-01`, `${year}-12-31`);
      return c.json({
        year: Number(year),
        items: rows.map((p) => ({ id: p.id, medium: p.medium, source: p.source, publishedOn: p.published_on, period: p.period, note: p.note, evidenceUrl: p.evidence_url })),
      }, 200);
    });
  const units = new Hono<AppEnv>()
    .get('/:slug/follow-ups/:id/evidence/:fileId', async (c) => {
      const unit = await requireUnit(db, c.req.param('slug'));
      const { id, fileId } = c.req.param();
      const file = ID.test(id) && ID.test(fileId) ? await followUpEvidenceFile(db, unit.id, id, fileId) : undefined;
      if (!file) throw notFound('Evidence file of a follow-up item', 'evidence_file_not_found');
      c.header('Content-Type', file.media_type);
      // Always a download, never rendered in the portal's origin.
      c.header('Content-Disposition', `attachment; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"`);
      c.header('X-Content-SHA256', file.sha256);
      return c.body(new Uint8Array(Buffer.from(file.content_base64, 'base64')), 200);
    });
  return { staff, units };
}
