import { describe, expect, it } from 'vitest';
import { CsvError, csvRecord, parseCsv } from '../../core/domain/csv.ts';

describe('CSV (RFC 4180)', () => {
  it('parses quoted fields with separators, quotes and line breaks, and keeps line numbers', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n1,"dua, tiga","kata ""kutip"""\r\n2,"baris\nkedua",x\n\n3,,\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'dua, tiga', 'kata "kutip"'] },
      { line: 3, cells: ['2', 'baris\nkedua', 'x'] },
      { line: 6, cells: ['3', '', ''] },
    ]);
  });

  it('reads semicolon-separated files as saved by spreadsheets in the Indonesian locale', () => {
    expect(parseCsv('a;b\n1,5;"x;y"\n')).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1,5', 'x;y'] }]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"open\n');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
    }
  });

  it('writes records that parse back to the same values', () => {
    const values = ['plain', 'koma, di dalam', 'kutip "ini"', 'baris\nbaru', '', ' spasi', '=1+1'];
    const text = csvRecord(values) + csvRecord([1, null, true]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).map((r) => r.cells)).toEqual([values, ['1', '', 'true']]);
  });
});
