/**
 * Start-up without a crash loop. If the database cannot be written or opened, or opens but fails
 * `PRAGMA quick_check` (a file whose header is fine can have damaged pages that only a read
 * of every page finds), the app starts in recovery mode instead: it lists the backups and can
 * restore one, which moves the unreadable file (and its -wal/-shm) aside as
 * `slashboard.sqlite.corrupt-<UTC>` (`.newer-<UTC>` for a file from a newer Slashboard), copies
 * the backup in and opens the app normally (migrating an older backup).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, RecoveryRestoreResult } from '../../../shared/ipc/backup-schemas';
import { AppFailure, toAppError, type AppError } from '../../../shared/result';
import { checkProblem, inspectCandidate, openFile } from '../db/backup';
import { DB_FILE_NAME } from '../db/open';
import { MIGRATIONS } from '../db/migrations';
import { backupsDir, listBackups, stamp } from './backup-files';
import { openApp, type Services } from '.';
import type { ContextOptions } from './context';

export interface RecoveredApp {
  services: Services;
  result: RecoveryRestoreResult;
}

export interface Recovery {
  /** Code 'RECOVERY'; the message names the problem and the newest backup. */
  error: AppError;
  dataDir: string;
  backups(): BackupEntry[];
  /** The newest automatic backup, else the newest backup of any kind. */
  restoreLatest(): Promise<RecoveredApp>;
  /** Any file that passes the restore checks (the recovery.restore channel allows only listed backups). */
  restoreFrom(file: string): Promise<RecoveredApp>;
}

export type Opened = { kind: 'app'; services: Services } | { kind: 'recovery'; recovery: Recovery };

export function openAppOrRecovery(options: ContextOptions): Opened {
  // SQLite opens a file it cannot write read-only without a word, and every save would fail later.
  const readOnly = unwritable(options.dataDir);
  if (readOnly) return { kind: 'recovery', recovery: createRecovery(options, readOnly) };
  let services: Services;
  try {
    services = openApp(options);
  } catch (cause) {
    return { kind: 'recovery', recovery: createRecovery(options, toAppError(cause).message) };
  }
  let problem: string | null;
  try {
    problem = checkProblem(services.ctx.db, 'quick_check');
  } catch (cause) {
    problem = (cause as Error).message;
  }
  if (problem === null) return { kind: 'app', services };
  services.ctx.close();
  return { kind: 'recovery', recovery: createRecovery(options, `The database at ${path.join(options.dataDir, DB_FILE_NAME)} is damaged (quick check: ${problem})`) };
}

function createRecovery(options: ContextOptions, problem: string): Recovery {
  const dir = backupsDir(options.dataDir);
  const live = path.join(options.dataDir, DB_FILE_NAME);
  const fileOptions = { nativeBinding: options.nativeBinding };
  let restored = false;
  const backups = () => listBackups(dir);

  async function restoreFrom(file: string): Promise<RecoveredApp> {
    if (restored) throw new AppFailure('INVALID_INPUT', 'A backup was already restored; Slashboard is running normally');
    const candidate = inspectCandidate(path.resolve(file), MIGRATIONS.length, fileOptions);
    // The copy is complete before anything moves, so a failure here leaves the folder as it was.
    const partial = await copyNextTo(candidate.file, live, fileOptions);
    let movedAside: string[];
    try {
      movedAside = moveAside(live, fromTheFuture(live) ? 'newer' : 'corrupt');
      fs.renameSync(partial, live);
    } catch (cause) {
      fs.rmSync(partial, { force: true });
      throw new AppFailure('DATABASE', `Could not replace ${live} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}); check the permissions of ${options.dataDir}`);
    }
    const services = openApp(options);
    restored = true;
    return { services, result: { path: candidate.file, movedAside, schemaVersion: services.ctx.schemaVersion() } };
  }

  const list = backups();
  const newest = list[0];
  const hint = newest ? `${list.length} backup(s) can be restored; the newest is ${newest.name} (${new Date(newest.time).toISOString()})` : `No backup was found in ${dir}`;
  return {
    error: { code: 'RECOVERY', message: `Slashboard cannot open its database: ${problem}. ${hint}.` },
    dataDir: options.dataDir,
    backups,
    restoreFrom,
    restoreLatest: async () => {
      const all = backups();
      const choice = all.find((entry) => entry.kind === 'auto') ?? all[0];
      if (!choice) throw new AppFailure('NOT_FOUND', `No backup was found in ${dir}`);
      return restoreFrom(choice.path);
    },
  };
}

/** Why the database file or its folder cannot be written (the -wal and -shm files live beside it), or null. */
function unwritable(dataDir: string): string | null {
  const file = path.join(dataDir, DB_FILE_NAME);
  for (const target of [file, dataDir]) {
    try {
      if (fs.existsSync(target)) fs.accessSync(target, fs.constants.W_OK);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? 'not writable';
      return `${target} is read-only (${code}), and Slashboard must write to its database. Check the permissions of ${dataDir}; nothing was changed`;
    }
  }
  return null;
}

/** PRAGMA user_version is the big-endian integer at byte 60 of the header. */
function fromTheFuture(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(100);
    return fs.readSync(fd, header, 0, 100, 0) === 100 && header.readUInt32BE(60) > MIGRATIONS.length;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function moveAside(live: string, reason: 'corrupt' | 'newer'): string[] {
  const aside = `${live}.${reason}-${stamp(Date.now())}`;
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (!fs.existsSync(live + suffix)) continue;
    fs.renameSync(live + suffix, aside + suffix);
    moved.push(aside + suffix);
  }
  return moved;
}

/** Through SQLite (a consistent copy even of a WAL file), to `<live>.partial`; returns that path. */
async function copyNextTo(source: string, live: string, fileOptions: { nativeBinding?: string }): Promise<string> {
  const partial = `${live}.partial`;
  fs.rmSync(partial, { force: true });
  const db = openFile(source, true, fileOptions);
  try {
    await db.backup(partial);
  } catch (cause) {
    fs.rmSync(partial, { force: true });
    throw cause;
  } finally {
    db.close();
  }
  return partial;
}
