/**
 * Backup files. Written with SQLite's online backup API, which copies a consistent state while
 * the app keeps its connection and keeps writing (writes made through the same connection are
 * carried into the copy); made self-contained (journal_mode DELETE: one file, no -wal) and
 * verified read-only with integrity_check before they get their final name. Also the checks a
 * file must pass before its content may replace the live data, and the migrated copy used then.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import { migrate, schemaVersion, type Migration } from './migrate';

/** Pages copied per step of the online backup; the event loop runs between steps. */
const PAGES_PER_STEP = 256;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** A file without these is not a Slashboard database. */
export const REQUIRED_TABLES = ['wallets', 'snapshots', 'settings'] as const;
export const PARTIAL_SUFFIX = '.partial';

export interface FileOptions {
  nativeBinding?: string;
}

export function openFile(file: string, readonly: boolean, options: FileOptions): Database.Database {
  return new Database(file, { readonly, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
}

export interface WriteOptions extends FileOptions {
  onProgress?: (phase: 'copying' | 'verifying', done: number, total: number) => void;
}

/** Writes `dest` (which must not exist) as a verified, self-contained copy of `db`; returns its size. */
export async function writeBackup(db: Database.Database, dest: string, options: WriteOptions = {}): Promise<number> {
  const partial = dest + PARTIAL_SUFFIX;
  fs.rmSync(partial, { force: true });
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.('copying', totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    seal(partial, options);
    options.onProgress?.('verifying', 0, 1);
    const problem = integrityProblem(partial, options);
    if (problem) throw new AppFailure('DATABASE', `The backup written to ${dest} failed its integrity check (${problem}); it was deleted`);
    fs.renameSync(partial, dest);
    syncDirectory(path.dirname(dest));
    return fs.statSync(dest).size;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** The copy carries the WAL flag of the live file; switch it so the backup is one file that opens read-only anywhere. */
function seal(file: string, options: FileOptions): void {
  const copy = openFile(file, false, options);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the file itself was synced by SQLite.
  }
}

/** null when `PRAGMA integrity_check` says ok, else its first finding (or the error that stopped it). */
export function integrityProblem(file: string, options: FileOptions, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): string | null {
  let db: Database.Database | undefined;
  try {
    db = openFile(file, true, options);
    return checkProblem(db, pragma);
  } catch (cause) {
    return (cause as Error).message;
  } finally {
    db?.close();
  }
}

/** Runs integrity_check or quick_check on an open connection: null when ok. */
export function checkProblem(db: Database.Database, pragma: 'integrity_check' | 'quick_check'): string | null {
  const rows = db.pragma(`${pragma}(5)`) as Record<string, string>[];
  // A finding can span lines ("*** in database main ***\nPage 12: …"); one line reads better in a message.
  const findings = rows.map((row) => String(Object.values(row)[0] ?? '').replace(/\s*\n\s*/g, ' '));
  return findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; ');
}

export interface Candidate {
  file: string;
  schemaVersion: number;
}

/**
 * Refuses, with a message naming the reason, a file that is not SQLite, is damaged, is from a
 * newer Slashboard (or has no schema version), or lacks Slashboard's tables. Opens it read-only.
 */
export function inspectCandidate(file: string, latestVersion: number, options: FileOptions): Candidate {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AppFailure('INVALID_INPUT', `No backup file at ${file}`);
  if (!hasSqliteHeader(file)) throw new AppFailure('INVALID_INPUT', `${path.basename(file)} is not a SQLite database, so not a Slashboard backup; nothing was changed`);
  const problem = integrityProblem(file, options);
  if (problem) throw new AppFailure('DATABASE', `${path.basename(file)} is damaged (integrity check: ${problem}); nothing was changed`);
  const db = openFile(file, true, options);
  try {
    const version = schemaVersion(db);
    if (version > latestVersion) {
      throw new AppFailure('DATABASE', `${path.basename(file)} was written by a newer version of Slashboard (schema ${version}, this app knows up to ${latestVersion}); update Slashboard to restore it. Nothing was changed`);
    }
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name));
    const missing = REQUIRED_TABLES.filter((name) => !tables.has(name));
    if (version === 0 || missing.length > 0) {
      throw new AppFailure('INVALID_INPUT', `${path.basename(file)} is a SQLite file but not a Slashboard database (a foreign file: ${version === 0 ? 'no schema version' : `no ${missing.join(', ')} table`}); nothing was changed`);
    }
    return { file, schemaVersion: version };
  } finally {
    db.close();
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    return fs.readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the candidate (through SQLite, so a -wal beside it is included) to `dest` and migrates the copy to this app's schema. */
export async function migratedCopy(candidate: Candidate, dest: string, migrations: readonly Migration[], options: FileOptions): Promise<{ from: number; to: number }> {
  const source = openFile(candidate.file, true, options);
  try {
    await source.backup(dest);
  } finally {
    source.close();
  }
  const copy = openFile(dest, false, options);
  try {
    copy.pragma('journal_mode = DELETE');
    return migrate(copy, migrations);
  } finally {
    copy.close();
  }
}
