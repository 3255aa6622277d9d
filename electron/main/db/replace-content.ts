/**
 * Replaces every app table's rows with another file's, in the running process: the source is
 * ATTACHed and, in one transaction, each table is emptied (children first) and refilled from it
 * (parents first), with foreign keys checked before the commit. Any failure rolls everything
 * back. The connection and its prepared statements stay valid because the schema is the same;
 * the caller migrates the source to this schema first, and a schema that still differs is refused.
 */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';

const SOURCE = 'restore_source';

interface TableShape {
  name: string;
  columns: string[];
}

export function replaceContent(db: Database.Database, sourceFile: string): { tables: number; rows: number } {
  db.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(sourceFile);
  try {
    const tables = appTables(db, 'main');
    assertSameSchema(tables, appTables(db, SOURCE));
    const ordered = dependencyOrder(db, tables);
    let rows = 0;
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      for (const table of [...ordered].reverse()) db.prepare(`DELETE FROM main.${quote(table.name)}`).run();
      for (const table of ordered) {
        const columns = table.columns.map(quote).join(', ');
        rows += db.prepare(`INSERT INTO main.${quote(table.name)} (${columns}) SELECT ${columns} FROM ${SOURCE}.${quote(table.name)}`).run().changes;
      }
      const broken = db.pragma('main.foreign_key_check') as unknown[];
      if (broken.length > 0) throw new AppFailure('DATABASE', `The backup's rows break ${broken.length} foreign key reference(s); nothing was changed`);
    })();
    return { tables: ordered.length, rows };
  } finally {
    db.prepare(`DETACH DATABASE ${SOURCE}`).run();
  }
}

function appTables(db: Database.Database, schema: string): TableShape[] {
  const names = db
    .prepare<[], { name: string }>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .all()
    .map((row) => row.name);
  return names.map((name) => ({ name, columns: (db.pragma(`${schema}.table_info(${quote(name)})`) as { name: string }[]).map((column) => column.name) }));
}

function assertSameSchema(live: TableShape[], source: TableShape[]): void {
  const describe = (tables: TableShape[]) => tables.map((table) => `${table.name}(${table.columns.join(',')})`).join(' ');
  if (describe(live) !== describe(source)) {
    throw new AppFailure('DATABASE', 'The backup, once migrated, does not have the same tables and columns as this database; nothing was changed');
  }
}

/** Parents before children, by the foreign keys of the live schema (cycles, if any, are left to the deferred check). */
function dependencyOrder(db: Database.Database, tables: TableShape[]): TableShape[] {
  const parents = new Map(tables.map((table) => [table.name, (db.pragma(`main.foreign_key_list(${quote(table.name)})`) as { table: string }[]).map((key) => key.table)]));
  const ordered: TableShape[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: TableShape) => {
    if (placed.has(table.name) || visiting.has(table.name)) return;
    visiting.add(table.name);
    for (const parent of parents.get(table.name) ?? []) {
      const shape = tables.find((item) => item.name === parent);
      if (shape) visit(shape);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
