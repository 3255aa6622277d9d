import { describe, expect, it } from 'vitest';
import { parseImportText, splitCsvLine } from '../../shared/domain/wallet/import-lines';

describe('parseImportText', () => {
  it('reads address,label rows with their line numbers, skipping header, blanks and comments', () => {
    const text = 'address,label\r\n0xabc,Main\n\n# a comment\nbc1qxyz\n"0xdef","Savings, long term"\n';
    expect(parseImportText(text)).toEqual({
      rows: [
        { line: 2, address: '0xabc', label: 'Main' },
        { line: 5, address: 'bc1qxyz', label: null },
        { line: 6, address: '0xdef', label: 'Savings, long term' },
      ],
      errors: [],
    });
  });

  it('reports extra fields and unbalanced quotes by line', () => {
    const { rows, errors } = parseImportText('0xabc,one,two\n"0xdef,oops\n0x123,ok');
    expect(rows).toEqual([{ line: 3, address: '0x123', label: 'ok' }]);
    expect(errors).toEqual([
      { line: 1, input: '0xabc,one,two', reason: expect.stringMatching(/3 fields/) },
      { line: 2, input: '"0xdef,oops', reason: 'Unbalanced quotes' },
    ]);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(parseImportText('\uFEFF0xabc,A').rows).toEqual([{ line: 1, address: '0xabc', label: 'A' }]);
  });
});

describe('splitCsvLine', () => {
  it('handles doubled quotes inside quoted fields', () => {
    expect(splitCsvLine('a,"say ""hi""",c')).toEqual(['a', 'say "hi"', 'c']);
  });
});
