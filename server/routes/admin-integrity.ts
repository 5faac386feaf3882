// Administration of what guards the scores (issue "Scores that cannot be bought"): kiosk approvals and caps, and the
// setting that makes the ASN permit indicators count verified reports only.
import { Hono } from 'hono';
import * as v from 'valibot';
import { writeAudit } from '../../db/queries/audit.ts';
import { approveKiosk, pendingKiosks, setKioskCap } from '../../db/queries/kiosks.ts';
import { readSettings, writeSetting } from '../../db/queries/settings.ts';
import { setUnitLimits, unitLimitSettings } from '../../db/queries/unit-limits.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { settingsSchema } from '../../core/domain/admin-input.ts';
import { parseMinPublicRatings } from '../../core/domain/small-cells.ts';
import { evidenceLimits, MAX_EVIDENCE_QUOTA_MB, MAX_VISIT_CODES_PER_DAY, visitCodesPerDay } from '../../core/domain/unit-limits.ts';
import { notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';
import { parseDataProtectionContact, privacyContact as readPrivacyContact } from '../views/privacy-contact.ts';

export const capSchema = v.object({ kioskCap: v.pipe(v.number('must be a whole number from 0 to 50'), v.integer('must be a whole number from 0 to 50'), v.minValue(0, 'must be a whole number from 0 to 50'), v.maxValue(50, 'must be a whole number from 0 to 50')) });
const wholeOrNull = (max: number) => {
  const m = `must be a whole number from 1 to ${max}, or null for the default`;
  return v.optional(v.nullable(v.pipe(v.number(m), v.integer(m), v.minValue(1, m), v.maxValue(max, m))));
};
// Issue 24 F3, F6: what a unit's staff may do per day and in all; null returns a limit to the portal's default.
export const limitsSchema = v.object({ visitCodesPerDay: wholeOrNull(MAX_VISIT_CODES_PER_DAY), evidenceQuotaMb: wholeOrNull(MAX_EVIDENCE_QUOTA_MB), evidenceMbPerDay: wholeOrNull(MAX_EVIDENCE_QUOTA_MB) });

function publicSettings(s: Awaited<ReturnType<typeof readSettings>>) {
  return { asnPermitVerifiedOnly: s.asn_permit_verified_only === 'true', dataProtectionContact: parseDataProtectionContact(s.data_protection_contact), minPublicRatings: parseMinPublicRatings(s.min_public_ratings) };
}

export function adminIntegrityRoutes({ db, now }: AppDeps) {
  /** A unit's limits as set (null: default) and as they apply. */
  async function limitsOf(unitId: string, slug: string) {
    const set = await unitLimitSettings(db, unitId);
    const evidence = evidenceLimits(set.evidence_quota_mb, set.evidence_mb_per_day);
    return {
      slug,
      set: { visitCodesPerDay: set.visit_codes_per_day, evidenceQuotaMb: set.evidence_quota_mb, evidenceMbPerDay: set.evidence_mb_per_day },
      applied: { visitCodesPerDay: visitCodesPerDay(set.visit_codes_per_day, set.declaredUsers), evidenceQuotaMb: evidence.quotaBytes / 1048576, evidenceMbPerDay: evidence.perDayBytes / 1048576 },
    };
  }
  // Public: the privacy page shows whom to ask about personal data.
  const privacyContact = new Hono<AppEnv>()
    .get('/', async (c) => c.json({ contact: await readPrivacyContact(db) }, 200));
  const admin = new Hono<AppEnv>()
    .get('/settings', async (c) => {
      requireRole(c, 'admin');
      return c.json(publicSettings(await readSettings(db)), 200);
    })
    .put('/settings', async (c) => {
      const user = requireRole(c, 'admin');
      const input = parseWith(settingsSchema, await readJsonBody(c));
      const at = now();
      if (input.asnPermitVerifiedOnly !== undefined) await writeSetting(db, 'asn_permit_verified_only', String(input.asnPermitVerifiedOnly), at);
      if (input.dataProtectionContact !== undefined) {
        await writeSetting(db, 'data_protection_contact', input.dataProtectionContact ? JSON.stringify(input.dataProtectionContact) : '', at);
      }
      if (input.minPublicRatings !== undefined) await writeSetting(db, 'min_public_ratings', String(input.minPublicRatings), at);
      await writeAudit(db, { userId: user.id, action: 'settings.update', details: { changed: Object.keys(input) } }, at);
      return c.json(publicSettings(await readSettings(db)), 200);
    })
    .get('/kiosks', async (c) => {
      requireRole(c, 'admin');
      return c.json({ items: await pendingKiosks(db) }, 200);
    })
    .post('/kiosks/:id/approve', async (c) => {
      const user = requireRole(c, 'admin');
      if (!(await approveKiosk(db, c.req.param('id'), user.id, now()))) throw notFound('An active kiosk', 'kiosk_not_found');
      return c.json({ id: c.req.param('id'), status: 'approved' }, 200);
    })
    .get('/units/:slug/limits', async (c) => {
      requireRole(c, 'admin');
      const unit = await findUnitBySlug(db, c.req.param('slug'));
      if (!unit) throw notFound(`Unit "${c.req.param('slug')}"`, 'unit_not_found');
      return c.json(await limitsOf(unit.id, unit.slug), 200);
    })
    .put('/units/:slug/limits', async (c) => {
      const user = requireRole(c, 'admin');
      const input = parseWith(limitsSchema, await readJsonBody(c));
      const patch = {
        ...(input.visitCodesPerDay !== undefined ? { visit_codes_per_day: input.visitCodesPerDay } : {}),
        ...(input.evidenceQuotaMb !== undefined ? { evidence_quota_mb: input.evidenceQuotaMb } : {}),
        ...(input.evidenceMbPerDay !== undefined ? { evidence_mb_per_day: input.evidenceMbPerDay } : {}),
      };
      if (Object.keys(patch).length === 0) throw validationFailed({ '(body)': 'name at least one of visitCodesPerDay, evidenceQuotaMb, evidenceMbPerDay' });
      const unit = await setUnitLimits(db, c.req.param('slug'), patch, user.id, now());
      if (!unit) throw notFound(`Unit "${c.req.param('slug')}"`, 'unit_not_found');
      return c.json(await limitsOf(unit.id, c.req.param('slug')), 200);
    })
    .put('/units/:slug/kiosk-cap', async (c) => {
      const user = requireRole(c, 'admin');
      const { kioskCap } = parseWith(capSchema, await readJsonBody(c));
      if (!(await setKioskCap(db, c.req.param('slug'), kioskCap, user.id, now()))) throw notFound(`Unit "${c.req.param('slug')}"`, 'unit_not_found');
      return c.json({ slug: c.req.param('slug'), kioskCap }, 200);
    });
  return { privacyContact, admin };
}
