/**
 * Numbered migrations tracked with PRAGMA user_version, each applied in one transaction
 * together with its version bump. A database written by a newer Slashboard is refused
 * untouched, since its schema may mean things this version does not know.
 */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';

export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database.Database) => void);
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws before anything is written (even a pragma) when the file is from a newer app. */
export function assertNotFromFuture(db: Database.Database, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppFailure(
      'DATABASE',
      `This database was written by a newer version of Slashboard (schema ${current}, this app knows up to ${latest}). ` +
        'Update Slashboard to open it; the file was not modified.',
    );
  }
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  assertOrdered(migrations);
  assertNotFromFuture(db, migrations);
  const from = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
