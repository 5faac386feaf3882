// RFC 4180 CSV: parsing for imports, and one-row formatting for exports. A leading UTF-8 BOM is ignored; the
// separator may be ',' or ';' (spreadsheets in the Indonesian locale save with ';').

export interface CsvRow {
  /** 1-based line number of the row's first line in the file, for error messages. */
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function detectSeparator(headerLine: string): ',' | ';' {
  const commas = (headerLine.match(/,/g) ?? []).length;
  const semis = (headerLine.match(/;/g) ?? []).length;
  return semis > commas ? ';' : ',';
}

export function parseCsv(text: string, separator?: ',' | ';'): CsvRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const sep = separator ?? detectSeparator(src.split(/\r?\n/, 1)[0] ?? '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < src.length && src[i] !== sep && src[i] !== '\n' && src[i] !== '\r') throw new CsvError(line, 'a quoted field must end at a separator or line end');
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError(rowLine, 'a quoted field is not closed');
  if (cell !== '' || cells.length) endRow();
  return rows;
}

/** One CSV record with fields quoted only when they must be (RFC 4180), ending in CRLF. */
export function csvRecord(values: readonly (string | number | boolean | null | undefined)[], separator: ',' | ';' = ','): string {
  return values
    .map((value) => {
      if (value === null || value === undefined) return '';
      const s = String(value);
      return /[",;\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(separator) + '\r\n';
}
