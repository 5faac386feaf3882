// API tokens for systems (issue 27 item 6, docs/decisions/065-api-tokens.md): an account creates, lists and revokes
// its own tokens, with a session only (a token manages no token). Creating one needs the current password, as enrolling
// two-factor sign-in does (decision 043): a stolen session must not turn into a credential that outlives it. The
// account page's plain HTML forms post here too: creating answers the page with the new token shown once (never in a
// URL), revoking answers 303 back to the page.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { createApiToken, listApiTokens, revokeApiToken } from '../../db/queries/api-tokens.ts';
import { API_TOKEN_PREFIX, apiTokenSchema, tokenExpiry } from '../../core/domain/api-tokens.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import { href, type Lang } from '../../core/i18n/i18n.ts';
import { tokenStrings } from '../../core/i18n/i18n-tokens.ts';
import { renderApiTokenAnswer } from '../astro-pages.ts';
import { newToken, sha256 } from '../auth/tokens.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { refuseApiToken } from '../middleware/api-token.ts';
import { readJsonBody, readTextBody, SUBMISSION_LIMIT_BYTES } from '../middleware/json-body.ts';
import { requireUser } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';
import { isFormPost } from './html-forms.ts';
import { reauthenticate } from './two-factor.ts';

const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Where the section sits on the account page. */
const SECTION = 'token-api';

/** The signed-in account of a request that came with its session, never with a token. */
function sessionUser(c: Context<AppEnv>) {
  refuseApiToken(c);
  return requireUser(c);
}

async function readForm(c: Context): Promise<URLSearchParams> {
  return new URLSearchParams(await readTextBody(c, [FORM_TYPE], SUBMISSION_LIMIT_BYTES));
}

const formLang = (form: URLSearchParams): Lang => (form.get('lang') === 'en' ? 'en' : 'id');

/** The words for a refusal of the account page's form: a message per field, or one for the form. */
function formMessages(lang: Lang, error: ApiError): { errors: Record<string, string>; formError?: string } {
  const t = tokenStrings(lang);
  if (error.code === 'invalid_credentials') return { errors: { password: t.wrongPassword } };
  if (error.fields) return { errors: Object.fromEntries(Object.keys(error.fields).map((f) => [f, t.fields[f] ?? t.failed])) };
  if (error.code === 'token_limit_reached') return { errors: {}, formError: t.limit };
  return { errors: {}, formError: error.status === 429 ? t.throttled : t.failed };
}

export function apiTokenRoutes(deps: AppDeps) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = sessionUser(c);
      return c.json({ items: await listApiTokens(db, user.id, now()) }, 200);
    })
    .post('/', async (c) => {
      const user = sessionUser(c);
      const form = isFormPost(c) ? await readForm(c) : null;
      const body = form ? Object.fromEntries(['name', 'expiresAt', 'password'].filter((k) => form.has(k)).map((k) => [k, form.get(k)])) : await readJsonBody(c);
      const lang = form ? formLang(form) : 'id';
      try {
        const input = parseWith(apiTokenSchema, body);
        const at = now();
        const expiresAt = tokenExpiry(input.expiresAt, at);
        if (expiresAt === 'past') throw validationFailed({ expiresAt: 'must be in the future' });
        if (expiresAt === 'too_far') throw validationFailed({ expiresAt: 'must be at most 5 years ahead' });
        await reauthenticate(c, deps, user, input.password, at, 'to create an API token');
        const token = `${API_TOKEN_PREFIX}${newToken()}`;
        const id = uuidV7(at.getTime());
        const outcome = await createApiToken(db, user, { id, name: input.name, hash: sha256(token), expiresAt }, at);
        if (outcome === 'limit') throw new ApiError(409, 'token_limit_reached', 'This account already has 20 live API tokens; revoke one first.');
        if (form && deps.distDir) return renderApiTokenAnswer(deps, c, href(lang, '/akun'), 201, { created: { name: input.name, token, expiresAt } });
        return c.json({ id, token, name: input.name, createdAt: at.toISOString(), expiresAt }, 201);
      } catch (error) {
        // The account page's form gets the page again with the words beside the fields (never the password back).
        if (!form || !deps.distDir || !(error instanceof ApiError)) throw error;
        const values = { name: form.get('name') ?? '', expiresAt: form.get('expiresAt') ?? '' };
        return renderApiTokenAnswer(deps, c, href(lang, '/akun'), error.status, { values, ...formMessages(lang, error) });
      }
    })
    .delete('/:id', async (c) => {
      const user = sessionUser(c);
      if (!(await revokeApiToken(db, user, c.req.param('id'), now()))) throw notFound('A live API token of this account', 'token_not_found');
      return c.body(null, 204);
    })
    // The account page's revoke button: an HTML form cannot send DELETE.
    .post('/:id/revoke', async (c) => {
      const user = sessionUser(c);
      const form = isFormPost(c) ? await readForm(c) : null;
      if (!(await revokeApiToken(db, user, c.req.param('id'), now()))) throw notFound('A live API token of this account', 'token_not_found');
      if (form) return c.redirect(`${href(formLang(form), '/akun')}#${SECTION}`, 303);
      return c.body(null, 204);
    });
}
