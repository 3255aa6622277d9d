/**
 * Representative rows for the tables each migration creates, inserted at that schema version
 * (so each later migration is tested with real data in every earlier table). A new migration
 * adds its entry here; test/unit/migrate-steps.test.ts fails until every table has rows.
 */
export const ROWS_AT_VERSION: Record<number, string> = {
  1: `
    INSERT INTO wallets (id, kind, address, label, ens_name, ens_resolved_at, created_at) VALUES
      (1, 'evm', '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', 'Main', 'vitalik.eth', 1700000000000, 1700000000000),
      (2, 'solana', 'GThUX1Atko4tqhN2NaiTazWSeFWMuiUvfFnyJyUghFMJ', NULL, NULL, NULL, 1700000000001),
      (3, 'bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'Cold', NULL, NULL, 1700000000002);
    INSERT INTO settings (key, value) VALUES ('theme', '"dark"'), ('rpc.ethereum', '["https://eth.example"]');
    INSERT INTO snapshots (id, chain, block_number, block_time, fetched_at, rpc_url, wallet_count) VALUES
      (1, 'ethereum', '21000000', 1730000000, 1730000001000, 'https://eth.example', 1),
      (2, 'solana', '300000000', 1730000100, 1730000101000, 'https://sol.example', 1),
      (3, 'bitcoin', '870000', 1730000200, 1730000201000, 'https://esplora.example', 1);
    INSERT INTO balances (snapshot_id, wallet_id, token_address, symbol, name, decimals, raw_amount, error) VALUES
      (1, 1, '', 'ETH', 'Ether', 18, '123456789012345678901234567890', NULL),
      (1, 1, '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', 'weETH', 'Wrapped eETH', 18, NULL, 'execution reverted'),
      (2, 2, 'stake:7n3Rz', 'SOL', 'Solana stake', 9, '5000000000', NULL),
      (3, 3, 'babylon:7d90210b', 'BTC', 'Babylon stake (active)', 8, '30000400000', NULL);
    INSERT INTO chain_status (chain, last_snapshot_id, last_attempt_at, last_error, last_error_at) VALUES
      ('ethereum', 1, 1730000001000, NULL, NULL), ('arbitrum', NULL, 1730000002000, 'HTTP 503', 1730000002000);
  `,
  2: `
    INSERT INTO eigen_positions (snapshot_id, wallet_id, kind, operator, strategy, asset_token, asset_symbol, asset_decimals, deposit_shares, withdrawable_shares, deposit_underlying, withdrawable_underlying, pod, slashing_factor, start_block, completable_block, error) VALUES
      (1, 1, 'strategy', '0xop', '0xstrat', '0xtoken', 'stETH', 18, '1000', '990', '1001', '991', NULL, NULL, NULL, NULL, NULL),
      (1, 1, 'pod', NULL, NULL, NULL, NULL, NULL, '-5', NULL, NULL, NULL, '0xpod', '1000000000000000000', NULL, NULL, NULL),
      (1, 1, 'withdrawal', '0xop', '0xstrat', NULL, NULL, NULL, NULL, '50', NULL, NULL, NULL, NULL, '20999000', '21099001', NULL),
      (1, 1, 'error', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'call reverted');
  `,
  3: `
    INSERT INTO asset_rates (snapshot_id, key, value, decimals, updated_at, source, error) VALUES
      (1, 'usd:ETH', '300012345678', 8, 1729999990, 'Chainlink ETH/USD', NULL),
      (1, 'nav:weETH', NULL, 18, NULL, 'ether.fi getRate()', 'execution reverted'),
      (2, 'nav:JitoSOL', '1180000000', 9, NULL, 'stake pool account', NULL);
  `,
  4: `
    INSERT INTO block_times (chain, block_number, timestamp) VALUES ('ethereum', 21000000, 1730000000), ('ethereum', 20950000, 1729400000);
    INSERT INTO past_rates (chain, block_number, block_time, key, value, decimals, source, error, read_at) VALUES
      ('ethereum', 20950000, 1729400000, 'nav:wstETH', '1180000000000000000', 18, 'Lido stEthPerToken()', NULL, 1730000002000),
      ('ethereum', 20000000, 1718000000, 'nav:weETH', NULL, 18, 'ether.fi getRate()', 'missing trie node', 1730000002000);
    INSERT INTO history_reads (chain, label, target_time, block_number, block_time, error, attempted_at) VALUES
      ('ethereum', '7d', 1729395200, 20950000, 1729400000, NULL, 1730000002000), ('ethereum', '90d', 1722224000, NULL, NULL, 'RPC has no archive state', 1730000002000);
  `,
  5: `
    INSERT INTO operator_allocations (snapshot_id, operator, avs, set_id, strategy, current_magnitude, pending_diff, effect_block, max_magnitude, slashable) VALUES
      (1, '0xop', '0xavs', 0, '0xstrat', '500000000000000000', '-100', 21000100, '1000000000000000000', 1);
    INSERT INTO operator_read_errors (snapshot_id, operator, error) VALUES (1, '0xop2', 'execution reverted');
    INSERT INTO slashing_events (chain, block_number, log_index, tx_hash, kind, operator, avs, set_id, strategies, amounts, description, effect_block, seen_at) VALUES
      ('ethereum', 20999999, 3, '0xtx', 'slashed', '0xop', '0xavs', 0, '["0xstrat"]', '["100"]', 'double sign', NULL, 1730000003000);
    INSERT INTO lrt_reads (snapshot_id, protocol, total_supply, stakers, error) VALUES (1, 'ether.fi', '1000000000000000000000', 2, NULL), (1, 'Renzo', NULL, 0, 'HTTP 429');
    INSERT INTO lrt_stakes (snapshot_id, protocol, staker, operator, strategy, asset_token, asset_decimals, withdrawable_underlying) VALUES
      (1, 'ether.fi', '0xstaker', '0xop', '0xstrat', NULL, 18, '900000000000000000000');
    INSERT INTO entity_names (kind, address, uri, uri_block, name, error, fetched_at) VALUES
      ('operator', '0xop', 'https://op.example/meta.json', 20000000, 'Operator One', NULL, 1730000004000),
      ('avs', '0xavs', 'https://avs.example/meta.json', 20000001, NULL, 'HTTP 404', 1730000004000);
    INSERT INTO event_scans (chain, last_block, scanned_at, error) VALUES ('ethereum', 21000000, 1730000005000, NULL);
  `,
  6: `
    INSERT INTO candles (source, market, interval, open_time, open, high, low, close, volume) VALUES
      ('binance', 'ETH-USD', '1d', 1729987200, '2500.10', '2600.00', '2450.00', '2590.55', '123456.789');
    INSERT INTO candle_fetches (source, market, interval, fetched_at, added, error) VALUES ('binance', 'ETH-USD', '1d', 1730000006000, 1, NULL);
  `,
  7: `
    INSERT INTO solana_stake_accounts (snapshot_id, wallet_id, pubkey, lamports, state, delegated_stake, voter, activation_epoch, deactivation_epoch, staker, withdrawer, epoch) VALUES
      (2, 2, '7n3Rz', '5002282880', 'active', '5000000000', 'Vote111', '600', '18446744073709551615', 'GThUX', 'GThUX', '700');
    INSERT INTO solana_vault_links (snapshot_id, vault, kind, address, amount, state) VALUES
      (2, 'CugziSqZ', 'vrt', 'kySo1nETpsZE2NWcY', NULL, NULL), (2, 'CugziSqZ', 'operator', 'op1', '1000', 'active');
    INSERT INTO jito_stats (snapshot_id, window_days, from_time, to_time, days, mev_lamports, mean_tvl_lamports, published_apy, published_at, source, error) VALUES
      (2, 30, 1727400000, 1730000000, 30, '123456789', '9876543210000', 0.0712, 1730000000, 'Jito Kobe stake_pool_stats', NULL);
  `,
  8: `
    INSERT INTO bitcoin_addresses (snapshot_id, wallet_id, confirmed_sat, unconfirmed_sat, tx_count, mempool_tx_count, history_scanned, history_complete, rejected_txs, staker_pks) VALUES
      (3, 3, '58000', '-29000', 1, 1, 2, 1, '[]', '["0b93d2d3"]');
    INSERT INTO babylon_delegations (snapshot_id, wallet_id, staking_tx_hash, staker_pk, finality_providers, amount_sat, state, phase, slashed, source, on_bitcoin, params_version, staking_output_index, staking_time_blocks, unbonding_time_blocks, start_height, end_height, inception_time) VALUES
      (3, 3, '7d90210b', '0b93d2d3', '["db9160"]', '30000400000', 'ACTIVE', 'active', 0, 'babylon-api', 1, 1, 0, 64000, 1008, 864790, 928790, '2024-10-08T00:00:00Z');
    INSERT INTO babylon_finality_providers (snapshot_id, btc_pk, moniker, state, commission, website, active_tvl_sat) VALUES
      (3, 'db9160', 'Provider', 'FINALITY_PROVIDER_STATUS_ACTIVE', '0.050000000000000000', 'https://fp.example', '123456789');
    INSERT INTO babylon_params (snapshot_id, version, slashing_rate, unbonding_time_blocks, btc_activation_height) VALUES (3, 1, '0.100000000000000000', 1008, 864790);
    INSERT INTO babylon_apr (snapshot_id, scope, btc_staking_apr, total_apr, source, fetched_at, error) VALUES
      (3, 'network', 0.021, NULL, 'Babylon staking API /v2/stats', 1730000201000, NULL);
  `,
  9: `
    INSERT INTO contract_reads (snapshot_id, address, read_json) VALUES
      (1, '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', '{"address":"0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee","blockNumber":{"$bigint":"21000000"},"proxy":"eip1967","implementation":"0x0000000000000000000000000000000000000c01","beacon":null,"admin":{"kind":"eoa","address":"0x0000000000000000000000000000000000000f01"},"error":null,"notes":[]}');
    INSERT INTO exit_reads (snapshot_id, kind, key, value_json) VALUES
      (1, 'dex-quote', 'weETH:1000000000000000000', '{"amountOut":"1030000000000000000"}'),
      (1, 'redeem-params', 'EigenLayer', '{"minWithdrawalDelayBlocks":"100800"}');
    INSERT INTO risk_alerts (id, snapshot_id, block_number, contract, kind, message, alert_json, detected_at, dismissed_at) VALUES
      (1, 1, '21000000', '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', 'implementation-changed', 'new implementation', '{}', 1730000001000, NULL);
  `,
};
