// The API token section of the account page (/akun), rendered on the server so it works without JavaScript (issue 27
// item 6, docs/decisions/065-api-tokens.md): the reader's live tokens, and what a plain form post hands back to it.
import { listApiTokens, type ApiTokenListing } from '../../db/queries/api-tokens.ts';
import type { AppDeps } from '../deps.ts';
import { accountOfToken } from '../middleware/session.ts';

/** What POST /api/tokens (a plain HTML form) hands the page it answers with (`Astro.locals.apiTokenForm`). */
export interface ApiTokenFormAnswer {
  /** The new token, shown this once. */
  created?: { name: string; token: string; expiresAt: string | null };
  /** A form that created nothing: the values as sent (never the password), a message per field or for the form. */
  values?: { name?: string; expiresAt?: string };
  errors?: Record<string, string>;
  formError?: string;
}

/** The reader's live tokens, by their session cookie; null for no session (or one that must enrol in two-factor first). */
export async function apiTokensView(deps: Pick<AppDeps, 'db' | 'now' | 'requireAdminTwoFactor'>, sessionToken: string | undefined): Promise<ApiTokenListing[] | null> {
  const { user } = await accountOfToken(deps, sessionToken);
  return user ? listApiTokens(deps.db, user.id, deps.now()) : null;
}
