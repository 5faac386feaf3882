// Evaluators' reads (evaluator of a region: that region and below; national evaluator and admin: everything;
// staff: their own unit), and their decisions on moderation (docs/decisions/021-closed-periods.md): lifting an
// integrity exclusion, approving or rejecting a staff request that would change a closed quarter's score.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { busiestAddressShares, heldByShare, liftPermitExclusion } from '../../db/queries/address-share.ts';
import { exclusionReport } from '../../db/queries/integrity.ts';
import { kioskShares } from '../../db/queries/kiosks.ts';
import { permitExclusionReport } from '../../db/queries/permits.ts';
import { decideRequest, liftExclusion } from '../../db/queries/moderation.ts';
import { ledgerEntries, ledgerGroups } from '../../db/queries/moderation-ledger.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { scopeOf } from '../auth/scope.ts';
import { isStaffExclusion, tallyLedger } from '../../core/domain/moderation.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole, requireUser } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';
import { parseLimit } from './pagination.ts';
import { periodFromQuery } from './period-query.ts';

export const writtenReason = v.object({
  reason: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required: say why'), v.maxLength(500, 'must be at most 500 characters')),
});
const LEDGER_STATUSES = ['pending', 'decided', 'all'] as const;

async function regionFilter(c: Context<AppEnv>, db: AppDeps['db']): Promise<string[] | null> {
  const region = c.req.query('region');
  if (region && !/^[0-9.]{2,20}$/.test(region)) throw validationFailed({ region: 'must be a region code' });
  const codes = region ? await regionAndDescendants(db, region) : null;
  if (codes && codes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
  return codes;
}

type LedgerRow = Awaited<ReturnType<typeof ledgerEntries>>[number];

/** A ledger entry; `withRating` adds the rating's answers and comment (for evaluators deciding, not the staff-readable report). */
function ledgerItem(r: LedgerRow, withRating = false) {
  const item = {
    id: r.id, responseId: r.responseId, unit: { slug: r.unitSlug, name: r.unitName }, localDate: r.localDate,
    action: r.action, reason: r.reason, integrity: !isStaffExclusion(r.reason), note: r.note,
    requestedBy: { name: r.requesterName, role: r.requesterRole }, requestedAt: r.requestedAt,
    decision: r.decision, decidedBy: r.deciderName ? { name: r.deciderName, role: r.deciderRole } : null, decidedAt: r.decidedAt, decisionReason: r.decisionReason,
  };
  if (!withRating) return item;
  return {
    ...item,
    rating: {
      answers: { U1: r.u1, U2: r.u2, U3: r.u3, U4: r.u4, U5: r.u5, U6: r.u6, U7: r.u7, U8: r.u8, U9: r.u9 },
      comment: r.comment, exclusionReason: r.exclusionReason,
    },
  };
}

export function evaluationRoutes({ db, now }: AppDeps) {
  const integrity = new Hono<AppEnv>()
    .get('/excluded', async (c) => {
      const user = requireUser(c);
      const scope = await scopeOf(db, user);
      const period = periodFromQuery(c.req.query(), now());
      const codes = await regionFilter(c, db);
      const [rows, permitItems, kioskShare, addressShare] = await Promise.all([
        exclusionReport(db, scope, codes, period.from, period.to),
        permitExclusionReport(db, scope, codes, period.from, period.to),
        kioskShares(db, scope, codes, period.from, period.to),
        busiestAddressShares(db, scope, codes, period.from, period.to),
      ]);
      // Who moderated what in the period: per unit counts and the entries themselves (newest 500).
      const filter = { scope, regionCodes: codes, from: period.from, to: period.to };
      const [groups, entries] = await Promise.all([ledgerGroups(db, filter), ledgerEntries(db, { ...filter, status: 'all', limit: 500 })]);
      return c.json({
        period: { code: period.code, from: period.from, to: period.to },
        items: rows,
        permitItems,
        kioskShare,
        // Per unit, the share of the period's counted ratings from its busiest address (decision 045).
        addressShare,
        moderation: { units: tallyLedger(groups), entries: entries.map((e) => ledgerItem(e)) },
      }, 200);
    });
  const evaluation = new Hono<AppEnv>()
    .get('/moderation-requests', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const scope = await scopeOf(db, user);
      const status = c.req.query('status') ?? 'pending';
      if (!(LEDGER_STATUSES as readonly string[]).includes(status)) throw validationFailed({ status: 'must be pending, decided or all' });
      const codes = await regionFilter(c, db);
      const rows = await ledgerEntries(db, {
        scope, regionCodes: codes, from: null, to: null, status: status as (typeof LEDGER_STATUSES)[number], limit: parseLimit(c.req.query('limit'), 100),
      });
      return c.json({ items: rows.map((r) => ledgerItem(r, true)) }, 200);
    })
    // What waits for an evaluator beyond its address's share (decision 045): ratings are accepted with the lift below,
    // permit reports with their own lift; both audited.
    .get('/held-back', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const scope = await scopeOf(db, user);
      const period = periodFromQuery(c.req.query(), now());
      const codes = await regionFilter(c, db);
      const [held, addressShare] = await Promise.all([
        heldByShare(db, scope, codes, period.from, period.to, parseLimit(c.req.query('limit'), 500)),
        busiestAddressShares(db, scope, codes, period.from, period.to),
      ]);
      return c.json({ period: { code: period.code, from: period.from, to: period.to }, ...held, addressShare }, 200);
    })
    .post('/permit-reports/:id/lift', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const { reason } = parseWith(writtenReason, await readJsonBody(c));
      const result = await liftPermitExclusion(db, await scopeOf(db, user), c.req.param('id'), reason, user.id, now());
      if (!result.ok) {
        if (result.error === 'not_found') throw notFound('A permit report in this account’s area', 'permit_report_not_found');
        throw new ApiError(409, 'not_excluded', 'This permit report already counts.');
      }
      return c.json({ id: c.req.param('id'), excluded: false, lifted: result.lifted }, 200);
    })
    .post('/moderation-requests/:id/approve', (c) => decide(c, 'approved'))
    .post('/moderation-requests/:id/reject', (c) => decide(c, 'rejected'))
    .post('/responses/:id/lift', async (c) => {
      const user = requireRole(c, 'evaluator', 'admin');
      const { reason } = parseWith(writtenReason, await readJsonBody(c));
      const result = await liftExclusion(db, await scopeOf(db, user), c.req.param('id'), reason, user.id, now());
      if (!result.ok) {
        if (result.error === 'not_found') throw notFound('A rating in this account’s area', 'response_not_found');
        if (result.error === 'not_excluded') throw new ApiError(409, 'not_excluded', 'This rating already counts in the score.');
        throw new ApiError(409, 'approval_pending', 'A request of the unit about this rating waits for a decision; approve or reject it first.');
      }
      return c.json({ id: c.req.param('id'), excluded: false, lifted: result.lifted }, 200);
    });
  return { integrity, evaluation };

  async function decide(c: Context<AppEnv>, decision: 'approved' | 'rejected') {
    const user = requireRole(c, 'evaluator', 'admin');
    const { reason } = parseWith(writtenReason, await readJsonBody(c));
    const id = c.req.param('id') ?? '';
    const result = await decideRequest(db, await scopeOf(db, user), id, decision, reason, user.id, now());
    if (!result.ok) {
      if (result.error === 'not_found') throw notFound('A moderation request in this account’s area', 'request_not_found');
      throw new ApiError(409, 'already_decided', 'This request has already been decided.');
    }
    return c.json({ id, decision }, 200);
  }
}
