// API tokens for systems (issue 27 item 6, docs/decisions/065-api-tokens.md): the rows, never the tokens themselves.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database, User } from '../../core/schema.ts';
import { writeAudit } from './audit.ts';

/** What the owner sees of a token on /akun and from GET /api/tokens: never the token or its hash. */
export interface ApiTokenListing {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** Live tokens an account may hold at once: a bounded list, a bounded number of credentials to lose. */
export const MAX_LIVE_TOKENS = 20;

const notExpired = (now: Date) => (eb: ExpressionBuilder<Database, 'api_tokens'>) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]);

/** The account's tokens that still work (not revoked, not expired), newest first. */
export async function listApiTokens(db: Kysely<Database>, userId: string, now: Date): Promise<ApiTokenListing[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where(notExpired(now))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at }));
}

/**
 * Stores a new token's hash for the account, audited, unless the account already holds MAX_LIVE_TOKENS live ones
 * ('limit'). The count and the insert share a transaction.
 */
export async function createApiToken(
  db: Kysely<Database>,
  user: Pick<User, 'id' | 'unit_id'>,
  token: { id: string; name: string; hash: string; expiresAt: string | null },
  now: Date,
): Promise<'created' | 'limit'> {
  return db.transaction().execute(async (trx) => {
    const live = await trx
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .where(notExpired(now))
      .executeTakeFirstOrThrow();
    if (Number(live.n) >= MAX_LIVE_TOKENS) return 'limit';
    await trx.insertInto('api_tokens').values({
      id: token.id, user_id: user.id, name: token.name, token_hash: token.hash, created_at: now.toISOString(),
      expires_at: token.expiresAt, last_used_at: null, revoked_at: null,
    }).execute();
    await writeAudit(trx, { userId: user.id, action: 'api_token.create', unitId: user.unit_id, target: token.id, details: { name: token.name, expiresAt: token.expiresAt } }, now);
    return 'created';
  });
}

/** Revokes one of the account's own tokens, audited; false when the account has no such live token. */
export async function revokeApiToken(db: Kysely<Database>, user: Pick<User, 'id' | 'unit_id'>, id: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select('name')
      .where('id', '=', id)
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return false;
    await trx.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).execute();
    await writeAudit(trx, { userId: user.id, action: 'api_token.revoke', unitId: user.unit_id, target: id, details: { name: row.name } }, now);
    return true;
  });
}

/** A token's row and its account, by the token's hash: what the bearer check judges. */
export async function tokenByHash(db: Kysely<Database>, hash: string): Promise<{ token: { id: string; name: string; expiresAt: string | null; revokedAt: string | null }; user: User } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as tokenId', 'api_tokens.name as tokenName', 'api_tokens.expires_at as tokenExpiresAt', 'api_tokens.revoked_at as tokenRevokedAt'])
    .where('api_tokens.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { tokenId, tokenName, tokenExpiresAt, tokenRevokedAt, ...user } = row;
  return { token: { id: tokenId, name: tokenName, expiresAt: tokenExpiresAt, revokedAt: tokenRevokedAt }, user };
}

/**
 * One use of a token: one audit row (method and path, capped) and `last_used_at`, in one transaction, so a use costs
 * one commit and the row stays small.
 */
export async function recordTokenUse(
  db: Kysely<Database>,
  use: { tokenId: string; userId: string; unitId: string | null; method: string; path: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', use.tokenId).execute();
    await writeAudit(trx, { userId: use.userId, action: 'api_token.use', unitId: use.unitId, target: use.tokenId, details: { method: use.method, path: use.path } }, now);
  });
}
