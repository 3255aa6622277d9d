/**
 * SQLite's own messages are terse ("database or disk is full"); these say what happened to
 * the user's data and what to do. Matched on the message as well as the code, because a chain
 * outcome carries only the message by the time a refresh reports it.
 */
import { AppFailure } from '../../../shared/result';

interface Known {
  codes: readonly string[];
  text: string;
  say: string;
}

const KNOWN: readonly Known[] = [
  {
    codes: ['SQLITE_FULL'],
    text: 'database or disk is full',
    say: 'Not saved: the disk is full (or the database reached its size limit). The data saved before is intact; free some disk space and try again.',
  },
  {
    codes: ['SQLITE_READONLY'],
    text: 'attempt to write a readonly database',
    say: 'Not saved: the database file or its folder is read-only. The data saved before is intact; check the permissions of the data folder.',
  },
  {
    codes: ['SQLITE_CORRUPT', 'SQLITE_NOTADB'],
    text: 'database disk image is malformed',
    say: 'The database file is damaged. Restart Slashboard: it offers to restore the latest backup.',
  },
  {
    codes: ['SQLITE_IOERR'],
    text: 'disk I/O error',
    say: 'The disk reported an I/O error while saving; the data saved before is intact. Check the disk and try again.',
  },
];

function known(code: string | undefined, message: string): Known | undefined {
  return KNOWN.find((item) => (code !== undefined && item.codes.some((prefix) => code.startsWith(prefix))) || message.includes(item.text));
}

/** A friendly sentence for a SQLite failure message, keeping SQLite's words for diagnosis; other messages unchanged. */
export function describeDatabaseMessage(message: string, code?: string): string {
  const match = known(code, message);
  return match ? `${match.say} (SQLite: ${message})` : message;
}

/** An AppFailure('DATABASE') for a SQLite error (better-sqlite3's SqliteError carries `code`), else null. */
export function databaseFailure(cause: unknown): AppFailure | null {
  if (!(cause instanceof Error) || cause instanceof AppFailure) return null;
  const code = (cause as Error & { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  return new AppFailure('DATABASE', describeDatabaseMessage(cause.message, code));
}
