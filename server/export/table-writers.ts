// One interface for the three export formats: a header, rows in batches, and an end. Each writes to a sink as it goes.
import { csvRecord } from '../../core/domain/csv.ts';
import { columnWords, DICTIONARY_HEADER, DICTIONARY_SHEET, SHEET_NAMES, type ColumnWords } from '../../core/i18n/i18n-export-columns.ts';
import { COLUMN_KINDS, type ColumnKind } from './column-kinds.ts';
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
export function csvSafe(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A `;` file is for spreadsheets in the Indonesian locale, whose decimal mark is the comma: its numbers are written with a
 * decimal comma (76,61), so the spreadsheet reads them as numbers, not as text or thousands. Text is left as it is.
 */
function decimalComma(value: Cell): Cell {
  return typeof value === 'number' && Number.isFinite(value) ? String(value).replace('.', ',') : value;
}

export function csvWriter(sink: Sink, separator: ',' | ';'): TableWriter {
  const cell = separator === ';' ? (v: Cell) => decimalComma(csvSafe(v)) : csvSafe;
  return {
    // UTF-8 with BOM, so spreadsheets read Bahasa Indonesia text correctly (API.md "Exports").
    header: (columns) => sink(encoder.encode('\uFEFF' + csvRecord(columns, separator))),
    rows: (rows) => sink(encoder.encode(rows.map((r) => csvRecord(r.map(cell), separator)).join(''))),
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

const DAY_MS = 86_400_000;
/** Spreadsheet day 0 is 1899-12-30 (the 1900 date system): 1970-01-01 is day 25569. */
const EPOCH_SERIAL = 25_569;
// Cell styles in xl/styles.xml: 1 = a date (yyyy-mm-dd), 2 = a timestamp (yyyy-mm-dd hh:mm:ss).
const STYLE: Record<ColumnKind, number> = { date: 1, timestamp: 2 };

/** A date or an ISO timestamp as the spreadsheet's serial number of days; null when it is not one. */
function serialOf(value: string, kind: ColumnKind): number | null {
  const ms = kind === 'date' ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(value + 'T00:00:00Z') : NaN) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms / DAY_MS + EPOCH_SERIAL : null;
}

function cellXml(value: Cell, ref: string, kind?: ColumnKind): string {
  if (value === null || value === '') return '';
  if (kind && typeof value === 'string') {
    const serial = serialOf(value, kind);
    if (serial !== null) return `<c r="${ref}" s="${STYLE[kind]}"><v>${serial}</v></c>`;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(String(value))}</t></is></c>`;
}

// The smallest complete style sheet with what the files need: the two date formats (ISO order, any locale) and a bold
// header. Cell styles: 1 = a date (yyyy-mm-dd), 2 = a timestamp (yyyy-mm-dd hh:mm:ss), 3 = a bold header cell.
const HEADER_STYLE = 3;
const STYLES_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** A worksheet's opening: the header row frozen (it stays on screen while scrolling) and the columns' widths. */
function sheetStart(widths: readonly number[]): string {
  return XML_HEAD + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    + '<sheetData>';
}

function headerRowXml(labels: readonly string[]): string {
  return `<row r="1">${labels.map((label, i) => `<c r="${columnName(i)}1" s="${HEADER_STYLE}" t="inlineStr"><is><t xml:space="preserve">${xml(label)}</t></is></c>`).join('')}</row>`;
}

/**
 * An Office Open XML workbook for people (issue 28 item 7), streamed row by row (inline strings, no shared-strings
 * table): the first sheet holds the data under Indonesian column titles, bold and frozen, with column widths; the
 * second, "Kamus data", gives each column's code, title, meaning and unit. `table` names the words
 * (core/i18n/i18n-export-columns.ts); the machine codes stay in CSV and NDJSON.
 */
export function xlsxWriter(sink: Sink, table: string): TableWriter {
  const zip = new ZipStream(sink);
  let sheet: Awaited<ReturnType<ZipStream['entry']>> | undefined;
  let rowNumber = 1;
  let columnCount = 0;
  let kinds: (ColumnKind | undefined)[] = [];
  let codes: readonly string[] = [];
  let words: ColumnWords[] = [];
  const rowXml = (cells: readonly Cell[]) => {
    rowNumber++;
    return `<row r="${rowNumber}">${cells.map((v, i) => cellXml(v, `${columnName(i)}${rowNumber}`, kinds[i])).join('')}</row>`;
  };
  return {
    header: async (columns) => {
      columnCount = columns.length;
      codes = columns;
      kinds = columns.map((c) => COLUMN_KINDS[c]);
      words = columns.map((c) => {
        const found = columnWords(table, c);
        if (!found) throw new Error(`no words for column ${c} of ${table} (core/i18n/i18n-export-columns.ts)`);
        return found;
      });
      const names = [SHEET_NAMES[table] ?? table, DICTIONARY_SHEET].map((n) => xml(n.slice(0, 31)));
      await zip.file('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET_TYPE}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${SHEET_TYPE}"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`);
      await zip.file('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
      await zip.file('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${names[0]}" sheetId="1" r:id="rId1"/><sheet name="${names[1]}" sheetId="2" r:id="rId3"/></sheets></workbook>`);
      await zip.file('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_SHEET}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL_SHEET}" Target="worksheets/sheet2.xml"/></Relationships>`);
      await zip.file('xl/styles.xml', STYLES_XML);
      sheet = await zip.entry('xl/worksheets/sheet1.xml');
      await sheet.write(sheetStart(words.map((w) => Math.max(w.width, Math.min(w.label.length + 2, 40)))) + headerRowXml(words.map((w) => w.label)));
    },
    rows: async (rows) => {
      await sheet!.write(rows.map((r) => rowXml(r.slice(0, Math.max(columnCount, r.length)))).join(''));
    },
    end: async () => {
      await sheet!.write('</sheetData></worksheet>');
      await sheet!.end();
      // The dictionary sheet: plain text cells, numbered from row 2 again.
      kinds = [];
      rowNumber = 1;
      const dictionary = await zip.entry('xl/worksheets/sheet2.xml');
      await dictionary.write(sheetStart([26, 30, 80, 24]) + headerRowXml(DICTIONARY_HEADER)
        + words.map((w, i) => rowXml([codes[i]!, w.label, w.meaning, w.unit])).join('') + '</sheetData></worksheet>');
      await dictionary.end();
      await zip.finish();
    },
  };
}

/**
 * A download's file name: `base.format`, and for a `;` CSV `base-titik-koma.csv`, so the two CSV files of the same
 * data can sit side by side in a folder and be told apart (issue 28 item 7).
 */
export function exportFileName(base: string, format: ExportFormat, separator: ',' | ';'): string {
  return `${base}${format === 'csv' && separator === ';' ? '-titik-koma' : ''}.${format}`;
}

/** `table` names the columns' words for XLSX (core/i18n/i18n-export-columns.ts): a dataset, or "kepatuhan". */
export function tableWriter(format: ExportFormat, sink: Sink, options: { separator: ',' | ';'; table: string }): TableWriter {
  if (format === 'csv') return csvWriter(sink, options.separator);
  if (format === 'ndjson') return ndjsonWriter(sink);
  return xlsxWriter(sink, options.table);
}
