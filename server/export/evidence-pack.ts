// The evidence pack (issue 18, item 4): one ZIP per unit and year with the locked SKM reports, the RTL register (CSV)
// with its evidence files, the publication log (CSV), the results posters (PDF) of the periods a poster was downloaded for and a manifest of every file's SHA-256.
// Written as a stream (issue 24 F3): each file's bytes go through the deflater to the response as they are read, so
// memory holds a chunk, never the pack, whatever the unit stored.
import { createHash } from 'node:crypto';
import { csvRecord } from '../../core/domain/csv.ts';
import { csvSafe, type Cell } from './table-writers.ts';
import { ZipStream, type Sink } from './zip-stream.ts';

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


/** A file of the pack whose bytes are read when it is written, chunk by chunk (an evidence file from the database). */
export interface StreamedPackFile {
  path: string;
  mediaType: string;
  chunks: () => AsyncIterable<Uint8Array>;
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/**
 * Writes the ZIP to `sink`: the files in order, then manifest.json listing each (path, media type, size, SHA-256 of the
 * bytes written). `sink` resolving only when the client has taken the chunk keeps memory to a chunk. Returns the
 * number of files (without the manifest).
 */
export async function writePackZip(sink: Sink, files: Iterable<PackFile | StreamedPackFile>, about: Record<string, unknown>): Promise<number> {
  const zip = new ZipStream(sink);
  const listed: { path: string; mediaType: string; bytes: number; sha256: string }[] = [];
  for (const f of files) {
    const entry = await zip.entry(f.path);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of 'bytes' in f ? once(f.bytes) : f.chunks()) {
      hash.update(chunk);
      size += chunk.length;
      await entry.write(chunk);
    }
    await entry.end();
    listed.push({ path: f.path, mediaType: f.mediaType, bytes: size, sha256: hash.digest('hex') });
  }
  await zip.file('manifest.json', encoder.encode(JSON.stringify({ ...about, files: listed }, null, 2) + '\n'));
  await zip.finish();
  return listed.length;
}

/** A file name safe inside a ZIP: letters, digits, dot, dash and underscore only. */
export function safeName(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80) || 'file';
}
