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
