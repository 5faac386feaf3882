// Form tickets (docs/decisions/022): the rating and permit forms ask the server for a ticket when they open, and send
// it back with the submission. A ticket is an HMAC over its purpose, the unit, the moment it was issued and a random
// nonce, so only the server can make one; a script that invents tokens, keys and headers cannot. What a valid ticket
// buys is leniency, not admission: submissions without one are still taken, under the strict per-address rules.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { secureRandom, type RandomBytes } from './ids.ts';

export const TICKET_PURPOSES = ['rating', 'permit'] as const;
export type TicketPurpose = (typeof TICKET_PURPOSES)[number];

/** Faster than this from opening the form to sending it, no person answered it (ours: nine questions, or two dates). */
export const TICKET_MIN_AGE_MS = 10_000;
/** A ticket outlives a form left open for a day, and an offline queue sent the next morning. */
export const TICKET_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type TicketCheck =
  /** Valid: its SHA-256 identifies it, so each ticket counts once. */
  | { state: 'valid'; id: string }
  /** Not made by this server, or for another unit or purpose. */
  | { state: 'forged' }
  /** Sent sooner after it was issued than a person can fill the form. */
  | { state: 'too_fast'; id: string }
  /** Older than a day (or dated in the future): treated as no ticket. */
  | { state: 'expired' }
  | { state: 'none' };

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function mac(secret: string, purpose: TicketPurpose, unitId: string, issuedMs: number, nonce: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\n${unitId}\n${issuedMs}\n${nonce}`).digest().subarray(0, 18);
}

export function issueTicket(secret: string, purpose: TicketPurpose, unitId: string, now: Date, random: RandomBytes = secureRandom): string {
  const issued = now.getTime();
  const nonce = b64(random(12));
  return `t1.${purpose === 'rating' ? 'r' : 'p'}.${issued.toString(36)}.${nonce}.${b64(mac(secret, purpose, unitId, issued, nonce))}`;
}

/** A ticket's issue time as the server writes it: base 36, lower case, no sign and no leading zero. */
const ISSUED = /^[1-9a-z][0-9a-z]{0,10}$/;
/** 12 and 18 bytes in base64url without padding: 16 and 24 characters, nothing else. */
const NONCE = /^[A-Za-z0-9_-]{16}$/;
const TAG = /^[A-Za-z0-9_-]{24}$/;

/**
 * Checks a ticket strictly: only the one spelling the server writes is valid, so a ticket cannot count again as
 * "0…" or "…_" or with padding (issue 24, F11). Its id is the hash of the ticket re-made from its parts.
 */
export function checkTicket(secret: string, ticket: string | null | undefined, purpose: TicketPurpose, unitId: string, now: Date): TicketCheck {
  if (!ticket) return { state: 'none' };
  const parts = ticket.split('.');
  if (parts.length !== 5 || parts[0] !== 't1' || parts[1] !== (purpose === 'rating' ? 'r' : 'p')) return { state: 'forged' };
  const [, kind, time, nonce, tag] = parts as [string, string, string, string, string];
  if (!ISSUED.test(time) || !NONCE.test(nonce) || !TAG.test(tag)) return { state: 'forged' };
  const issued = parseInt(time, 36);
  const given = Buffer.from(tag, 'base64url');
  // Re-encoding must give back exactly what was sent (base64url's last character carries spare bits).
  const canonical = `t1.${kind}.${issued.toString(36)}.${nonce}.${b64(given)}`;
  if (!Number.isSafeInteger(issued) || given.length !== 18 || canonical !== ticket) return { state: 'forged' };
  if (!timingSafeEqual(given, mac(secret, purpose, unitId, issued, nonce))) return { state: 'forged' };
  const age = now.getTime() - issued;
  if (age < 0 || age > TICKET_MAX_AGE_MS) return { state: 'expired' };
  const id = createHmac('sha256', 'ticket-id').update(canonical).digest('hex');
  return age < TICKET_MIN_AGE_MS ? { state: 'too_fast', id } : { state: 'valid', id };
}
