// Client addresses are kept only as salted hashes; the salt changes every UTC day and old salts are deleted, so a
// stored hash cannot be linked to an address, nor across days (DOMAIN.md §9).
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { saltForPeriod } from '../../db/queries/address-share.ts';
import { saltForDay } from '../../db/queries/integrity.ts';
import { sha256 } from './tokens.ts';

export function clientHasher(db: Kysely<Database>) {
  const cache = new Map<string, string>();
  // Every address is hashed, UNKNOWN_CLIENT (no socket, or a hop that is not an IP) included: requests whose address
  // cannot be known share one hash and so one set of limits; none goes unlimited.
  return async (address: string, now: Date): Promise<string> => {
    const day = now.toISOString().slice(0, 10);
    let salt = cache.get(day);
    if (!salt) {
      salt = await saltForDay(db, day, () => randomBytes(32).toString('hex'));
      cache.clear();
      cache.set(day, salt);
    }
    return sha256(`${salt}:${address}`);
  };
}

/**
 * The address key of a period (docs/decisions/045): HMAC-SHA256 of the client's throttling key (IPv4 /32, IPv6 /48,
 * server/auth/client.ts) with the period's own salt. Stored on each rating and permit report for the bounded-influence
 * rule; keys of two periods cannot be linked, and salt and keys are deleted once the period's review window ended.
 */
export function addressKeyer(db: Kysely<Database>) {
  const cache = new Map<string, string>();
  return async (address: string, period: string, now: Date): Promise<string> => {
    let salt = cache.get(period);
    if (!salt) {
      salt = await saltForPeriod(db, period, () => randomBytes(32).toString('hex'), now);
      if (cache.size > 8) cache.clear();
      cache.set(period, salt);
    }
    return createHmac('sha256', salt).update(address).digest('hex');
  };
}
