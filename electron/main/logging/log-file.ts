/**
 * An append-only log file that rotates by size: when the next line would take it past
 * `maxBytes`, `name` becomes `name.1`, `name.1` becomes `name.2` … and `name.<keep>` is dropped.
 * Writes are synchronous (a handful of lines per refresh), so a crash loses nothing already
 * logged. A failing disk never fails the app: lines are dropped and the error is reported once
 * (again only after a write has succeeded in between).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  dir: string;
  name?: string;
  maxBytes?: number;
  /** Rotated files kept beside the live one. */
  keep?: number;
  onError?: (cause: unknown) => void;
}

export const LOG_FILE_NAME = 'slashboard.log';
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_FILES_KEPT = 5;

export interface RotatingFile {
  readonly path: string;
  write(line: string): void;
  close(): void;
}

export function createRotatingFile(options: RotatingFileOptions): RotatingFile {
  const file = path.join(options.dir, options.name ?? LOG_FILE_NAME);
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_FILES_KEPT;
  let fd: number | null = null;
  let size = 0;
  let failed = false;

  const fail = (cause: unknown) => {
    if (!failed) (options.onError ?? ((error) => console.error(`slashboard: cannot write the log: ${error instanceof Error ? error.message : String(error)}`)))(cause);
    failed = true;
  };
  const open = () => {
    fs.mkdirSync(options.dir, { recursive: true });
    fd = fs.openSync(file, 'a', 0o600);
    size = fs.fstatSync(fd).size;
  };
  const rotate = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    fs.rmSync(`${file}.${keep}`, { force: true });
    for (let index = keep - 1; index >= 1; index--) {
      if (fs.existsSync(`${file}.${index}`)) fs.renameSync(`${file}.${index}`, `${file}.${index + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
    open();
  };

  return {
    path: file,
    write(line) {
      try {
        if (fd === null) open();
        const bytes = Buffer.from(`${line}\n`, 'utf8');
        if (size > 0 && size + bytes.length > maxBytes) rotate();
        fs.writeSync(fd!, bytes);
        size += bytes.length;
        failed = false;
      } catch (cause) {
        fail(cause);
      }
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}
