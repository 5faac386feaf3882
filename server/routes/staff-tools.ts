// The unit workspace's tools: follow-up plan items, visit codes, the QR poster, kiosk devices and the audit trail.
import { Hono } from 'hono';
import * as v from 'valibot';
import { auditEntries } from '../../db/queries/audit.ts';
import { createFollowUp, listFollowUps, updateFollowUp } from '../../db/queries/follow-ups.ts';
import { listKiosks, registerKiosk, revokeKiosk } from '../../db/queries/kiosks.ts';
import { unitSumsByService } from '../../db/queries/scores.ts';
import { unitLimitSettings } from '../../db/queries/unit-limits.ts';
import { issueVisitCodesWithinCap, unusedVisitCodes, visitCodeCounts } from '../../db/queries/visit-codes.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import { followUpPatchSchema, followUpSchema } from '../../core/domain/follow-up-input.ts';
import { FOLLOW_UP_TEMPLATES } from '../../core/domain/follow-up-templates.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import { posterSvg } from '../../core/domain/poster.ts';
import { totalOf, weakestElements } from '../../core/domain/scores.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { localDayBounds, visitCodesPerDay } from '../../core/domain/unit-limits.ts';
import type { ElementCode } from '../../core/domain/skm.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { parseWith } from '../validate.ts';
import { parseLimit } from './pagination.ts';
import { periodFromQuery } from './period-query.ts';
import { requireWorkspace } from './workspace-guard.ts';

export const codesSchema = v.object({ count: v.pipe(v.number('must be a whole number from 1 to 500'), v.integer('must be a whole number from 1 to 500'), v.minValue(1, 'must be a whole number from 1 to 500'), v.maxValue(500, 'must be a whole number from 1 to 500')) });
export const kioskSchema = v.object({ name: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(100, 'must be at most 100 characters')) });

