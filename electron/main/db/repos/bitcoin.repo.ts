/** Bitcoin rows of a Bitcoin snapshot: addresses, Babylon delegations, finality providers, params, APR; written inside the snapshot's transaction. */
import type Database from 'better-sqlite3';

export interface BitcoinAddressRow {
  walletId: number;
  confirmedSat: string;
  /** Signed: negative while the mempool spends confirmed coins. */
  unconfirmedSat: string;
  txCount: number;
  mempoolTxCount: number;
  /** Transactions of the address's history checked for Babylon staking outputs. */
  historyScanned: number;
  historyComplete: boolean;
  /** Transactions that carried the Babylon tag but were not valid staking transactions, with why. */
  rejectedTxs: { txid: string; reason: string }[];
  /** x-only staker keys found for the address (pubkey lookup, or its staking transactions). */
  stakerPks: string[];
}

export interface DelegationRow {
  walletId: number;
  stakingTxHash: string;
  stakerPk: string;
  finalityProviders: string[];
  amountSat: string;
  /** The API's state (UPPER_SNAKE), or BITCOIN_ONLY for a stake the API does not list. */
  state: string;
  phase: 'pending' | 'active' | 'unbonding' | 'withdrawable' | 'withdrawn' | 'unknown';
  slashed: boolean;
  source: 'babylon-api' | 'bitcoin';
  /** Also recognized from the raw staking transaction in the address's history. */
  onBitcoin: boolean;
  paramsVersion: number | null;
  stakingOutputIndex: number;
  stakingTimeBlocks: number;
  unbondingTimeBlocks: number | null;
  startHeight: number | null;
  endHeight: number | null;
  inceptionTime: string | null;
}

export interface FinalityProviderRow {
  btcPk: string;
  moniker: string;
  state: string;
  commission: string;
  website: string;
  activeTvlSat: string;
}

export interface StakingParamsRow {
  version: number;
  slashingRate: string;
  unbondingTimeBlocks: number;
  btcActivationHeight: number;
}

export interface AprRow {
  /** 'network' (GET /v2/stats) or 'delegation:<staking tx hash>' (GET /v2/apr for its amount). */
  scope: string;
  btcStakingApr: number | null;
  totalApr: number | null;
  source: string;
  fetchedAt: number;
  error: string | null;
}

export interface BitcoinRows {
  addresses: readonly BitcoinAddressRow[];
  delegations: readonly DelegationRow[];
  finalityProviders: readonly FinalityProviderRow[];
  params: readonly StakingParamsRow[];
  apr: readonly AprRow[];
}

const bool = (value: boolean) => (value ? 1 : 0);

