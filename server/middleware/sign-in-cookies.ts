// The two cookies of signing in besides the session (docs/decisions/018), both HttpOnly, SameSite=Strict and sent only
// to /api/auth: rapor_pending names a sign-in waiting for its second factor (five minutes); rapor_device marks a
// browser the account signed in from, which others' failures do not slow down (90 days).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps, type ProxyTrust } from '../auth/client.ts';

export const PENDING_COOKIE = 'rapor_pending';
export const DEVICE_COOKIE = 'rapor_device';
const PATH = '/api/auth';

function set(c: Context, name: string, value: string, maxAgeMs: number, trustProxy?: ProxyTrust): void {
  setCookie(c, name, value, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c, trustProxy), path: PATH, maxAge: Math.floor(maxAgeMs / 1000) });
}

/** A cookie's token when it has the shape of one of ours (43 base64url characters); else undefined. */
function token(c: Context, name: string): string | undefined {
  const value = getCookie(c, name);
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

export const pendingToken = (c: Context) => token(c, PENDING_COOKIE);
export const deviceToken = (c: Context) => token(c, DEVICE_COOKIE);
export const setPendingCookie = (c: Context, value: string, maxAgeMs: number, trustProxy?: ProxyTrust) => set(c, PENDING_COOKIE, value, maxAgeMs, trustProxy);
export const setDeviceCookie = (c: Context, value: string, maxAgeMs: number, trustProxy?: ProxyTrust) => set(c, DEVICE_COOKIE, value, maxAgeMs, trustProxy);
export const clearPendingCookie = (c: Context) => deleteCookie(c, PENDING_COOKIE, { path: PATH });
