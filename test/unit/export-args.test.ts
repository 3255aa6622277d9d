import { describe, expect, it } from 'vitest';
import { parseExportArgs, parseExportDate } from '../../electron/main/cli/export-command';
import { UsageError } from '../../electron/main/options';

const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (cause) {
    expect(cause).toBeInstanceOf(UsageError);
    return (cause as Error).message;
  }
  throw new Error('no usage error');
};

describe('export options', () => {
  it('parses dates: a UTC day (its last second as --to), an ISO time with a zone, unix seconds', () => {
    expect(parseExportDate('--from', '2026-01-05')).toBe(Date.UTC(2026, 0, 5) / 1000);
    expect(parseExportDate('--to', '2026-01-05', true)).toBe(Date.UTC(2026, 0, 6) / 1000 - 1);
    expect(parseExportDate('--to', '2026-01-05T12:00:00+02:00', true)).toBe(Date.UTC(2026, 0, 5, 10) / 1000);
    expect(parseExportDate('--to', '2026-01-05T12:00Z')).toBe(Date.UTC(2026, 0, 5, 12) / 1000);
    expect(parseExportDate('--from', '1767614400')).toBe(1_767_614_400);
  });

  it('refuses dates that are ambiguous or do not exist', () => {
    expect(usage(() => parseExportDate('--from', '2026-02-30'))).toBe('--from: "2026-02-30" is not a valid date');
    expect(usage(() => parseExportDate('--to', '2026-01-05T12:00'))).toMatch(/^--to: "2026-01-05T12:00" is not a date \(use YYYY-MM-DD/);
    expect(usage(() => parseExportDate('--from', 'yesterday'))).toMatch(/is not a date/);
    expect(usage(() => parseExportDate('--from', '2026-13-01'))).toBe('--from: "2026-13-01" is not a valid date');
  });

  it('checks the combination of options', () => {
    expect(parseExportArgs(['--format', 'json'])).toEqual({ what: 'positions', format: 'json', from: undefined, to: undefined, out: undefined });
    expect(parseExportArgs(['--what', 'history', '--format', 'csv', '--from', '2026-01-01', '--out', 'x.csv'])).toMatchObject({ what: 'history', from: Date.UTC(2026, 0, 1) / 1000, out: 'x.csv' });
    expect(usage(() => parseExportArgs(['--what', 'history']))).toBe('export needs --format csv|json');
    expect(usage(() => parseExportArgs(['--format', 'xml']))).toBe('--format must be one of csv, json (got "xml")');
    expect(usage(() => parseExportArgs(['--format', 'csv', '--what', 'all']))).toBe('--what must be one of positions, history, exposure (got "all")');
    expect(usage(() => parseExportArgs(['--format', 'csv', '--what', 'history', '--from', '2026-02-01', '--to', '2026-01-01']))).toBe('--from must not be after --to');
    expect(usage(() => parseExportArgs(['--format', 'csv', '--from', '2026-01-01']))).toMatch(/positions takes --to/);
    expect(usage(() => parseExportArgs(['--format', 'csv', '--what', 'exposure', '--to', '2026-01-01']))).toMatch(/--from and --to do not apply/);
    expect(usage(() => parseExportArgs(['--format', 'csv', 'extra']))).toBe('export: unexpected argument "extra"');
    expect(usage(() => parseExportArgs(['--format']))).toBe('--format needs a value');
  });
});
