// Form tickets: the rating and permit forms ask for one when they open (docs/decisions/022).
import { Hono } from 'hono';
import { TICKET_MIN_AGE_MS, TICKET_PURPOSES, issueTicket, type TicketPurpose } from '../domain/form-ticket.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { validationFailed } from '../errors.ts';
import { formTicketSecret } from '../auth/form-ticket-secret.ts';
import { requireUnit } from './units.ts';

export function formTicketRoutes({ db, now }: AppDeps) {
  const secret = formTicketSecret(db);
  return new Hono<AppEnv>().get('/units/:slug/form-ticket', async (c) => {
    const unit = await requireUnit(db, c.req.param('slug'));
    const purpose = c.req.query('purpose') ?? 'rating';
    if (!(TICKET_PURPOSES as readonly string[]).includes(purpose)) throw validationFailed({ purpose: 'must be rating or permit' });
    const at = now();
    const ticket = issueTicket(await secret(at), purpose as TicketPurpose, unit.id, at);
    return c.json({ ticket, issuedAt: at.toISOString(), usableFrom: new Date(at.getTime() + TICKET_MIN_AGE_MS).toISOString() }, 200);
  });
}
