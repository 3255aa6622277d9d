import type { Migration } from '../migrate';

/**
 * Solana rows of a Solana snapshot (chain 'solana', block_number = the pinned slot): native
 * stake accounts (their SOL is also a balances row, token_address 'stake:<pubkey>', so totals
 * include it), the Jito vaults' VRT mints, operator delegations and NCN tickets for the Exposure page,
 * and Jito's stake-pool statistics per yield window (the MEV part of JitoSOL's yield).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'solana',
  up: `
    CREATE TABLE solana_stake_accounts (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      wallet_id INTEGER NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
      pubkey TEXT NOT NULL,
      lamports TEXT NOT NULL CHECK (lamports GLOB '[0-9]*'),
      state TEXT NOT NULL,
      delegated_stake TEXT CHECK (delegated_stake IS NULL OR delegated_stake GLOB '[0-9]*'),
      voter TEXT,
      activation_epoch TEXT,
      deactivation_epoch TEXT,
      staker TEXT NOT NULL,
      withdrawer TEXT NOT NULL,
      epoch TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, wallet_id, pubkey)
    );

    CREATE TABLE solana_vault_links (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      vault TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('vrt', 'operator', 'ncn')),
      address TEXT NOT NULL,
      amount TEXT CHECK (amount IS NULL OR amount GLOB '[0-9]*'),
      state TEXT,
      PRIMARY KEY (snapshot_id, vault, kind, address)
    );

    CREATE TABLE jito_stats (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      window_days INTEGER NOT NULL,
      from_time INTEGER,
      to_time INTEGER,
      days INTEGER,
      mev_lamports TEXT CHECK (mev_lamports IS NULL OR mev_lamports GLOB '[0-9]*'),
      mean_tvl_lamports TEXT CHECK (mean_tvl_lamports IS NULL OR mean_tvl_lamports GLOB '[0-9]*'),
      published_apy REAL,
      published_at INTEGER,
      source TEXT NOT NULL,
      error TEXT,
      PRIMARY KEY (snapshot_id, window_days)
    );
  `,
};