export function createBitcoinRepo(db: Database.Database) {
  // A wallet removed while Bitcoin was being read is skipped, like its balances.
  const walletExists = 'WHERE EXISTS (SELECT 1 FROM wallets WHERE id = @walletId)';
  const insertAddress = db.prepare(
    `INSERT INTO bitcoin_addresses (snapshot_id, wallet_id, confirmed_sat, unconfirmed_sat, tx_count, mempool_tx_count, history_scanned, history_complete, rejected_txs, staker_pks)
     SELECT @snapshotId, @walletId, @confirmedSat, @unconfirmedSat, @txCount, @mempoolTxCount, @historyScanned, @historyComplete, @rejectedTxs, @stakerPks ${walletExists}`,
  );
  const insertDelegation = db.prepare(
    `INSERT INTO babylon_delegations (snapshot_id, wallet_id, staking_tx_hash, staker_pk, finality_providers, amount_sat, state, phase, slashed, source, on_bitcoin,
       params_version, staking_output_index, staking_time_blocks, unbonding_time_blocks, start_height, end_height, inception_time)
     SELECT @snapshotId, @walletId, @stakingTxHash, @stakerPk, @finalityProviders, @amountSat, @state, @phase, @slashed, @source, @onBitcoin,
       @paramsVersion, @stakingOutputIndex, @stakingTimeBlocks, @unbondingTimeBlocks, @startHeight, @endHeight, @inceptionTime ${walletExists}`,
  );
  const insertProvider = db.prepare(
    'INSERT INTO babylon_finality_providers (snapshot_id, btc_pk, moniker, state, commission, website, active_tvl_sat) VALUES (@snapshotId, @btcPk, @moniker, @state, @commission, @website, @activeTvlSat)',
  );
  const insertParams = db.prepare(
    'INSERT INTO babylon_params (snapshot_id, version, slashing_rate, unbonding_time_blocks, btc_activation_height) VALUES (@snapshotId, @version, @slashingRate, @unbondingTimeBlocks, @btcActivationHeight)',
  );
  const insertApr = db.prepare(
    'INSERT INTO babylon_apr (snapshot_id, scope, btc_staking_apr, total_apr, source, fetched_at, error) VALUES (@snapshotId, @scope, @btcStakingApr, @totalApr, @source, @fetchedAt, @error)',
  );

  const selectAddresses = db.prepare<[number], Record<string, unknown>>(
    `SELECT wallet_id AS walletId, confirmed_sat AS confirmedSat, unconfirmed_sat AS unconfirmedSat, tx_count AS txCount, mempool_tx_count AS mempoolTxCount,
            history_scanned AS historyScanned, history_complete AS historyComplete, rejected_txs AS rejectedTxs, staker_pks AS stakerPks
     FROM bitcoin_addresses WHERE snapshot_id = ? ORDER BY wallet_id`,
  );
  const selectDelegations = db.prepare<[number], Record<string, unknown>>(
    `SELECT wallet_id AS walletId, staking_tx_hash AS stakingTxHash, staker_pk AS stakerPk, finality_providers AS finalityProviders, amount_sat AS amountSat,
            state, phase, slashed, source, on_bitcoin AS onBitcoin, params_version AS paramsVersion, staking_output_index AS stakingOutputIndex,
            staking_time_blocks AS stakingTimeBlocks, unbonding_time_blocks AS unbondingTimeBlocks, start_height AS startHeight, end_height AS endHeight,
            inception_time AS inceptionTime
     FROM babylon_delegations WHERE snapshot_id = ? ORDER BY wallet_id, staking_tx_hash`,
  );
  const selectProviders = db.prepare<[number], FinalityProviderRow>(
    'SELECT btc_pk AS btcPk, moniker, state, commission, website, active_tvl_sat AS activeTvlSat FROM babylon_finality_providers WHERE snapshot_id = ? ORDER BY btc_pk',
  );
  const selectParams = db.prepare<[number], StakingParamsRow>(
    'SELECT version, slashing_rate AS slashingRate, unbonding_time_blocks AS unbondingTimeBlocks, btc_activation_height AS btcActivationHeight FROM babylon_params WHERE snapshot_id = ? ORDER BY version',
  );
  const selectApr = db.prepare<[number], AprRow>(
    'SELECT scope, btc_staking_apr AS btcStakingApr, total_apr AS totalApr, source, fetched_at AS fetchedAt, error FROM babylon_apr WHERE snapshot_id = ? ORDER BY scope',
  );

  return {
    insertAll(snapshotId: number, rows: BitcoinRows): void {
      for (const row of rows.addresses) insertAddress.run({ snapshotId, ...row, historyComplete: bool(row.historyComplete), rejectedTxs: JSON.stringify(row.rejectedTxs), stakerPks: JSON.stringify(row.stakerPks) });
      for (const row of rows.delegations) insertDelegation.run({ snapshotId, ...row, slashed: bool(row.slashed), onBitcoin: bool(row.onBitcoin), finalityProviders: JSON.stringify(row.finalityProviders) });
      for (const row of rows.finalityProviders) insertProvider.run({ snapshotId, ...row });
      for (const row of rows.params) insertParams.run({ snapshotId, ...row });
      for (const row of rows.apr) insertApr.run({ snapshotId, ...row });
    },
    addresses: (snapshotId: number): BitcoinAddressRow[] =>
      selectAddresses.all(snapshotId).map((row) => ({ ...row, historyComplete: row.historyComplete === 1, rejectedTxs: JSON.parse(row.rejectedTxs as string), stakerPks: JSON.parse(row.stakerPks as string) }) as BitcoinAddressRow),
    delegations: (snapshotId: number): DelegationRow[] =>
      selectDelegations.all(snapshotId).map((row) => ({ ...row, slashed: row.slashed === 1, onBitcoin: row.onBitcoin === 1, finalityProviders: JSON.parse(row.finalityProviders as string) }) as DelegationRow),
    finalityProviders: (snapshotId: number): FinalityProviderRow[] => selectProviders.all(snapshotId),
    params: (snapshotId: number): StakingParamsRow[] => selectParams.all(snapshotId),
    apr: (snapshotId: number): AprRow[] => selectApr.all(snapshotId),
  };
}

export type BitcoinRepo = ReturnType<typeof createBitcoinRepo>;
