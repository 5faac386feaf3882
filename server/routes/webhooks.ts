// Signed webhooks (issue 27 item 5, docs/decisions/064): register an endpoint (its whsec_ secret answered once), list,
// pause or resume, rotate the secret, delete, and read and redeliver its delivery log. Who may: an administrator for
// any unit, a region or every unit; an evaluator for a unit or region inside their own (their whole region by
// default); staff for their own unit only, and not review.queued (the review of held comments is outside the unit,
// decision 019). Each account manages its own endpoints; an administrator manages every one.
import { Hono, type Context } from 'hono';
import { REVIEWER_ONLY_EVENTS, newWebhookSecret, webhookCreateSchema, webhookPatchSchema } from '../../core/domain/webhooks.ts';
import type { User } from '../../core/schema.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import {
  deleteWebhookEndpoint, findWebhookEndpoint, insertWebhookEndpoint, listWebhookEndpoints, redeliver, rotateWebhookSecret,
  setWebhookPaused, webhookDeliveries, webhookId,
} from '../../db/queries/webhooks.ts';
import { workspaceUnit } from '../../db/queries/workspace.ts';
import { scopeOf } from '../auth/scope.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';
import { AddressRefused, checkPublicHost } from '../webhooks/address.ts';
import { webhookSecretBox } from '../webhooks/secrets.ts';
import { parseLimit } from './pagination.ts';

/** After a rotation the old secret keeps signing beside the new one this long, so a receiver can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

const ID = /^(ep|msg)_[0-9a-f]{32}$/;

function endpointJson(e: { id: string; url: string; events: string; unitSlug?: string | null; region_code: string | null; created_at: string; secret_rotated_at: string | null; paused_at: string | null; disabled_at: string | null; disabled_reason: string | null }) {
  return {
    id: e.id, url: e.url, events: e.events.split(','), unit: e.unitSlug ?? null, region: e.region_code,
    status: e.disabled_at ? 'disabled' : e.paused_at ? 'paused' : 'active',
    createdAt: e.created_at, secretRotatedAt: e.secret_rotated_at, pausedAt: e.paused_at, disabledAt: e.disabled_at, disabledReason: e.disabled_reason,
  };
}

/** Refuses, in a live portal, an address whose host resolves to a private, loopback or link-local network. */
export async function refuseNonPublicUrl(url: string): Promise<void> {
  try {
    await checkPublicHost(new URL(url).hostname);
  } catch (error) {
    if (error instanceof AddressRefused) {
      throw new ApiError(422, 'webhook_address_refused', `The webhook address ${error.message}: a live portal only calls public addresses.`, { url: 'must resolve to public addresses only' });
    }
    throw new ApiError(422, 'webhook_host_unresolvable', `The webhook address's host does not resolve (${(error as Error).message}).`, { url: 'must name a host that resolves' });
  }
}

