// Form tickets and the browser token travel in cookies (docs/decisions/022): the server sets them when it serves a
// unit's rating or permit page, and the browser sends them with the form, so neither the island's script nor a
// resident without JavaScript needs to do anything. Both are HttpOnly and SameSite=Strict, and sent only to the API.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isHttps, type ProxyTrust } from '../auth/client.ts';
import { TICKET_MAX_AGE_MS, type TicketPurpose } from '../../core/domain/form-ticket.ts';

const TICKET_COOKIE = 'rapor_ticket';
const BROWSER_COOKIE = 'rapor_browser';
const BROWSER_MAX_AGE_S = 400 * 24 * 60 * 60;

/** The API path a purpose's form posts to: the ticket cookie is sent there and nowhere else. */
function formPath(slug: string, purpose: TicketPurpose): string {
  return `/api/units/${slug}/${purpose === 'rating' ? 'ratings' : 'permit-reports'}`;
}

export function setTicketCookie(c: Context, slug: string, purpose: TicketPurpose, ticket: string, trustProxy?: ProxyTrust): void {
  setCookie(c, TICKET_COOKIE, ticket, {
    httpOnly: true, sameSite: 'Strict', secure: isHttps(c, trustProxy), path: formPath(slug, purpose), maxAge: TICKET_MAX_AGE_MS / 1000,
  });
}

export function ticketCookie(c: Context): string | undefined {
  const value = getCookie(c, TICKET_COOKIE);
  return value && value.length <= 200 ? value : undefined;
}

/** This browser's random token, set once (400 days) when it first opens a form page. */
export function ensureBrowserCookie(c: Context, trustProxy?: ProxyTrust): void {
  if (browserCookie(c)) return;
  setCookie(c, BROWSER_COOKIE, randomBytes(16).toString('base64url'), {
    httpOnly: true, sameSite: 'Strict', secure: isHttps(c, trustProxy), path: '/api/units', maxAge: BROWSER_MAX_AGE_S,
  });
}

export function browserCookie(c: Context): string | undefined {
  const value = getCookie(c, BROWSER_COOKIE);
  return value && /^[A-Za-z0-9_-]{8,100}$/.test(value) ? value : undefined;
}
