// What /atur-sandi shows for the token in its address (issue 27 item 2, docs/decisions/061): the form when the link is
// valid, else why not. The token is looked up by its SHA-256, as the route does; nothing is spent by looking.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { TOKEN_PATTERN, tokenState, type TokenState } from '../../core/domain/account-tokens.ts';
import { findAccountToken } from '../../db/queries/account-tokens.ts';
import { sha256 } from '../auth/tokens.ts';

export async function passwordLinkState(db: Kysely<Database>, token: string, now: Date): Promise<TokenState> {
  if (!TOKEN_PATTERN.test(token)) return 'unknown';
  return tokenState(await findAccountToken(db, sha256(token)), now);
}
