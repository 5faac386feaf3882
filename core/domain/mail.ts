// One way to write a mail (issue 27): a mail is a list of blocks in the recipient's language, turned here into the
// plain-text and HTML bodies the outbox stores (db/queries/outbox.ts enqueueMail). Every value is escaped in the HTML;
// the HTML is a single column with inline styles only (mail readers drop <style> and scripts). Pure: no clock, no I/O.
import { mailWords } from '../i18n/i18n-mail.ts';
import type { Lang } from '../i18n/lang.ts';

export type MailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A button in HTML, "label: url" in text. */
  | { kind: 'action'; label: string; url: string }
  /** Label and value pairs (figures of a digest). */
  | { kind: 'facts'; rows: ReadonlyArray<readonly [string, string]> }
  | { kind: 'list'; items: readonly string[] };

export interface MailContent {
  language: Lang;
  subject: string;
  /** The first line, e.g. "Yth. Ibu/Bapak Siti,"; the language's neutral greeting when absent. */
  greeting?: string;
  blocks: readonly MailBlock[];
  /** Why the recipient gets this mail (one sentence), shown above the footer. */
  reason?: string;
  /** One-click unsubscribe for this kind of mail, and the preferences page (alerts and digests only). */
  unsubscribeUrl?: string;
  preferencesUrl?: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 headers when the mail has an unsubscribe link, else empty. */
  headers: Record<string, string>;
}

/** HTML-escapes text for element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Only http(s) links go into a mail: anything else is a bug in the caller. */
function checkedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`mail link must be http(s): ${url}`);
  return parsed.toString();
}

/** Builds an absolute link from the portal's base address (RAPOR_PUBLIC_URL or the request's origin) and a path. */
export function mailLink(baseUrl: string, path: string, query?: Record<string, string>): string {
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return checkedUrl(url.toString());
}

function textOf(block: MailBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 60))}`;
    case 'paragraph':
      return block.text;
    case 'action':
      return `${block.label}:\n${checkedUrl(block.url)}`;
    case 'facts':
      return block.rows.map(([label, value]) => `- ${label}: ${value}`).join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
  }
}

const P = 'margin:0 0 16px;font:16px/1.5 Arial,Helvetica,sans-serif;color:#0b0c0c';

function htmlOf(block: MailBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font:bold 19px/1.3 Arial,Helvetica,sans-serif;color:#0b0c0c">${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p style="${P}">${escapeHtml(block.text)}</p>`;
    case 'action':
      return `<p style="${P}"><a href="${escapeHtml(checkedUrl(block.url))}" style="display:inline-block;padding:10px 16px;background:#00703c;color:#fff;font-weight:bold;text-decoration:none">${escapeHtml(block.label)}</a></p>`;
    case 'facts':
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font:16px/1.5 Arial,Helvetica,sans-serif">${block.rows
        .map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;font-weight:normal;color:#505a5f">${escapeHtml(label)}</th><td style="padding:4px 0;font-weight:bold">${escapeHtml(value)}</td></tr>`)
        .join('')}</table>`;
    case 'list':
      return `<ul style="${P};padding-left:20px">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  }
}

/** The subject, the two bodies and the unsubscribe headers of a mail. */
export function composeMail(content: MailContent): ComposedMail {
  const w = mailWords[content.language];
  const greeting = content.greeting ?? w.greeting;
  const footer: string[] = [];
  if (content.reason) footer.push(content.reason);
  const links: Array<[string, string]> = [];
  if (content.unsubscribeUrl) links.push([w.unsubscribe, checkedUrl(content.unsubscribeUrl)]);
  if (content.preferencesUrl) links.push([w.preferences, checkedUrl(content.preferencesUrl)]);
  const text = [
    greeting,
    ...content.blocks.map(textOf),
    '--',
    ...footer,
    ...links.map(([label, url]) => `${label}: ${url}`),
    w.automatic,
    w.signature,
  ].join('\n\n') + '\n';
  const html =
    `<html lang="${content.language}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="margin:0;padding:16px;background:#fff"><div style="max-width:600px">` +
    `<p style="${P}">${escapeHtml(greeting)}</p>` +
    content.blocks.map(htmlOf).join('') +
    `<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0">` +
    footer.map((line) => `<p style="${P};font-size:14px;color:#505a5f">${escapeHtml(line)}</p>`).join('') +
    (links.length
      ? `<p style="${P};font-size:14px">${links.map(([label, url]) => `<a href="${escapeHtml(url)}" style="color:#1d70b8">${escapeHtml(label)}</a>`).join(' · ')}</p>`
      : '') +
    `<p style="${P};font-size:14px;color:#505a5f">${escapeHtml(w.automatic)}<br>${escapeHtml(w.signature)}</p>` +
    `</div></body></html>`;
  const headers: Record<string, string> = content.unsubscribeUrl
    ? { 'List-Unsubscribe': `<${checkedUrl(content.unsubscribeUrl)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
    : {};
  return { subject: content.subject, text, html, headers };
}
