// Reads the XLSX files the exports write, independently of the writer: the ZIP's central directory, each worksheet's
// rows as cell texts, the sheets' names, and the first sheet as objects keyed by column code through the workbook's
// own "Kamus data" sheet (issue 28 item 7: Indonesian titles on the data sheet, codes in the dictionary).
import { inflateRawSync } from 'node:zlib';

/** Every entry of the ZIP, inflated, by name. */
export function zipEntries(bytes: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(end + 16);
  const entries = bytes.readUInt16LE(end + 10);
  for (let i = 0; i < entries; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    out.set(name, (method === 0 ? data : inflateRawSync(data)).toString('utf8'));
    at += 46 + nameLength + extra;
  }
  return out;
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** A worksheet's rows as cell texts (inline strings and values, as our writer puts them; gaps as ''). */
export function sheetRows(xml: string): string[][] {
  return [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((r) => [...r[1]!.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)]
    .reduce<string[]>((cells, c) => {
      const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      while (cells.length < col) cells.push('');
      cells.push(unescape((/<t[^>]*>([\s\S]*?)<\/t>|<v>([\s\S]*?)<\/v>/.exec(c[2] ?? '') ?? []).slice(1).find((x) => x !== undefined) ?? ''));
      return cells;
    }, []));
}

export interface Workbook {
  sheetNames: string[];
  /** Rows of the n-th sheet (1-based). */
  rows(sheet: number): string[][];
  /** The raw XML of the n-th sheet. */
  sheetXml(sheet: number): string;
  styles: string;
}

export function readWorkbook(bytes: Buffer): Workbook {
  const entries = zipEntries(bytes);
  const workbook = entries.get('xl/workbook.xml') ?? '';
  const sheetXml = (n: number) => {
    const xml = entries.get(`xl/worksheets/sheet${n}.xml`);
    if (xml === undefined) throw new Error(`no sheet ${n} in the XLSX file`);
    return xml;
  };
  return {
    sheetNames: [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescape(m[1]!)),
    rows: (n) => sheetRows(sheetXml(n)),
    sheetXml,
    styles: entries.get('xl/styles.xml') ?? '',
  };
}

/** The data sheet as objects keyed by column code: titles are mapped to codes through the "Kamus data" sheet. */
export function xlsxTable(bytes: Buffer): Record<string, string>[] {
  const book = readWorkbook(bytes);
  const [, ...dictionary] = book.rows(2);
  const codeOf = new Map(dictionary.map(([code, label]) => [label!, code!]));
  const [header, ...rows] = book.rows(1);
  const codes = header!.map((label) => {
    const code = codeOf.get(label);
    if (!code) throw new Error(`column "${label}" is not in the workbook's Kamus data`);
    return code;
  });
  return rows.map((r) => Object.fromEntries(codes.map((c, i) => [c, r[i] ?? ''])));
}
