import type { Migration } from '../migrate';

/**
 * Native EigenLayer rows, written with the Ethereum snapshot they were read at. One table,
 * discriminated by kind: a strategy deposit, an EigenPod, or a queued withdrawal.
 * Amounts are integer decimal strings; pod deposit shares may be negative (int256).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'eigenlayer',
  up: `
    CREATE TABLE eigen_positions (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      wallet_id INTEGER NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('strategy', 'pod', 'withdrawal', 'error')),
      operator TEXT,
      strategy TEXT,
      asset_token TEXT,
      asset_symbol TEXT,
      asset_decimals INTEGER,
      deposit_shares TEXT,
      withdrawable_shares TEXT,
      deposit_underlying TEXT,
      withdrawable_underlying TEXT,
      pod TEXT,
      slashing_factor TEXT,
      start_block TEXT,
      completable_block TEXT,
      error TEXT
    );
    CREATE INDEX eigen_positions_snapshot ON eigen_positions (snapshot_id);
    CREATE INDEX eigen_positions_wallet ON eigen_positions (wallet_id);
  `,
};
