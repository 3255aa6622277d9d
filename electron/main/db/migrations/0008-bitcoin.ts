import type { Migration } from '../migrate';

/**
 * Bitcoin rows of a Bitcoin snapshot (chain 'bitcoin', block_number = the Esplora tip height):
 * each address's confirmed and unconfirmed balance and how much of its history was scanned,
 * the Babylon delegations found for it (their BTC is also a balances row, token_address
 * 'babylon:<staking tx hash>', so totals include it), and what the Babylon staking API said
 * at that time about the finality providers, the staking parameters (slashing rate) and APR.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'bitcoin',
  up: `
    CREATE TABLE bitcoin_addresses (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      wallet_id INTEGER NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
      confirmed_sat TEXT NOT NULL CHECK (confirmed_sat GLOB '[0-9]*'),
      unconfirmed_sat TEXT NOT NULL CHECK (unconfirmed_sat GLOB '[0-9]*' OR unconfirmed_sat GLOB '-[0-9]*'),
      tx_count INTEGER NOT NULL,
      mempool_tx_count INTEGER NOT NULL,
      history_scanned INTEGER NOT NULL,
      history_complete INTEGER NOT NULL CHECK (history_complete IN (0, 1)),
      rejected_txs TEXT NOT NULL,
      staker_pks TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, wallet_id)
    );

    CREATE TABLE babylon_delegations (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      wallet_id INTEGER NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
      staking_tx_hash TEXT NOT NULL,
      staker_pk TEXT NOT NULL,
      finality_providers TEXT NOT NULL,
      amount_sat TEXT NOT NULL CHECK (amount_sat GLOB '[0-9]*'),
      state TEXT NOT NULL,
      phase TEXT NOT NULL CHECK (phase IN ('pending', 'active', 'unbonding', 'withdrawable', 'withdrawn', 'unknown')),
      slashed INTEGER NOT NULL CHECK (slashed IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('babylon-api', 'bitcoin')),
      on_bitcoin INTEGER NOT NULL CHECK (on_bitcoin IN (0, 1)),
      params_version INTEGER,
      staking_output_index INTEGER NOT NULL,
      staking_time_blocks INTEGER NOT NULL,
      unbonding_time_blocks INTEGER,
      start_height INTEGER,
      end_height INTEGER,
      inception_time TEXT,
      PRIMARY KEY (snapshot_id, wallet_id, staking_tx_hash)
    );

    CREATE TABLE babylon_finality_providers (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      btc_pk TEXT NOT NULL,
      moniker TEXT NOT NULL,
      state TEXT NOT NULL,
      commission TEXT NOT NULL,
      website TEXT NOT NULL,
      active_tvl_sat TEXT NOT NULL CHECK (active_tvl_sat GLOB '[0-9]*'),
      PRIMARY KEY (snapshot_id, btc_pk)
    );

    CREATE TABLE babylon_params (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      slashing_rate TEXT NOT NULL,
      unbonding_time_blocks INTEGER NOT NULL,
      btc_activation_height INTEGER NOT NULL,
      PRIMARY KEY (snapshot_id, version)
    );

    CREATE TABLE babylon_apr (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      scope TEXT NOT NULL,
      btc_staking_apr REAL,
      total_apr REAL,
      source TEXT NOT NULL,
      fetched_at INTEGER NOT NULL,
      error TEXT,
      PRIMARY KEY (snapshot_id, scope)
    );
  `,
};
