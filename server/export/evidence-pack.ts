// The evidence pack (issue 18, item 4): one ZIP per unit and year with the locked SKM reports, the RTL register (CSV)
// with its evidence files, the publication log (CSV), the results posters (PDF) of the periods a poster was downloaded for and a manifest of every file's SHA-256.
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { csvRecord } from '../domain/csv.ts';
import { csvSafe, type Cell } from './table-writers.ts';

export interface PackFile {
  path: string;
  mediaType: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

/** A CSV file as the exports write it: UTF-8 with BOM, comma-separated, formula-looking text made inert. */
export function csvFile(path: string, columns: readonly string[], rows: readonly Cell[][]): PackFile {
  const text = '\uFEFF' + csvRecord(columns, ',') + rows.map((r) => csvRecord(r.map(csvSafe), ',')).join('');
  return { path, mediaType: 'text/csv; charset=utf-8', bytes: encoder.encode(text) };
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The ZIP: the files, then manifest.json listing each (path, media type, size, SHA-256 of its bytes). */
export function packZip(files: readonly PackFile[], about: Record<string, unknown>): Uint8Array {
  const manifest = {
    ...about,
    files: files.map((f) => ({ path: f.path, mediaType: f.mediaType, bytes: f.bytes.length, sha256: sha256Hex(f.bytes) })),
  };
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path] = f.bytes;
  entries['manifest.json'] = encoder.encode(JSON.stringify(manifest, null, 2) + '\n');
  return zipSync(entries, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

/** A file name safe inside a ZIP: letters, digits, dot, dash and underscore only. */
export function safeName(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80) || 'file';
}
