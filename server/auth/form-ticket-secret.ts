// The secret that signs form tickets, read once per process from the database (every process shares it).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { ticketSecret } from '../../db/queries/settings.ts';

export function formTicketSecret(db: Kysely<Database>): (now: Date) => Promise<string> {
  let cached: Promise<string> | undefined;
  return (now) => {
    cached ??= ticketSecret(db, () => randomBytes(32).toString('hex'), now).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}
