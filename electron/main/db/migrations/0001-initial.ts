import type { Migration } from '../migrate';

/** Wallets, settings, per-chain snapshots with their balances, and per-chain status. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE wallets (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('evm', 'solana', 'bitcoin')),
      address TEXT NOT NULL,
      label TEXT,
      ens_name TEXT,
      ens_resolved_at INTEGER,
      created_at INTEGER NOT NULL,
      UNIQUE (kind, address)
    );

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    -- One row per completed refresh of one chain; written with its balances in one transaction.
    CREATE TABLE snapshots (
      id INTEGER PRIMARY KEY,
      chain TEXT NOT NULL,
      block_number TEXT NOT NULL,
      block_time INTEGER NOT NULL,
      fetched_at INTEGER NOT NULL,
      rpc_url TEXT NOT NULL,
      wallet_count INTEGER NOT NULL
    );
    CREATE INDEX snapshots_chain ON snapshots (chain, id);

    -- raw_amount is the integer amount as a decimal string; NULL with error when that one read failed.
    CREATE TABLE balances (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      wallet_id INTEGER NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
      token_address TEXT NOT NULL, -- '' for the native coin
      symbol TEXT NOT NULL,
      name TEXT NOT NULL,
      decimals INTEGER NOT NULL,
      raw_amount TEXT CHECK (raw_amount IS NULL OR raw_amount GLOB '[0-9]*'),
      error TEXT,
      PRIMARY KEY (snapshot_id, wallet_id, token_address),
      CHECK ((raw_amount IS NULL) <> (error IS NULL))
    );
    CREATE INDEX balances_wallet ON balances (wallet_id);

    CREATE TABLE chain_status (
      chain TEXT PRIMARY KEY,
      last_snapshot_id INTEGER REFERENCES snapshots (id) ON DELETE SET NULL,
      last_attempt_at INTEGER,
      last_error TEXT,
      last_error_at INTEGER
    );
  `,
};
