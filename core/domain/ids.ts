// Identifiers made in the application, so that the same schema works on SQLite and PostgreSQL (no
// dialect-specific auto-increment). Random bytes come from the caller so the demo seed can be deterministic.
import { randomFillSync } from 'node:crypto';

export type RandomBytes = (n: number) => Uint8Array;

// The operating system's CSPRNG, drawn 4 KB at a time and handed out once each (as Node's own randomUUID does): a
// rating needs a few dozen random bytes, and one system call for each small draw cost more than the bytes.
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let used = 0;

export const secureRandom: RandomBytes = (n) => {
  if (n > POOL_BYTES) return randomFillSync(new Uint8Array(n));
  if (used + n > pool.length) {
    pool = randomFillSync(new Uint8Array(POOL_BYTES));
    used = 0;
  }
  // A copy: the caller may change its bytes (a UUID's version bits), and no byte is handed out twice.
  const out = pool.slice(used, used + n);
  used += n;
  return out;
};

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
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
