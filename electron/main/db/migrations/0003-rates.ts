import type { Migration } from '../migrate';

/**
 * NAV rates and prices read with an Ethereum snapshot (same block), so every valuation can
 * be redone later from stored data. value is a signed integer string (Chainlink answers are
 * int256); a failed read keeps its error instead.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'rates',
  up: `
    CREATE TABLE asset_rates (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT CHECK (value IS NULL OR value GLOB '[0-9-]*'),
      decimals INTEGER NOT NULL,
      updated_at INTEGER,
      source TEXT NOT NULL,
      error TEXT,
      PRIMARY KEY (snapshot_id, key),
      CHECK ((value IS NULL) <> (error IS NULL))
    );
  `,
};
