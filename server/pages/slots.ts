// Server-filled slots in the static site's pages (docs/decisions/030-server-filled-pages.md).
//
// Astro builds every page once, as static HTML. A page that shows live data (a unit's figures, a form with a unit's
// services, a receipt) carries an empty named slot, `<div data-server-slot="NAME"></div>` (site/components/
// ServerSlot.astro); when the server serves the page it fills the slot with an HTML fragment made by a plain
// TypeScript renderer in this folder. Residents without JavaScript read the fragment; where an island enhances the page,
// the slot sits in the island's fallback (client:only), which the island replaces when it starts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strings, switchPath, type Lang } from '../../core/i18n/i18n.ts';
import { clientDir } from '../astro-pages.ts';
import { ROLE_VARIANT_DIR, type WorkspaceRole } from '../../core/i18n/lang.ts';
import { esc } from './html.ts';

/** The empty slot as Astro writes it (site/components/ServerSlot.astro). */
export const slotMarker = (name: string): string => `<div data-server-slot="${name}"></div>`;

/**
 * Fills a page's named slot with an HTML fragment (escaped by its renderer). Throws when the page has no such slot:
 * a page and its server route that disagree are a programming error, not something to show a resident.
 */
export function fillSlot(html: string, name: string, fragment: string): string {
  const marker = slotMarker(name);
  const at = html.indexOf(marker);
  if (at === -1) throw new Error(`the page has no server slot "${name}"`);
  return `${html.slice(0, at)}<div data-server-slot="${name}">${fragment}</div>${html.slice(at + marker.length)}`;
}

/** Replaces the page's title ("{title} · Rapor"), so a filled page names what it shows. */
export function setTitle(html: string, lang: Lang, title: string): string {
  return html.replace(/<title>[^<]*<\/title>/, () => `<title>${esc(title)} · ${esc(strings(lang).siteName)}</title>`);
}

const pages = new Map<string, string>();

/**
 * The built page of a site path in a language (`sitePage(dist, 'en', '/nilai')` reads dist/client/en/nilai/index.html), read
 * once. Without a built site (API-only tests, a server started without dist/), a bare page with the slot.
 */
export function sitePage(distDir: string | undefined, lang: Lang, path: string, slot: string, role?: WorkspaceRole | null): string {
  const file = distDir ? join(clientDir(distDir), role ? join(ROLE_VARIANT_DIR, role) : '', lang === 'en' ? 'en' : '', path, 'index.html') : '';
  let html = pages.get(file);
  if (html === undefined) {
    html = file && existsSync(file)
      ? readFileSync(file, 'utf8')
      : `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8" /><title>${esc(strings(lang).siteName)}</title></head><body><main id="isi">${slotMarker(slot)}</main></body></html>\n`;
    if (file) pages.set(file, html);
  }
  return html;
}

/**
 * Points the header's language switch at this very address in the other language, query included (the static page
 * can only name its own path, without the slug; the islands fix it with script, this does it without).
 */
export function setLanguageSwitch(html: string, lang: Lang, url: string): string {
  const { pathname, search } = new URL(url, 'http://x');
  const target = switchPath(pathname, lang === 'id' ? 'en' : 'id') + search;
  // The switch's own tag, whatever attributes come before its href (the header writes class="lang" first).
  return html.replace(/<a\b([^>]*?)\shref="[^"]*"(?=[^>]*\sdata-lang-switch)/, (_, before: string) => `<a${before} href="${esc(target)}"`);
}

/**
 * A built page with its slot filled, its title set and its language switch pointing at `url` (the address the page
 * answers, path and query): what a page route answers.
 */
export function renderSitePage(distDir: string | undefined, lang: Lang, path: string, slot: string, fragment: string, title?: string, url?: string, role?: WorkspaceRole | null): string {
  let html = fillSlot(sitePage(distDir, lang, path, slot, role), slot, fragment);
  if (title) html = setTitle(html, lang, title);
  return url ? setLanguageSwitch(html, lang, url) : html;
}
