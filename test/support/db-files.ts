/** SQLite files for backup, restore and recovery tests: older-schema backups, damaged, foreign and future files. */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/main/db/migrate';
import { MIGRATIONS } from '../../electron/main/db/migrations';

/** A Slashboard database at schema `version` holding one Bitcoin wallet, one snapshot with its balance, and a setting. */
export function writeOlderSchemaFile(file: string, version: number, address = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'): void {
  const db = new Database(file);
  try {
    migrate(db, MIGRATIONS.slice(0, version));
    db.prepare("INSERT INTO wallets (id, kind, address, label, created_at) VALUES (1, 'bitcoin', ?, 'From the backup', 1)").run(address);
    db.prepare("INSERT INTO snapshots (id, chain, block_number, block_time, fetched_at, rpc_url, wallet_count) VALUES (1, 'bitcoin', '850000', 1700000000, 1700000000000, 'http://old', 1)").run();
    db.prepare("INSERT INTO balances (snapshot_id, wallet_id, token_address, symbol, name, decimals, raw_amount) VALUES (1, 1, '', 'BTC', 'Bitcoin', 8, '123456789')").run();
    db.prepare("INSERT INTO chain_status (chain, last_snapshot_id, last_attempt_at) VALUES ('bitcoin', 1, 1700000000000)").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
  } finally {
    db.close();
  }
}

/** Overwrites pages in the middle of the file with seeded garbage, leaving the header (page 1) intact. */
export function damageMiddle(file: string, seed = 7): void {
  const size = fs.statSync(file).size;
  if (size < 8 * 4096) throw new Error(`${file} is too small (${size} bytes) to damage in the middle`);
  let state = seed;
  const garbage = Buffer.alloc(2 * 4096, 0).map(() => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state & 0xff;
  });
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2 / 4096) * 4096);
  } finally {
    fs.closeSync(fd);
  }
}

/** A valid SQLite file that is not Slashboard's (another app's data). */
export function writeForeignFile(file: string): void {
  const db = new Database(file);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')");
  db.pragma('user_version = 3');
  db.close();
}

/** A Slashboard-looking file from a newer version. */
export function writeNewerFile(file: string): void {
  writeOlderSchemaFile(file, MIGRATIONS.length);
  const db = new Database(file);
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  db.close();
}

export function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
