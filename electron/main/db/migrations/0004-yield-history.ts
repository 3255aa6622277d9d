import type { Migration } from '../migrate';

/**
 * History for measured yields:
 * - block_times caches block number → timestamp on each chain, so finding the block for a
 *   time starts from a tight bracket instead of the whole chain;
 * - past_rates holds NAV rates (and claimed rewards) read at past blocks with eth_call; the
 *   rates stored with each refresh snapshot (asset_rates) are the other source of samples;
 * - history_reads records the last attempt per window, so the Yield page can say why a
 *   window has no archive sample (RPC without old state, chain younger than the window).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'yield-history',
  up: `
    CREATE TABLE block_times (
      chain TEXT NOT NULL,
      block_number INTEGER NOT NULL CHECK (block_number >= 0),
      timestamp INTEGER NOT NULL,
      PRIMARY KEY (chain, block_number)
    ) WITHOUT ROWID;
    CREATE INDEX block_times_by_time ON block_times (chain, timestamp);

    CREATE TABLE past_rates (
      chain TEXT NOT NULL,
      block_number INTEGER NOT NULL,
      block_time INTEGER NOT NULL,
      key TEXT NOT NULL,
      value TEXT CHECK (value IS NULL OR value GLOB '[0-9-]*'),
      decimals INTEGER NOT NULL,
      source TEXT NOT NULL,
      error TEXT,
      read_at INTEGER NOT NULL,
      PRIMARY KEY (chain, key, block_number),
      CHECK ((value IS NULL) <> (error IS NULL))
    );

    CREATE TABLE history_reads (
      chain TEXT NOT NULL,
      label TEXT NOT NULL,
      target_time INTEGER NOT NULL,
      block_number INTEGER,
      block_time INTEGER,
      error TEXT,
      attempted_at INTEGER NOT NULL,
      PRIMARY KEY (chain, label)
    );
  `,
};
