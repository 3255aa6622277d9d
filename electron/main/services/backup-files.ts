/**
 * The backups folder, `<dataDir>/backups`: file names carry their kind and UTC time
 * (`auto-YYYYMMDD-HHMMSS.sqlite`, `slashboard-…` for manual ones, `before-restore-…`), so the
 * list and the 24-hour rule do not depend on file times that copying changes. Any other
 * `.sqlite` file put there is listed as `other`, with its modification time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupKind } from '../../../shared/ipc/backup-schemas';
import { AppFailure } from '../../../shared/result';
import { PARTIAL_SUFFIX } from '../db/backup';

export const BACKUPS_DIR = 'backups';
const PREFIX: Record<Exclude<BackupKind, 'other'>, string> = { auto: 'auto', manual: 'slashboard', 'before-restore': 'before-restore' };
const NAME = /^(auto|slashboard|before-restore)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sqlite$/;
/** A `.partial` older than this was left by a process that died while writing it. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export const backupsDir = (dataDir: string) => path.join(dataDir, BACKUPS_DIR);

/** `YYYYMMDD-HHMMSS` in UTC. */
export function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A new file name in `dir` for a backup of this kind at this time (`-2`, `-3`… if taken). */
export function freshPath(dir: string, kind: Exclude<BackupKind, 'other'>, ms: number): string {
  const base = `${PREFIX[kind]}-${stamp(ms)}`;
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.sqlite`);
    if (!fs.existsSync(file) && !fs.existsSync(file + PARTIAL_SUFFIX)) return file;
  }
}

function parseName(name: string): { kind: BackupKind; time: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, prefix, y, mo, d, h, mi, s] = match;
  const kind = (Object.entries(PREFIX).find(([, value]) => value === prefix)?.[0] ?? 'other') as BackupKind;
  return { kind, time: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) };
}

/** Every finished backup in the folder, newest first (unfinished `.partial` files are not backups). */
export function listBackups(dir: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.sqlite')) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const parsed = parseName(name) ?? { kind: 'other' as const, time: Math.floor(stat.mtimeMs) };
    entries.push({ path: file, name, kind: parsed.kind, time: parsed.time, bytes: stat.size });
  }
  return entries.sort((a, b) => b.time - a.time || b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` automatic backups; returns the paths removed. Manual and before-restore files are never removed. */
export function pruneAutomatic(dir: string, keep: number): string[] {
  const old = listBackups(dir)
    .filter((entry) => entry.kind === 'auto')
    .slice(keep);
  for (const entry of old) fs.rmSync(entry.path, { force: true });
  return old.map((entry) => entry.path);
}

/** Removes `.partial` files a killed process left behind (never a fresh one: another process may be writing it). */
export function removeStalePartials(dir: string, now: number): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir).filter((item) => item.endsWith(PARTIAL_SUFFIX))) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > STALE_PARTIAL_MS) fs.rmSync(file, { force: true });
  }
}

/** Longest file name (bytes) on Linux and macOS, and longest path Linux takes. */
const MAX_NAME_BYTES = 255;
const MAX_PATH_BYTES = 4_095;

/**
 * Refuses, with a message a person can act on, a path the file system would reject with a bare
 * ERR_INVALID_ARG_VALUE or ENAMETOOLONG: a NUL character, a name or path that is too long.
 * `writing` counts the `.partial` suffix a backup has while it is written.
 */
export function assertUsablePath(file: string, writing: boolean): void {
  if (file.includes('\0')) throw new AppFailure('INVALID_INPUT', 'A file path cannot contain a NUL character');
  const longest = Math.max(...file.split(/[\\/]/).map((part) => Buffer.byteLength(part))) + (writing ? PARTIAL_SUFFIX.length : 0);
  if (longest > MAX_NAME_BYTES) throw new AppFailure('INVALID_INPUT', `A file or folder name in the path is too long (at most ${MAX_NAME_BYTES - (writing ? PARTIAL_SUFFIX.length : 0)} bytes)`);
  if (Buffer.byteLength(file) > MAX_PATH_BYTES) throw new AppFailure('INVALID_INPUT', `The path is too long (at most ${MAX_PATH_BYTES} bytes)`);
}

/**
 * A path the renderer gave, accepted only if it names a file directly inside the backups
 * folder (after resolving `..` and symbolic links): in browser mode any web page that got the
 * token could otherwise read or overwrite any file the process can.
 */
export function insideBackups(dataDir: string, given: string, mustExist: boolean): string {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const realDir = fs.realpathSync(dir);
  const resolved = path.resolve(dir, given);
  const real = realPath(resolved);
  if (real === null || path.dirname(real) !== realDir || !real.endsWith('.sqlite')) {
    throw new AppFailure('INVALID_INPUT', `Only .sqlite files inside ${dir} can be used from the app; use the command line (backup --to / restore) for other places`);
  }
  const file = path.join(dir, path.basename(real));
  if (mustExist && !fs.existsSync(file)) throw new AppFailure('NOT_FOUND', `No backup ${path.basename(real)} in ${dir}`);
  return file;
}

/** The file's real path, or its folder's real path and its name when it does not exist yet; null when the folder does not exist. */
function realPath(file: string): string | null {
  try {
    return fs.existsSync(file) ? fs.realpathSync(file) : path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return null;
  }
}
