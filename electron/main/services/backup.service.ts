/**
 * Backups and restore (docs/architecture.md "Backups, restore and retention").
 * - A backup is a consistent copy taken while the app runs (SQLite online backup), verified
 *   before it gets its name. Manual ones go where asked (default `backups/slashboard-<UTC>.sqlite`).
 * - Automatic: after a refresh in which at least one network succeeded, if the newest
 *   automatic backup is 24 hours old or more (or there is none); the newest 7 are kept.
 * - Restore: the file is checked read-only, copied and migrated to this schema, the current data
 *   is first backed up aside (`before-restore-<UTC>.sqlite`), then every table's rows are
 *   replaced in one transaction over the open connection. A failure changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BackupKind, BackupList, BackupResult, RestoreResult } from '../../../shared/ipc/backup-schemas';
import { AppFailure } from '../../../shared/result';
import { inspectCandidate, migratedCopy, PARTIAL_SUFFIX, writeBackup } from '../db/backup';
import { replaceContent } from '../db/replace-content';
import { MIGRATIONS } from '../db/migrations';
import { assertUsablePath, backupsDir, freshPath, insideBackups, listBackups, pruneAutomatic, removeStalePartials, stamp } from './backup-files';
import { databaseFailure } from './database-errors';
import type { AppContext } from './context';
import type { RefreshService } from './refresh.service';
import { log } from '../logging';

export const AUTO_BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;
export const AUTO_BACKUPS_KEPT = 7;

/** Contexts with a restore under way: a second one, or a backup racing it, would interleave. */
const restoring = new WeakSet<AppContext>();

export function createBackupService(ctx: AppContext, refresh: Pick<RefreshService, 'isRunning'>) {
  return {
    dir: () => backupsDir(ctx.dataDir),
    list: (): BackupList => ({ dir: backupsDir(ctx.dataDir), backups: listBackups(backupsDir(ctx.dataDir)) }),
    /** For paths from the renderer: only files directly inside the backups folder. */
    insideBackupsDir: (given: string, mustExist: boolean) => insideBackups(ctx.dataDir, given, mustExist),
    /** Any path (the CLI's --to): it must not exist yet, and its folder must. */
    create: (target?: string) => createBackup(ctx, 'manual', target),
    restore: (file: string) => restoreBackup(ctx, file, refresh.isRunning),
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

export async function createBackup(ctx: AppContext, kind: Exclude<BackupKind, 'other'>, target?: string): Promise<BackupResult> {
  const dir = backupsDir(ctx.dataDir);
  let dest = target === undefined ? '' : path.resolve(target);
  const emit = (phase: 'started' | 'copying' | 'verifying' | 'done' | 'failed', done: number, total: number, message?: string) =>
    ctx.events.emit('backup.progress', { kind, phase, done, total, path: dest, ...(message ? { message } : {}) });
  const started = performance.now();
  try {
    fs.mkdirSync(dir, { recursive: true });
    removeStalePartials(dir, Date.now());
    dest ||= freshPath(dir, kind, ctx.now());
    assertUsablePath(dest, true);
    if (fs.existsSync(dest)) throw new AppFailure('INVALID_INPUT', `${dest} already exists; a backup never overwrites a file`);
    if (!fs.existsSync(path.dirname(dest))) throw new AppFailure('INVALID_INPUT', `The folder ${path.dirname(dest)} does not exist`);
    emit('started', 0, 0);
    const bytes = await writeBackup(ctx.db, dest, { nativeBinding: ctx.nativeBinding, onProgress: (phase, done, total) => emit(phase, done, total) });
    emit('done', 1, 1);
    const result = { path: dest, bytes, ms: Math.round(performance.now() - started) };
    log.info('backup.done', { kind, ...result });
    return result;
  } catch (cause) {
    const failure = databaseFailure(cause) ?? cause;
    emit('failed', 0, 0, failure instanceof Error ? failure.message : String(failure));
    log.error('backup.failed', { kind, path: dest, error: failure });
    throw failure;
  }
}

/** The automatic backup after a refresh: null when the newest one is younger than 24 hours. */
export async function autoBackup(ctx: AppContext): Promise<BackupResult | null> {
  const dir = backupsDir(ctx.dataDir);
  const newest = listBackups(dir).find((entry) => entry.kind === 'auto');
  if (newest && ctx.now() - newest.time < AUTO_BACKUP_EVERY_MS) return null;
  if (restoring.has(ctx)) return null;
  const result = await createBackup(ctx, 'auto');
  pruneAutomatic(dir, AUTO_BACKUPS_KEPT);
  return result;
}

export async function restoreBackup(ctx: AppContext, file: string, refreshRunning: () => boolean): Promise<RestoreResult> {
  const busy = () => {
    if (refreshRunning()) throw new AppFailure('BUSY', 'A refresh is running; restore when it has finished');
  };
  busy();
  if (restoring.has(ctx)) throw new AppFailure('BUSY', 'A restore is already running');
  restoring.add(ctx);
  const started = performance.now();
  const dir = backupsDir(ctx.dataDir);
  const temp = path.join(dir, `restore-${stamp(ctx.now())}-${process.pid}.sqlite${PARTIAL_SUFFIX}`);
  try {
    assertUsablePath(file, false);
    const candidate = inspectCandidate(path.resolve(file), MIGRATIONS.length, { nativeBinding: ctx.nativeBinding });
    fs.mkdirSync(dir, { recursive: true });
    const { from, to } = await migratedCopy(candidate, temp, MIGRATIONS, { nativeBinding: ctx.nativeBinding });
    const aside = await createBackup(ctx, 'before-restore');
    busy(); // a refresh started while the aside copy was written: its snapshot would be lost
    replaceContent(ctx.db, temp);
    for (const what of ['wallets', 'portfolio', 'settings'] as const) ctx.events.emit('data.changed', { what });
    const result = { path: candidate.file, asidePath: aside.path, fromSchema: from, toSchema: to, ms: Math.round(performance.now() - started) };
    log.info('restore.done', result);
    return result;
  } catch (cause) {
    log.error('restore.failed', { path: file, error: cause });
    throw cause;
  } finally {
    restoring.delete(ctx);
    for (const leftover of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(leftover, { force: true });
  }
}
