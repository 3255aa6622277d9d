import type Database from 'better-sqlite3';

/** Key → JSON value. Callers own the meaning and validation of each key. */
export function createSettingsRepo(db: Database.Database) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  return {
    get: (key: string): unknown => {
      const row = select.get(key);
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    set: (key: string, value: unknown): void => {
      upsert.run(key, JSON.stringify(value));
    },
    delete: (key: string): void => {
      remove.run(key);
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
