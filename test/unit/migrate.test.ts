import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, type Migration } from '../../electron/main/db/migrate';
import { MIGRATIONS } from '../../electron/main/db/migrations';
import { DB_FILE_NAME, openDatabase } from '../../electron/main/db/open';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slashboard-migrate-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const tables = (db: Database.Database) =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row.name);

describe('migrations', () => {
  it('creates the schema on a fresh database, with WAL and foreign keys on', () => {
    const db = openDatabase(tempDir());
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(['asset_rates', 'babylon_apr', 'babylon_delegations', 'babylon_finality_providers', 'babylon_params', 'balances', 'bitcoin_addresses', 'block_times', 'candle_fetches', 'candles', 'chain_status', 'contract_reads', 'eigen_positions', 'entity_names', 'event_scans', 'exit_reads', 'history_reads', 'jito_stats', 'lrt_reads', 'lrt_stakes', 'operator_allocations', 'operator_read_errors', 'past_rates', 'risk_alerts', 'settings', 'slashing_events', 'snapshots', 'solana_stake_accounts', 'solana_vault_links', 'wallets']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('upgrades an older database step by step, keeping its data', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    db.prepare("INSERT INTO wallets (kind, address, created_at) VALUES ('evm', '0x1', 1)").run();
    const next: Migration = { version: MIGRATIONS.length + 1, name: 'test-add-column', up: 'ALTER TABLE wallets ADD COLUMN note TEXT' };
    expect(migrate(db, [...MIGRATIONS, next])).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length + 1 });
    expect(db.prepare('SELECT address, note FROM wallets').get()).toEqual({ address: '0x1', note: null });
  });

  it('0002 adds EigenLayer rows to a version-1 database without touching its snapshots', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO wallets (kind, address, created_at) VALUES ('evm', '0xabc', 1)").run();
    db.prepare("INSERT INTO snapshots (chain, block_number, block_time, fetched_at, rpc_url, wallet_count) VALUES ('ethereum', '7', 1, 2, 'http://x', 1)").run();
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT block_number FROM snapshots').get()).toEqual({ block_number: '7' });
    db.prepare("INSERT INTO eigen_positions (snapshot_id, wallet_id, kind, deposit_shares) VALUES (1, 1, 'pod', '-5')").run();
    expect(() => db.prepare("INSERT INTO eigen_positions (snapshot_id, wallet_id, kind) VALUES (1, 1, 'other')").run()).toThrow(/CHECK/);
  });

  it('0008 adds Bitcoin rows to a version-7 database holding a Solana snapshot, which it keeps', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 7));
    db.prepare("INSERT INTO wallets (kind, address, created_at) VALUES ('bitcoin', 'bc1qexample', 1)").run();
    db.prepare("INSERT INTO snapshots (chain, block_number, block_time, fetched_at, rpc_url, wallet_count) VALUES ('solana', '300', 1, 2, 'http://x', 1)").run();
    expect(migrate(db, MIGRATIONS.slice(0, 8))).toEqual({ from: 7, to: 8 });
    expect(db.prepare('SELECT chain, block_number FROM snapshots').get()).toEqual({ chain: 'solana', block_number: '300' });
    const insert = db.prepare(
      `INSERT INTO babylon_delegations (snapshot_id, wallet_id, staking_tx_hash, staker_pk, finality_providers, amount_sat, state, phase, slashed, source, on_bitcoin, staking_output_index, staking_time_blocks)
       VALUES (1, 1, 'aa', 'bb', '[]', ?, 'ACTIVE', ?, 0, 'babylon-api', 0, 0, 64000)`,
    );
    insert.run('30000400000', 'active');
    expect(() => insert.run('-1', 'active')).toThrow(/CHECK/);
    expect(() => insert.run('1', 'staked')).toThrow(/CHECK/);
    db.prepare("INSERT INTO bitcoin_addresses (snapshot_id, wallet_id, confirmed_sat, unconfirmed_sat, tx_count, mempool_tx_count, history_scanned, history_complete, rejected_txs, staker_pks) VALUES (1, 1, '5', '-3', 1, 1, 2, 1, '[]', '[]')").run();
    expect(db.prepare('SELECT unconfirmed_sat FROM bitcoin_addresses').get()).toEqual({ unconfirmed_sat: '-3' });
  });

  it('rolls a failing migration back completely, version included', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const broken: Migration = { version: MIGRATIONS.length + 1, name: 'broken', up: 'CREATE TABLE half (x); SELECT * FROM no_such_table' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half');
  });

  it('refuses migrations listed out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'skips-one', up: '' }])).toThrow(/expected 1/);
  });

  it('refuses a database from a newer version without modifying the file', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    future.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(dir)).toThrow(/newer version of Slashboard.*not modified/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with a clear message', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'this is not sqlite'.repeat(100));
    expect(() => openDatabase(dir)).toThrow(/could not be prepared|Cannot open/);
  });
});