export function webhookRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const secrets = webhookSecretBox(db, deps.webhookKey);
  /** The owner filter of an account: null (every endpoint) for an administrator. */
  const ownerOf = (user: User) => (user.role === 'admin' ? null : user.id);
  const endpointOf = async (c: Context<AppEnv>, user: User) => {
    const id = c.req.param('id') ?? '';
    const endpoint = ID.test(id) ? await findWebhookEndpoint(db, id, ownerOf(user)) : undefined;
    if (!endpoint) throw notFound('A webhook endpoint of this account', 'webhook_not_found');
    return endpoint;
  };

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireRole(c, 'admin', 'evaluator', 'staff');
      const body = parseWith(webhookCreateSchema, await readJsonBody(c));
      if (user.role === 'staff' && body.events.some((e) => REVIEWER_ONLY_EVENTS.includes(e))) {
        throw validationFailed({ events: `${REVIEWER_ONLY_EVENTS.join(', ')} is for evaluators and administrators: the review of held comments is outside the unit` });
      }
      let unitId: string | null = null;
      let regionCode: string | null = null;
      const scope = await scopeOf(db, user);
      if (body.unit) {
        const unit = await workspaceUnit(db, scope, body.unit);
        if (unit === undefined) throw notFound(`Unit "${body.unit}"`, 'unit_not_found');
        if (unit === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not watch this unit.');
        unitId = unit.id;
      } else if (user.role === 'staff') {
        if (!user.unit_id) throw new ApiError(403, 'forbidden', 'This account has no unit.');
        unitId = user.unit_id;
      } else if (user.role === 'evaluator') {
        // An evaluator's endpoint without a unit covers their region and its sub-regions (a national one: every unit).
        regionCode = user.region_code;
      }
      if (deps.refuseNonPublicWebhooks) await refuseNonPublicUrl(body.url);
      const at = now();
      const id = webhookId('ep', at);
      const secret = newWebhookSecret();
      const box = await secrets(at);
      await db.transaction().execute(async (trx) => {
        await insertWebhookEndpoint(trx, { id, ownerUserId: user.id, url: body.url, events: body.events, unitId, regionCode, secretSealed: box.seal(secret) }, at);
        await writeAudit(trx, { userId: user.id, action: 'webhook.create', unitId, target: id, details: { url: body.url, events: body.events, region: regionCode } }, at);
      });
      // The secret is answered here once; the portal keeps it sealed (server/webhooks/secrets.ts) and never shows it again.
      const row = (await listWebhookEndpoints(db, user.id)).find((e) => e.id === id)!;
      return c.json({ ...endpointJson(row), secret }, 201);
    })
    .get('/', async (c) => {
      const user = requireRole(c, 'admin', 'evaluator', 'staff');
      const rows = await listWebhookEndpoints(db, ownerOf(user));
      return c.json({ items: rows.map(endpointJson) }, 200);
    })
    .patch('/:id', async (c) => {
      const user = requireRole(c, 'admin', 'evaluator', 'staff');
      const { paused } = parseWith(webhookPatchSchema, await readJsonBody(c));
      const endpoint = await endpointOf(c, user);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await setWebhookPaused(trx, endpoint.id, paused, at);
        await writeAudit(trx, { userId: user.id, action: paused ? 'webhook.pause' : 'webhook.resume', unitId: endpoint.unit_id, target: endpoint.id }, at);
      });
      const row = (await listWebhookEndpoints(db, null)).find((e) => e.id === endpoint.id)!;
      return c.json(endpointJson(row), 200);
    })
    .post('/:id/rotate', async (c) => {
      const user = requireRole(c, 'admin', 'evaluator', 'staff');
      const endpoint = await endpointOf(c, user);
      const at = now();
      const secret = newWebhookSecret();
      const box = await secrets(at);
      const previousUntil = new Date(at.getTime() + ROTATION_OVERLAP_MS);
      await db.transaction().execute(async (trx) => {
        await rotateWebhookSecret(trx, endpoint.id, box.seal(secret), previousUntil, at);
        await writeAudit(trx, { userId: user.id, action: 'webhook.rotate', unitId: endpoint.unit_id, target: endpoint.id }, at);
      });
      return c.json({ id: endpoint.id, secret, previousSecretValidUntil: previousUntil.toISOString() }, 200);
    })
    .delete('/:id', async (c) => {
      const user = requireRole(c, 'admin', 'evaluator', 'staff');
      const endpoint = await endpointOf(c, user);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await deleteWebhookEndpoint(trx, endpoint.id);
        await writeAudit(trx, { userId: user.id, action: 'webhook.delete', unitId: endpoint.unit_id, target: endpoint.id, details: { url: endpoint.url } }, at);
      });
      return c.body(null, 204);
    })
    .get('/:id/deliveries', async (c) => {
      const user = requireRole(c, 'admin', 'evaluator', 'staff');
      const endpoint = await endpointOf(c, user);
      const rows = await webhookDeliveries(db, endpoint.id, parseLimit(c.req.query('limit'), 100));
      return c.json({
        items: rows.map((d) => ({
          id: d.id, type: d.event_type, createdAt: d.created_at, attempts: Number(d.attempts),
          status: d.delivered_at ? 'delivered' : d.failed_at ? 'failed' : 'pending',
          nextAttemptAt: d.next_attempt_at, lastAttemptAt: d.last_attempt_at, deliveredAt: d.delivered_at, failedAt: d.failed_at,
          lastStatus: d.last_status, lastError: d.last_error,
        })),
      }, 200);
    })
    .post('/:id/deliveries/:deliveryId/redeliver', async (c) => {
      const user = requireRole(c, 'admin', 'evaluator', 'staff');
      const endpoint = await endpointOf(c, user);
      const deliveryId = c.req.param('deliveryId');
      const at = now();
      if (!ID.test(deliveryId) || !(await redeliver(db, endpoint.id, deliveryId, at))) throw notFound('A delivery of this endpoint', 'delivery_not_found');
      await writeAudit(db, { userId: user.id, action: 'webhook.redeliver', unitId: endpoint.unit_id, target: deliveryId }, at);
      return c.json({ id: deliveryId, status: 'pending', nextAttemptAt: at.toISOString() }, 202);
    });
}
