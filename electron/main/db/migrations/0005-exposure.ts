import type { Migration } from '../migrate';

/**
 * Slashing exposure: each operator's allocations to operator sets at an Ethereum snapshot
 * (or why they could not be read); each LRT protocol's EigenLayer stakes and token supply
 * (look-through); and the AllocationManager events seen since the last scan (slashings and
 * allocation changes), kept as history.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'exposure',
  up: `
    CREATE TABLE operator_allocations (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      operator TEXT NOT NULL,
      avs TEXT NOT NULL,
      set_id INTEGER NOT NULL,
      strategy TEXT NOT NULL,
      current_magnitude TEXT NOT NULL CHECK (current_magnitude GLOB '[0-9]*'),
      pending_diff TEXT NOT NULL CHECK (pending_diff GLOB '[0-9-]*'),
      effect_block INTEGER NOT NULL,
      max_magnitude TEXT NOT NULL CHECK (max_magnitude GLOB '[0-9]*'),
      slashable INTEGER NOT NULL CHECK (slashable IN (0, 1)),
      PRIMARY KEY (snapshot_id, operator, avs, set_id, strategy)
    );
    CREATE TABLE operator_read_errors (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      operator TEXT NOT NULL,
      error TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, operator)
    );
    CREATE TABLE slashing_events (
      chain TEXT NOT NULL,
      block_number INTEGER NOT NULL,
      log_index INTEGER NOT NULL,
      tx_hash TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('slashed', 'allocation')),
      operator TEXT NOT NULL,
      avs TEXT NOT NULL,
      set_id INTEGER NOT NULL,
      strategies TEXT NOT NULL,
      amounts TEXT NOT NULL,
      description TEXT,
      effect_block INTEGER,
      seen_at INTEGER NOT NULL,
      PRIMARY KEY (chain, block_number, log_index)
    );
    CREATE TABLE lrt_reads (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      protocol TEXT NOT NULL,
      total_supply TEXT CHECK (total_supply IS NULL OR total_supply GLOB '[0-9]*'),
      stakers INTEGER NOT NULL,
      error TEXT,
      PRIMARY KEY (snapshot_id, protocol)
    );
    CREATE TABLE lrt_stakes (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      protocol TEXT NOT NULL,
      staker TEXT NOT NULL,
      operator TEXT,
      strategy TEXT NOT NULL,
      asset_token TEXT,
      asset_decimals INTEGER NOT NULL,
      withdrawable_underlying TEXT NOT NULL CHECK (withdrawable_underlying GLOB '[0-9]*'),
      PRIMARY KEY (snapshot_id, protocol, staker, strategy)
    );
    CREATE TABLE entity_names (
      kind TEXT NOT NULL CHECK (kind IN ('operator', 'avs')),
      address TEXT NOT NULL,
      uri TEXT NOT NULL,
      uri_block INTEGER NOT NULL,
      name TEXT,
      error TEXT,
      fetched_at INTEGER NOT NULL,
      PRIMARY KEY (kind, address),
      CHECK ((name IS NULL) <> (error IS NULL))
    );
    CREATE TABLE event_scans (
      chain TEXT PRIMARY KEY,
      last_block INTEGER NOT NULL,
      scanned_at INTEGER NOT NULL,
      error TEXT
    );
  `,
};
