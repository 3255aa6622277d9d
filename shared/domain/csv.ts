/**
 * CSV as RFC 4180 writes it: a header row, CRLF line ends, a field quoted when it holds a
 * comma, a double quote, CR or LF, and quotes inside doubled. Text cells (labels, names,
 * symbols: anything a wallet owner, a token or an operator's metadata could choose) that start
 * with = + - @, a tab or a carriage return get a leading apostrophe, so a spreadsheet shows
 * them as text instead of running them as a formula (OWASP "CSV Injection"). Number and time
 * cells are written by Slashboard itself and never get one.
 */

export type CsvKind = 'text' | 'number' | 'time';
export type CsvValue = string | number | null;

export interface CsvColumn<Row> {
  name: string;
  kind: CsvKind;
  value: (row: Row) => CsvValue;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe for spreadsheets: a leading apostrophe before a formula character. */
export function protectText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue, kind: CsvKind): string {
  if (value === null) return '';
  const text = kind === 'text' ? protectText(String(value)) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const header = columns.map((column) => csvField(column.name, 'text')).join(',');
  const lines = rows.map((row) => columns.map((column) => csvField(column.value(row), column.kind)).join(','));
  return [header, ...lines].map((line) => `${line}\r\n`).join('');
}

/** The same rows as JSON objects keyed by column name (no apostrophes: JSON is not run by spreadsheets). */
export function toRecords<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Record<string, CsvValue>[] {
  return rows.map((row) => Object.fromEntries(columns.map((column) => [column.name, column.value(row)])));
}
