// Client addresses are kept only as salted hashes; the salt changes every UTC day and old salts are deleted, so a
// stored hash cannot be linked to an address, nor across days (DOMAIN.md §9).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
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
