// The site's header says "Masuk petugas" (staff sign-in) on every static page. For a signed-in account the server
// turns that link into one to the account's own workspace, in the HTML itself, so that it needs no script (issue 17).
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { userOfSession } from '../../db/queries/sessions.ts';
import { href, strings, type Lang } from '../../core/i18n/i18n.ts';
import { sha256 } from '../auth/tokens.ts';
import type { AppDeps } from '../deps.ts';
import { SESSION_COOKIE } from './session.ts';

/** The header's account links as Base.astro writes them (data-account-link marks them: the menu's and the row's). */
const ACCOUNT_LINK = /<a href="[^"]*" data-account-link>[^<]*<\/a>/g;

const WORKSPACE = { staff: '/dasbor', evaluator: '/evaluasi', admin: '/admin' } as const;

export function workspaceLink(role: keyof typeof WORKSPACE, lang: Lang): string {
  return `<a href="${href(lang, WORKSPACE[role])}" data-account-link>${strings(lang).navWorkspace[role]}</a>`;
}

export function signedInHeader({ db, now }: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const token = getCookie(c, SESSION_COOKIE);
    if (c.req.method !== 'GET' || !token || token.length > 100) return;
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return;
    const user = await userOfSession(db, sha256(token), now());
    const role = user && Object.hasOwn(WORKSPACE, user.role) ? (user.role as keyof typeof WORKSPACE) : null;
    if (!role) return;
    const html = await c.res.text();
    const lang: Lang = /^\/en(\/|$)/.test(c.req.path) ? 'en' : 'id';
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    // A page that names its reader's workspace is never served from a shared cache.
    headers.set('cache-control', 'private, no-store');
    c.res = new Response(html.replace(ACCOUNT_LINK, workspaceLink(role, lang)), { status: c.res.status, headers });
    // Hono carries the old response's headers over to the new one: the old length would cut the page short.
    c.res.headers.delete('content-length');
  };
}
