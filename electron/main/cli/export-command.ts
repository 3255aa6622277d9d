/**
 * `export --format csv|json [--what positions|history|exposure] [--from DATE] [--to DATE] [--out FILE]`
 * over the `export.build` channel. DATE: YYYY-MM-DD (UTC; as --to, the end of that day), an
 * ISO 8601 time with Z or an offset, or unix seconds. Bad options are usage errors (exit 2).
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind } from '../../../shared/ipc/history-schemas';
import { AppFailure } from '../../../shared/result';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Dispatch } from '../ipc/handle';
import { UsageError } from '../options';
import { takeFlag } from './args';

const DAY_SECONDS = 86_400;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Unix seconds of a DATE option; a date alone is the start of that UTC day, or its last second when `endOfDay`. */
export function parseExportDate(flag: string, text: string, endOfDay = false): number {
  let seconds: number;
  if (/^\d{1,12}$/.test(text)) seconds = Number(text);
  else if (DATE_ONLY.test(text) || DATE_TIME.test(text)) {
    const ms = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text);
    // Date.parse rolls 2026-02-30 over to March (with a time too): a day that does not exist is refused.
    const day = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(ms) || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== text.slice(0, 10)) throw new UsageError(`${flag}: "${text}" is not a valid date`);
    seconds = Math.floor(ms / 1000) + (DATE_ONLY.test(text) && endOfDay ? DAY_SECONDS - 1 : 0);
  } else {
    throw new UsageError(`${flag}: "${text}" is not a date (use YYYY-MM-DD, an ISO 8601 time with Z or an offset, or unix seconds)`);
  }
  if (seconds < 0 || seconds > 253_402_300_799) throw new UsageError(`${flag}: "${text}" is out of range`);
  return seconds;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export interface ExportOptions {
  what: ExportKind;
  format: ExportFormat;
  from?: number;
  to?: number;
  out?: string;
}

export function parseExportArgs(argv: readonly string[]): ExportOptions {
  const args = [...argv];
  const format = oneOf('--format', takeFlag(args, '--format'), EXPORT_FORMATS);
  const what = oneOf('--what', takeFlag(args, '--what'), EXPORT_KINDS) ?? 'positions';
  const fromText = takeFlag(args, '--from');
  const toText = takeFlag(args, '--to');
  const out = takeFlag(args, '--out');
  if (!format) throw new UsageError('export needs --format csv|json');
  if (args.length > 0) throw new UsageError(`export: unexpected argument "${args[0]}"`);
  const from = fromText === undefined ? undefined : parseExportDate('--from', fromText);
  const to = toText === undefined ? undefined : parseExportDate('--to', toText, true);
  if (from !== undefined && to !== undefined && from > to) throw new UsageError('--from must not be after --to');
  if (what === 'positions' && from !== undefined) throw new UsageError('export --what positions takes --to (the time to export at), not --from');
  if (what === 'exposure' && (from !== undefined || to !== undefined)) throw new UsageError('export --what exposure is of the latest snapshot: --from and --to do not apply');
  return { what, format, from, to, out };
}

/** True when `file` names the database (or its -wal, -shm, -journal): an export there would destroy the data. */
function isDatabaseFile(file: string, databaseFile: string): boolean {
  const real = (name: string) => {
    try {
      return fs.realpathSync(name);
    } catch {
      return path.resolve(name);
    }
  };
  const target = real(file);
  return ['', '-wal', '-shm', '-journal'].some((suffix) => real(databaseFile + suffix) === target);
}

/** Writes the export to --out (and says so on stdout) or to stdout as is. */
export async function exportCommand(dispatch: Dispatch, argv: readonly string[], out: (line: string) => void, write: (text: string) => void, databaseFile?: string): Promise<void> {
  const options = parseExportArgs(argv);
  if (options.out && databaseFile && isDatabaseFile(options.out, databaseFile)) throw new UsageError(`--out ${options.out} is Slashboard's database; choose another file`);
  const result = await dispatch('export.build', { what: options.what, format: options.format, from: options.from, to: options.to });
  if (!result.ok) throw new AppFailure(result.error.code, result.error.message);
  const built = result.value as ChannelOutput<'export.build'>;
  if (!options.out) return write(built.text);
  try {
    fs.writeFileSync(options.out, built.text);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new AppFailure('INVALID_INPUT', `Cannot write ${options.out}: ${code === 'ERR_INVALID_ARG_VALUE' ? 'not a valid path' : (code ?? String(cause))}`);
  }
  out(`Wrote ${built.rows} row(s) of ${options.what} as ${options.format} to ${options.out}`);
}
