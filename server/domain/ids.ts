// Identifiers made in the application, so that the same schema works on SQLite and PostgreSQL (no
// dialect-specific auto-increment). Random bytes come from the caller so the demo seed can be deterministic.
import { randomBytes } from 'node:crypto';

export type RandomBytes = (n: number) => Uint8Array;

export const secureRandom: RandomBytes = (n) => new Uint8Array(randomBytes(n));

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A UUID version 7: 48 bits of milliseconds then random bits, so ids sort by creation time. */
export function uuidV7(atMs: number, random: RandomBytes = secureRandom): string {
  const bytes = random(16);
  const ms = BigInt(Math.floor(atMs));
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A random UUID version 4, for records whose id must not tell when they were made (a rating: staff who know when a
 * resident stood at the counter must not find the rating by its id, docs/decisions/022).
 */
export function uuidV4(random: RandomBytes = secureRandom): string {
  const bytes = random(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or copied from paper is not misread.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(random: RandomBytes, length: number): string {
  let out = '';
  for (const b of random(length)) out += CROCKFORD[b & 31];
  return out;
}

/** A receipt a resident can quote: RPR-XXXX-XXXX (40 random bits). */
export function newReceipt(random: RandomBytes = secureRandom): string {
  const s = base32(random, 8);
  return `RPR-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** A one-time visit code as printed on a slip: XXXX-XXXX. */
export function newVisitCode(random: RandomBytes = secureRandom): string {
  const s = base32(random, 8);
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
