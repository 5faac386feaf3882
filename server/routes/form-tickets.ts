// Form tickets (docs/decisions/022): issued when a unit's rating or permit page is served (as a cookie), or asked for
// by an API client (GET /api/units/{slug}/form-ticket, which sets the same cookie and answers the ticket).
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { findUnitBySlug } from '../../db/queries/units.ts';
import { formTicketSecret } from '../auth/form-ticket-secret.ts';
import { TICKET_MIN_AGE_MS, TICKET_PURPOSES, issueTicket, type TicketPurpose } from '../../core/domain/form-ticket.ts';
import { SLUG_PATTERN } from '../../core/domain/rating-input.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { validationFailed } from '../errors.ts';
import { ensureBrowserCookie, setTicketCookie } from '../middleware/form-cookies.ts';
import { requireUnit } from './units.ts';

/** Gives the request a fresh ticket for the unit's form (and the browser its token); returns the ticket. */
export function ticketGiver({ db, now, trustProxy }: AppDeps) {
  const secret = formTicketSecret(db);
  return async (c: Context, unit: { id: string; slug: string }, purpose: TicketPurpose): Promise<string> => {
    const at = now();
    const ticket = issueTicket(await secret(at), purpose, unit.id, at);
    setTicketCookie(c, unit.slug, purpose, ticket, trustProxy);
    ensureBrowserCookie(c, trustProxy);
    return ticket;
  };
}

export function formTicketRoutes(deps: AppDeps) {
  const give = ticketGiver(deps);
  return new Hono<AppEnv>().get('/:slug/form-ticket', async (c) => {
    const unit = await requireUnit(deps.db, c.req.param('slug'));
    const purpose = c.req.query('purpose') ?? 'rating';
    if (!(TICKET_PURPOSES as readonly string[]).includes(purpose)) throw validationFailed({ purpose: 'must be rating or permit' });
    const ticket = await give(c, unit, purpose as TicketPurpose);
    const at = deps.now();
    return c.json({ ticket, issuedAt: at.toISOString(), usableFrom: new Date(at.getTime() + TICKET_MIN_AGE_MS).toISOString() }, 200);
  });
}

/** On the rating page (/nilai/{slug}) and the permit page (/izin/{slug}) of a known unit: a ticket in a cookie. */
export function formPageTickets(deps: AppDeps): MiddlewareHandler {
  const give = ticketGiver(deps);
  return async (c, next) => {
    await next();
    const m = /^(?:\/en)?\/(nilai|izin)\/([a-z0-9-]+)\/?$/.exec(c.req.path);
    if (c.req.method !== 'GET' || !m || c.res.status !== 200 || !SLUG_PATTERN.test(m[2]!)) return;
    const unit = await findUnitBySlug(deps.db, m[2]!);
    if (!unit) return;
    await give(c, unit, m[1] === 'nilai' ? 'rating' : 'permit');
    // A page that carries a ticket is never served from a shared cache.
    c.header('Cache-Control', 'private, no-store');
  };
}
