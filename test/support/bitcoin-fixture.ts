/**
 * A Bitcoin/Babylon world for refresh tests, on the loopback Esplora and Babylon servers:
 * - STAKER_WALLET funded the real mainnet phase-1 staking tx 7d90210b… (300.004 BTC to
 *   finality provider db9160…, ../shared/fixtures/bitcoin-babylon-staking); the staking API
 *   lists it as an ACTIVE delegation (params version 1) and the provider by a test name;
 * - LOOKUP_WALLET is the pubkey-lookup example's SegWit address, whose key has the staking
 *   API example's ACTIVE 50 000 sat delegation (to a provider the API does not list);
 * - ONCHAIN_WALLET funded the real tx 2aeeddb9…, which the API does not list, and also has a
 *   tagged transaction with an unsupported OP_RETURN version, which must be rejected, and an
 *   ordinary one (the recorded mempool.space example), which is not a candidate at all.
 * The provider's name, the API's ACTIVE state for 7d90210b… and the balances are test data;
 * the transactions, keys and amounts are real.
 */
import { readFileSync } from 'node:fs';
import { parseRawTx } from '../../shared/domain/bitcoin/raw-tx';
import type { BabylonServer, DelegationJson } from './babylon-server';
import type { EsploraServer, EsploraTxJson, ScriptStats } from './esplora-server';

export const FIXTURES = '../shared/fixtures/bitcoin-babylon-staking';
export const PRIMARY_TX = '7d90210b21aad480cd88fd8399aa6d47e6b3f2ecea2f9f9cfdd79598430e3003';
export const SECONDARY_TX = '2aeeddb97b138ea622d9194818fa2fa3d8432125032ac1aec32461ae91d80b78';
/** ../shared/api-shapes/esplora.tx.mempool-space.example.json */
const MEMPOOL_EXAMPLE_TX = JSON.parse(readFileSync('../shared/api-shapes/esplora.tx.mempool-space.example.json', 'utf8')).txid as string;
export const STAKER_WALLET = 'bc1ppwfa95ug52ufc2azau5wn8qvlss8xkmf8jutydg0azkwegks7wfs7cd98n';
export const ONCHAIN_WALLET = 'bc1ps36ua3y0qrylq3mq9cksujvd85p9sxhu9qczjfm0fcwtejgfyxkqdf48cs';
export const LOOKUP_WALLET = 'bc1qfnqcsx5pk9ct4v4v4e58z8wekkw2lm0fqx9cf5';
export const PRIMARY = {
  staker: '0b93d2d388a2b89c2ba2ef28e99c0cfc20735b693cb8b2350fe8aceca2d0f393',
  fp: 'db9160428e401753dc1a9952ffd4fa3386c7609cf8411d2b6d79c42323ca9923',
  amount: 30_000_400_000n,
  startHeight: 864_790,
  stakingTime: 64_000,
};
export const SECONDARY = { staker: 'd3d09d91bab234a9d21bf3c98092e82aec525caf67566edace08918408819689', fp: 'b3a838cbf2e61f2ecadf9f5924710e66dcf8212545884853073fe62c5ff5b949', amount: 4_994_180n };
/** The staking API example delegation (babylon.v2-delegations.example.json). */
export const EXAMPLE = { staker: '1e06e1ef408126703ed66447cd6972434396b252a22e843d8295d55ae7a9cfd1', fp: 'c20acf33c17e5a6c92cced9f1d530cccab7aa3e53400456202f02fac95e9c481', amount: 50_000n, endHeight: 262_690 };
export const FP_NAME = 'Test provider for db9160';
export const TIP_HEIGHT = 900_000;
/** Confirmed and mempool balances (test data): the primary's 58 000 sat change, half of it being spent. */
export const BALANCES = { confirmed: 58_000n, unconfirmed: -29_000n };
/** network-info example: params version 1 slashes 10 %. */
export const SLASHING_RATE = '0.100000000000000000';

const stats = (funded: bigint, spent: bigint, txs: number): ScriptStats => ({ funded_txo_count: txs, funded_txo_sum: funded, spent_txo_count: spent > 0n ? 1 : 0, spent_txo_sum: spent, tx_count: txs });

/** The primary's raw tx with its OP_RETURN version byte set to 1: tagged, but not a valid phase-1 stake. */
export function badVersionTx(esplora: EsploraServer): { json: EsploraTxJson; hex: string } {
  const marker = `6a4762626e3100${PRIMARY.staker}`;
  const hex = readFileSync(`${FIXTURES}/esplora/tx/${PRIMARY_TX}/hex`, 'utf8').trim().replace(marker, `6a4762626e3101${PRIMARY.staker}`);
  const { txid } = parseRawTx(hex);
  const json = esplora.readFixtureTx(PRIMARY_TX);
  const vout = (json.vout as { scriptpubkey: string }[]).map((output) => ({ ...output, scriptpubkey: output.scriptpubkey.replace(marker, `6a4762626e3101${PRIMARY.staker}`) }));
  return { json: { ...json, txid, vout }, hex };
}

export function seedBitcoinWorld(esplora: EsploraServer, babylon: BabylonServer): { badTxid: string } {
  esplora.setTipHeight(TIP_HEIGHT);
  esplora.setAddress(STAKER_WALLET, stats(30_000_758_000n, 30_000_700_000n, 1), stats(0n, 29_000n, 1));
  // Newest first: an unconfirmed spend (the recorded mempool.space example stands in for it), then the real stake.
  esplora.setHistory(STAKER_WALLET, [esplora.readFixtureTx(MEMPOOL_EXAMPLE_TX), esplora.readFixtureTx(PRIMARY_TX)]);
  const bad = badVersionTx(esplora);
  esplora.setRawHex(bad.json.txid, bad.hex);
  // Newest first: the recorded mempool.space example (unconfirmed, no OP_RETURN), the bad one, the real stake.
  esplora.setHistory(ONCHAIN_WALLET, [esplora.readFixtureTx(MEMPOOL_EXAMPLE_TX), bad.json, esplora.readFixtureTx(SECONDARY_TX)]);
  esplora.setAddress(ONCHAIN_WALLET, stats(5_000_000n, 5_000_000n, 2));

  const delegation = babylon.exampleDelegation() as DelegationJson & { finality_provider_btc_pks_hex: string[]; params_version: number };
  delegation.staker_btc_pk_hex = PRIMARY.staker;
  delegation.finality_provider_btc_pks_hex = [PRIMARY.fp];
  delegation.params_version = 1;
  Object.assign(delegation.delegation_staking, {
    staking_tx_hash_hex: PRIMARY_TX,
    staking_tx_hex: readFileSync(`${FIXTURES}/esplora/tx/${PRIMARY_TX}/hex`, 'utf8').trim(),
    staking_output_idx: 0,
    staking_timelock: PRIMARY.stakingTime,
    staking_amount: Number(PRIMARY.amount),
    start_height: PRIMARY.startHeight,
    end_height: PRIMARY.startHeight + PRIMARY.stakingTime,
  });
  babylon.addDelegations([delegation]);
  const providers = JSON.parse(readFileSync('../shared/api-shapes/babylon.v2-finality-providers.example.json', 'utf8')).data;
  const provider = { ...providers[0], btc_pk: PRIMARY.fp, description: { ...providers[0].description, moniker: FP_NAME, website: 'https://example.invalid' }, state: 'FINALITY_PROVIDER_STATUS_JAILED' };
  babylon.setFinalityProviders([...providers, provider]);
  return { badTxid: bad.json.txid };
}
