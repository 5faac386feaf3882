// Security headers on every response (issue: reliability and security). Scripts run only from our own files or as
// one of Astro's inline hydration scripts, each allowed by its SHA-256 hash: no 'unsafe-inline' for scripts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { isHttps, type ProxyTrust } from './auth/client.ts';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** The hashes of every inline <script> in the built site, read once at start. */
export function inlineScriptHashes(distDir: string): string[] {
  const hashes = new Set<string>();
  for (const file of htmlFiles(distDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      hashes.add(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // Svelte components set a few inline styles (chart heights); no script can run from a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * A route that may be framed sets this (internal) header to its frame-ancestors sources; the middleware below turns it
 * into the response's CSP frame-ancestors and drops X-Frame-Options DENY (docs/decisions/034-publication-kit.md). Every
 * other response keeps frame-ancestors 'none' and X-Frame-Options DENY.
 */
export const FRAME_ANCESTORS_HEADER = 'X-Rapor-Frame-Ancestors';
/** A resource meant to be embedded by other sites (the badge image) sets this to get Cross-Origin-Resource-Policy: cross-origin. */
export const CROSS_ORIGIN_HEADER = 'X-Rapor-Cross-Origin';

export function securityHeaders(options: { csp: string; trustProxy?: ProxyTrust | undefined }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const ancestors = h.get(FRAME_ANCESTORS_HEADER);
    const crossOrigin = h.get(CROSS_ORIGIN_HEADER) !== null;
    h.delete(FRAME_ANCESTORS_HEADER);
    h.delete(CROSS_ORIGIN_HEADER);
    h.set('Content-Security-Policy', ancestors === null ? options.csp : options.csp.replace("frame-ancestors 'none'", `frame-ancestors ${ancestors}`));
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'same-origin');
    // X-Frame-Options cannot name other origins: a widget framed by listed origins relies on CSP frame-ancestors alone
    // (every browser that frames pages supports it); with only its own site allowed, SAMEORIGIN says the same.
    if (ancestors === null) h.set('X-Frame-Options', 'DENY');
    else if (ancestors === "'self'") h.set('X-Frame-Options', 'SAMEORIGIN');
    else h.delete('X-Frame-Options');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', crossOrigin ? 'cross-origin' : 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // HSTS only means something over HTTPS (directly, or behind a proxy that says so).
    if (isHttps(c, options.trustProxy)) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
