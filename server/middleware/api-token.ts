// `Authorization: Bearer rpr_…` (issue 27 item 6, docs/decisions/065-api-tokens.md): a system reads, as the token's
// account, every GET (and HEAD) route that account's session could read, in its scope, and nothing else. The session
// middleware hands it every request that shows a bearer token: such a request is the token's, whatever cookie it
// carries. Any other method with a token is refused before the token is even looked up; a token that does not work
// (unknown, revoked, expired, its account disabled) is refused, never read as "no account". Every use is audited.
import type { MiddlewareHandler } from 'hono';
import { recordTokenUse, tokenByHash } from '../../db/queries/api-tokens.ts';
import { API_TOKEN_PATTERN } from '../../core/domain/api-tokens.ts';
import { twoFactorRequired } from '../../core/domain/two-factor.ts';
import { sha256 } from '../auth/tokens.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError } from '../errors.ts';

const READS = new Set(['GET', 'HEAD']);
/** The audit row keeps the path and query up to this length: a use's row stays small whatever the URL. */
const AUDIT_PATH_CHARS = 300;

/** The token of an `Authorization: Bearer …` header ('' for a bearer header without one); undefined for no bearer header. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = header === undefined ? null : /^bearer(?:[ \t]+(.*))?$/is.exec(header.trim());
  return m ? (m[1] ?? '').trim() : undefined;
}

export function apiTokenMiddleware({ db, now, requireAdminTwoFactor = false }: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) return next();
    c.set('user', null);
    c.set('enrolOnly', null);
    if (!READS.has(c.req.method)) {
      throw new ApiError(403, 'token_read_only', 'An API token only reads (GET and HEAD). Sign in to change anything.');
    }
    const refused = (code: string, message: string) => {
      // RFC 6750: a refused bearer token says so in WWW-Authenticate.
      c.header('WWW-Authenticate', `Bearer realm="rapor", error="invalid_token"`);
      return new ApiError(401, code, message);
    };
    const found = API_TOKEN_PATTERN.test(token) ? await tokenByHash(db, sha256(token)) : undefined;
    if (!found) throw refused('token_invalid', 'This API token is not one of this portal\'s.');
    const at = now();
    if (found.token.revokedAt) throw refused('token_revoked', 'This API token was revoked.');
    if (found.token.expiresAt && at.toISOString() >= found.token.expiresAt) throw refused('token_expired', 'This API token has expired.');
    if (found.user.disabled_at) throw refused('account_disabled', 'The account of this API token is disabled.');
    const { user } = found;
    // The session's rule: an account that must enrol in two-factor sign-in first is no account to the routes.
    const enrolOnly = !user.totp_enabled_at && twoFactorRequired(user.role, requireAdminTwoFactor);
    c.set('user', enrolOnly ? null : user);
    c.set('enrolOnly', enrolOnly ? user : null);
    c.set('apiToken', found.token.id);
    const url = new URL(c.req.url);
    await recordTokenUse(db, { tokenId: found.token.id, userId: user.id, unitId: user.unit_id, method: c.req.method, path: (url.pathname + url.search).slice(0, AUDIT_PATH_CHARS) }, at);
    await next();
  };
}

/** Token management and anything else a token must never do: 403 for a request that came with a token. */
export function refuseApiToken(c: { get(key: 'apiToken'): string | undefined }): void {
  if (c.get('apiToken')) throw new ApiError(403, 'token_not_allowed', 'API tokens cannot manage API tokens. Sign in to do that.');
}
