// One interface for the three export formats: a header, rows in batches, and an end. Each writes to a sink as it goes.
import { csvRecord } from '../domain/csv.ts';
import { ZipStream, type Sink } from './zip-stream.ts';

export type Cell = string | number | boolean | null;

export interface TableWriter {
  header(columns: readonly string[]): Promise<void>;
  rows(rows: readonly Cell[][]): Promise<void>;
  end(): Promise<void>;
}

export type ExportFormat = 'csv' | 'xlsx' | 'ndjson';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const encoder = new TextEncoder();

/**
 * Text a spreadsheet would run as a formula (=, +, -, @ at the start) gets a leading apostrophe in CSV, so a resident's
 * comment cannot become a formula on an evaluator's computer (OWASP "CSV injection"). Numbers are left alone.
 */
function csvSafe(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvWriter(sink: Sink, separator: ',' | ';'): TableWriter {
  return {
    // UTF-8 with BOM, so spreadsheets read Bahasa Indonesia text correctly (API.md "Exports").
    header: (columns) => sink(encoder.encode('\uFEFF' + csvRecord(columns, separator))),
    rows: (rows) => sink(encoder.encode(rows.map((r) => csvRecord(r.map(csvSafe), separator)).join(''))),
    end: async () => {},
  };
}

export function ndjsonWriter(sink: Sink): TableWriter {
  let columns: readonly string[] = [];
  return {
    header: async (cols) => {
      columns = cols;
    },
    rows: (rows) => sink(encoder.encode(rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])))).join('\n') + (rows.length ? '\n' : ''))),
    end: async () => {},
  };
}

// Characters XML 1.0 does not allow (control characters other than tab, newline, carriage return).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!);
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(value: Cell, ref: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(String(value))}</t></is></c>`;
}

/** An Office Open XML workbook with one sheet, streamed row by row (inline strings, no shared-strings table). */
export function xlsxWriter(sink: Sink, sheetName: string): TableWriter {
  const zip = new ZipStream(sink);
  let sheet: Awaited<ReturnType<ZipStream['entry']>> | undefined;
  let rowNumber = 0;
  let columnCount = 0;
  const rowXml = (cells: readonly Cell[]) => {
    rowNumber++;
    return `<row r="${rowNumber}">${cells.map((v, i) => cellXml(v, `${columnName(i)}${rowNumber}`)).join('')}</row>`;
  };
  return {
    header: async (columns) => {
      columnCount = columns.length;
      await zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
      await zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
      await zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
      await zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
      sheet = await zip.entry('xl/worksheets/sheet1.xml');
      await sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rowXml(columns));
    },
    rows: async (rows) => {
      await sheet!.write(rows.map((r) => rowXml(r.slice(0, Math.max(columnCount, r.length)))).join(''));
    },
    end: async () => {
      await sheet!.write('</sheetData></worksheet>');
      await sheet!.end();
      await zip.finish();
    },
  };
}

export function tableWriter(format: ExportFormat, sink: Sink, options: { separator: ',' | ';'; sheetName: string }): TableWriter {
  if (format === 'csv') return csvWriter(sink, options.separator);
  if (format === 'ndjson') return ndjsonWriter(sink);
  return xlsxWriter(sink, options.sheetName);
}
