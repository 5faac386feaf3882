// Escaping for the server's HTML fragments: every value from the database, the request or a string table goes through esc.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (text: string | number | null | undefined): string => String(text ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

/** ` name="value"` pairs for an element, leaving out false, null and undefined; true writes the bare attribute. */
export function attrs(values: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${esc(value)}"`;
  }
  return out;
}

/** The GOV.UK error summary: a heading, the form's own message, and a link to each field in error. */
export function errorSummary(title: string, entries: [anchor: string, text: string][], formError?: string): string {
  if (!entries.length && !formError) return '';
  return `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="ringkasan-galat">
<h2 id="ringkasan-galat">${esc(title)}</h2>${formError ? `<p>${esc(formError)}</p>` : ''}
<ul>${entries.map(([anchor, text]) => `<li><a href="#${esc(anchor)}">${esc(text)}</a></li>`).join('')}</ul>
</div>`;
}
