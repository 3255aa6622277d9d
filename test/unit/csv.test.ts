import { describe, expect, it } from 'vitest';
import { csvField, protectText, toCsv, toRecords, type CsvColumn } from '../../shared/domain/csv';

describe('csv', () => {
  it('quotes per RFC 4180 and ends every line with CRLF', () => {
    const columns: CsvColumn<{ a: string; b: string | null }>[] = [
      { name: 'a', kind: 'text', value: (row) => row.a },
      { name: 'b', kind: 'number', value: (row) => row.b },
    ];
    expect(toCsv(columns, [{ a: 'x, "y"\nz', b: '-1.5' }, { a: 'plain', b: null }])).toBe('a,b\r\n"x, ""y""\nz",-1.5\r\nplain,\r\n');
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(protectText(text)).toBe(`'${text}`);
    expect(protectText('Main = cold')).toBe('Main = cold');
    expect(csvField('=HYPERLINK("http://x","y")', 'text')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Numbers and times are Slashboard's own: a negative amount stays a number.
    expect(csvField('-12.05', 'number')).toBe('-12.05');
  });

  it('gives JSON records with the raw values, nulls kept', () => {
    const columns: CsvColumn<{ a: string }>[] = [{ name: 'label', kind: 'text', value: (row) => row.a }, { name: 'none', kind: 'number', value: () => null }];
    expect(toRecords(columns, [{ a: '=x' }])).toEqual([{ label: '=x', none: null }]);
  });
});
