/**
 * Every migration, run on the previous schema with data in it: at each version k the rows of
 * test/support/migration-rows.ts for that version are inserted (on top of every earlier
 * version's), then k+1 is applied, and every row of every table must come through unchanged.
 * The last step checks the fixtures cover every table, so a new migration brings its rows.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/main/db/migrate';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import { ROWS_AT_VERSION } from '../support/migration-rows';

type Dump = Record<string, unknown[]>;

function dump(db: Database.Database): Dump {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(
    tables.map(({ name }) => {
      const columns = (db.pragma(`table_info("${name}")`) as unknown[]).length;
      const order = Array.from({ length: columns }, (_, index) => index + 1).join(', ');
      return [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw().all()];
    }),
  );
}

describe('each migration with data in the previous schema', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');

  for (const migration of MIGRATIONS) {
    const from = migration.version - 1;
    it(`${String(migration.version).padStart(4, '0')}-${migration.name} keeps every row written at schema ${from}`, () => {
      migrate(db, MIGRATIONS.slice(0, from));
      expect(schemaVersion(db)).toBe(from);
      const before = dump(db);
      migrate(db, MIGRATIONS.slice(0, migration.version));
      const after = dump(db);
      for (const [table, rows] of Object.entries(before)) expect(after[table], `${table} after ${migration.name}`).toEqual(rows);
      // Rows for this version's tables, checked by the next step (and by the coverage test below).
      const rows = ROWS_AT_VERSION[migration.version];
      expect(rows, `test/support/migration-rows.ts has no rows for migration ${migration.version}`).toBeDefined();
      db.exec(rows!);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });
  }

  it('leaves no table without representative rows', () => {
    migrate(db, MIGRATIONS);
    const empty = Object.entries(dump(db))
      .filter(([, rows]) => rows.length === 0)
      .map(([table]) => table);
    expect(empty).toEqual([]);
  });
});
