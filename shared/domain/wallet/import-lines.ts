/**
 * Parses pasted lines or a CSV file of `address,label` rows. Fields follow RFC 4180
 * quoting within a line ("a, b" and "" for a quote); an optional header row
 * `address,label` is skipped; blank lines and lines starting with # are ignored.
 * Records never span lines: an address list has no business with embedded newlines.
 */

export const MAX_IMPORT_LINES = 10_000;

export interface ImportRow {
  line: number;
  address: string;
  label: string | null;
}

export interface ImportLineError {
  line: number;
  input: string;
  reason: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: ImportLineError[];
}

export function parseImportText(text: string): ParsedImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (lines.length > MAX_IMPORT_LINES) {
    return { rows: [], errors: [{ line: MAX_IMPORT_LINES + 1, input: '', reason: `Too many lines (at most ${MAX_IMPORT_LINES})` }] };
  }
  const rows: ImportRow[] = [];
  const errors: ImportLineError[] = [];
  lines.forEach((content, index) => {
    const line = index + 1;
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = splitCsvLine(trimmed);
    if (!fields) {
      errors.push({ line, input: trimmed, reason: 'Unbalanced quotes' });
      return;
    }
    const [address = '', label, ...extra] = fields;
    if (line === firstContentLine(lines) && address.trim().toLowerCase() === 'address') return;
    if (extra.some((field) => field.trim() !== '')) {
      errors.push({ line, input: trimmed, reason: `Expected "address,label" but found ${fields.length} fields (quote a label that contains commas)` });
      return;
    }
    rows.push({ line, address: address.trim(), label: label === undefined ? null : label });
  });
  return { rows, errors };
}

function firstContentLine(lines: string[]): number {
  const index = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return index + 1;
}

/** Splits one CSV line into fields; null when a quoted field is not closed. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
