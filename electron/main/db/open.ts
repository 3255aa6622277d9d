/** Opens (creating if needed) the one SQLite file, with WAL, foreign keys and migrations applied. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import { assertNotFromFuture, migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export const DB_FILE_NAME = 'slashboard.sqlite';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string;
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (cause) {
    throw new AppFailure('DATABASE', `Cannot open the database at ${file}: ${(cause as Error).message}`);
  }
  try {
    assertNotFromFuture(db, MIGRATIONS);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS);
    return db;
  } catch (cause) {
    db.close();
    if (cause instanceof AppFailure) throw cause;
    throw new AppFailure('DATABASE', `The database at ${file} could not be prepared: ${(cause as Error).message}`);
  }
}
