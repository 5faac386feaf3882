// Administration of what guards the scores (issue "Scores that cannot be bought"): kiosk approvals and caps, and the
// setting that makes the ASN permit indicators count verified reports only.
import { Hono } from 'hono';
import * as v from 'valibot';
import { writeAudit } from '../../db/queries/audit.ts';
import { approveKiosk, pendingKiosks, setKioskCap } from '../../db/queries/kiosks.ts';
import { readSettings, writeSetting } from '../../db/queries/settings.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { dataProtectionContactSchema, settingsSchema, type DataProtectionContact } from '../domain/admin-input.ts';
import { parseMinPublicRatings } from '../domain/small-cells.ts';
import { notFound } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';

const capSchema = v.object({ kioskCap: v.pipe(v.number('must be a whole number from 0 to 50'), v.integer('must be a whole number from 0 to 50'), v.minValue(0, 'must be a whole number from 0 to 50'), v.maxValue(50, 'must be a whole number from 0 to 50')) });
function dataProtectionContact(s: Awaited<ReturnType<typeof readSettings>>): DataProtectionContact {
  if (!s.data_protection_contact) return null;
  try {
    return v.parse(dataProtectionContactSchema, JSON.parse(s.data_protection_contact));
  } catch {
    return null; // a value this version cannot read is shown as no contact, never as an error
  }
}

function publicSettings(s: Awaited<ReturnType<typeof readSettings>>) {
  return { asnPermitVerifiedOnly: s.asn_permit_verified_only === 'true', dataProtectionContact: dataProtectionContact(s), minPublicRatings: parseMinPublicRatings(s.min_public_ratings) };
}

export function adminIntegrityRoutes({ db, now }: AppDeps) {
  return new Hono<AppEnv>()
    // Public: the privacy page shows whom to ask about personal data.
    .get('/privacy-contact', async (c) => c.json({ contact: dataProtectionContact(await readSettings(db)) }, 200))
    .get('/admin/settings', async (c) => {
      requireRole(c, 'admin');
      return c.json(publicSettings(await readSettings(db)), 200);
    })
    .put('/admin/settings', async (c) => {
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
    .get('/admin/kiosks', async (c) => {
      requireRole(c, 'admin');
      return c.json({ items: await pendingKiosks(db) }, 200);
    })
    .post('/admin/kiosks/:id/approve', async (c) => {
      const user = requireRole(c, 'admin');
      if (!(await approveKiosk(db, c.req.param('id'), user.id, now()))) throw notFound('An active kiosk', 'kiosk_not_found');
      return c.json({ id: c.req.param('id'), status: 'approved' }, 200);
    })
    .put('/admin/units/:slug/kiosk-cap', async (c) => {
      const user = requireRole(c, 'admin');
      const { kioskCap } = parseWith(capSchema, await readJsonBody(c));
      if (!(await setKioskCap(db, c.req.param('slug'), kioskCap, user.id, now()))) throw notFound(`Unit "${c.req.param('slug')}"`, 'unit_not_found');
      return c.json({ slug: c.req.param('slug'), kioskCap }, 200);
    });
}