export function staffToolRoutes({ db, now, publicUrl }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/units/:slug/follow-ups/suggestions', async (c) => {
      const { unit } = await requireWorkspace(c, db);
      const period = periodFromQuery(c.req.query(), now());
      const total = totalOf((await unitSumsByService(db, unit.id, period.from, period.to)).map((s) => s.sums));
      // The weakest elements first, by their exact NRR (DOMAIN.md §7: an RTL usually targets the weakest element).
      const weakest = weakestElements(total);
      return c.json({
        period: { code: period.code, from: period.from, to: period.to },
        items: weakest.map((e) => ({ element: { code: e.code, name: e.name }, nrr: e.nrr, ...FOLLOW_UP_TEMPLATES[e.code as ElementCode] })),
      }, 200);
    })
    .post('/units/:slug/follow-ups', async (c) => {
      const { user, unit } = await requireWorkspace(c, db);
      const f = parseWith(followUpSchema, await readJsonBody(c));
      const at = now();
      const id = uuidV7(at.getTime());
      await createFollowUp(db, unit.id, id, f, user.id, at, todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', at));
      return c.json({ id, ...f }, 201);
    })
    .patch('/units/:slug/follow-ups/:id', async (c) => {
      const { user, unit } = await requireWorkspace(c, db);
      const patch = parseWith(followUpPatchSchema, await readJsonBody(c));
      if (Object.keys(patch).length === 0) throw validationFailed({ '(body)': 'name at least one field to change' });
      const at = now();
      if (!(await updateFollowUp(db, unit.id, c.req.param('id'), patch, user.id, at, todayIn(isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta', at)))) throw notFound('A follow-up item of this unit', 'follow_up_not_found');
      const item = (await listFollowUps(db, unit.id)).find((f) => f.id === c.req.param('id'))!;
      return c.json({ id: item.id, status: item.status, progress: item.progress, plannedOn: item.planned_on, startedOn: item.started_on, completedOn: item.completed_on, updatedAt: item.updated_at }, 200);
    })
    .post('/units/:slug/visit-codes', async (c) => {
      const { user, unit } = await requireWorkspace(c, db);
      const { count } = parseWith(codesSchema, await readJsonBody(c));
      // At most what the unit serves in a day (issue 24 F6): codes minted beyond it would verify ratings of no visit.
      const limits = await unitLimitSettings(db, unit.id);
      const cap = visitCodesPerDay(limits.visit_codes_per_day, limits.declaredUsers);
      const at = now();
      const tz = isTimeZone(unit.timezone) ? unit.timezone : 'Asia/Jakarta';
      const today = todayIn(tz, at);
      const issued = await issueVisitCodesWithinCap(db, unit.id, count, cap, localDayBounds(today, tz), at, user.id);
      if (!issued.ok) {
        const left = Math.max(0, cap - issued.issuedToday);
        throw new ApiError(409, 'visit_code_cap_reached', `This unit may issue ${cap} visit codes a day (${today}); ${issued.issuedToday} are issued, ${left} left. An administrator sets the cap.`, { count: `at most ${left} today` });
      }
      return c.json({ codes: issued.codes, cap: { perDay: cap, issuedToday: issued.issuedToday } }, 201);
    })
    .get('/units/:slug/visit-codes', async (c) => {
      const { unit } = await requireWorkspace(c, db);
      // Unused codes are listed (to hand out); used ones only counted, never when or by which rating (issue 15, finding 8).
      const status = c.req.query('status') ?? 'unused';
      if (status !== 'unused') throw validationFailed({ status: 'must be unused: used codes are counted, never listed' });
      const [counts, rows] = await Promise.all([visitCodeCounts(db, unit.id), unusedVisitCodes(db, unit.id, parseLimit(c.req.query('limit'), 500))]);
      return c.json({ counts, items: rows.map((r) => ({ code: r.code, issuedAt: r.issued_at })) }, 200);
    })
    .get('/units/:slug/poster.svg', async (c) => {
      const { unit } = await requireWorkspace(c, db);
      const base = (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
      const en = c.req.query('lang') === 'en';
      const svg = posterSvg({
        heading: en ? 'Rate our service' : 'Nilai pelayanan kami',
        unitName: unit.name,
        regionName: unit.regionName,
        instruction: en ? 'Scan with your phone camera. Nine questions, about two minutes, no name needed.' : 'Pindai dengan kamera ponsel. Sembilan pertanyaan, sekitar dua menit, tanpa nama.',
        url: `${base}${en ? '/en' : ''}/nilai/${unit.slug}?ch=qr`,
      });
      c.header('Content-Type', 'image/svg+xml; charset=utf-8');
      c.header('Content-Disposition', `inline; filename="poster-${unit.slug}.svg"`);
      return c.body(svg, 200);
    })
    .get('/units/:slug/kiosks', async (c) => {
      const { unit } = await requireWorkspace(c, db);
      const rows = await listKiosks(db, unit.id);
      return c.json({ items: rows.map((k) => ({ id: k.id, name: k.name, createdAt: k.created_at, revokedAt: k.revoked_at, status: k.approved_at ? 'approved' : 'pending' })) }, 200);
    })
    .post('/units/:slug/kiosks', async (c) => {
      const { user, unit } = await requireWorkspace(c, db);
      const { name } = parseWith(kioskSchema, await readJsonBody(c));
      const at = now();
      const id = uuidV7(at.getTime());
      const token = newToken();
      const status = await registerKiosk(db, unit.id, { id, name, tokenHash: sha256(token) }, user.id, at);
      // The token is shown once: the kiosk stores it; the database keeps only its hash. A pending kiosk's ratings are
      // refused until an administrator approves it.
      return c.json({ id, name, token, status, kioskUrl: `/nilai/${unit.slug}?ch=kiosk` }, 201);
    })
    .delete('/units/:slug/kiosks/:id', async (c) => {
      const { user, unit } = await requireWorkspace(c, db);
      if (!(await revokeKiosk(db, unit.id, c.req.param('id'), user.id, now()))) throw notFound('An active kiosk of this unit', 'kiosk_not_found');
      return c.body(null, 204);
    })
    .get('/units/:slug/audit', async (c) => {
      const { unit } = await requireWorkspace(c, db);
      const rows = await auditEntries(db, { unitId: unit.id, limit: parseLimit(c.req.query('limit'), 100) });
      return c.json({ items: rows.map((r) => ({ at: r.at, action: r.action, target: r.target, details: r.details ? JSON.parse(r.details) : null })) }, 200);
    });
}
