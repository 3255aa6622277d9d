/**
 * Bitcoin refresh: every Bitcoin wallet's confirmed and unconfirmed balance (Esplora), its
 * Babylon delegations (staker key from the staking API's pubkey lookup and from the phase-1
 * staking transactions in the address's history; delegations from GET /v2/delegations), and
 * what the staking API says about the finality providers, the staking parameters and APR,
 * stored as one snapshot (chain 'bitcoin', block_number = the tip height) in one transaction.
 * A failed Esplora or Babylon read fails the chain, which keeps its last good snapshot: a
 * snapshot without the stakes would look complete. APR failures are stored, never fatal.
 */
import type { RefreshChainOutcome } from '../../../shared/ipc/schemas';
import { checkBitcoinAddress } from '../../../shared/domain/wallet/bitcoin-address';
import { slashedSat } from '../../../shared/domain/bitcoin/babylon-delegation';
import { createEsploraClient, type EsploraClient } from '../chain/bitcoin/esplora';
import { createBabylonApiClient, delegationPhase, MAX_PUBKEY_LOOKUP_ADDRESSES, type BabylonApiClient, type BabylonDelegation } from '../chain/bitcoin/babylon-api';
import { scanForStakes, type FoundStake, type StakingScan } from '../chain/bitcoin/staking-scan';
import type { BalanceRow } from '../db/repos/snapshots.repo';
import type { AprRow, BitcoinAddressRow, DelegationRow, StakingParamsRow } from '../db/repos/bitcoin.repo';
import type { HttpOptions } from '../chain/http/http-retry';
import type { StoredRate } from '../db/repos/rates.repo';
import { fetchMarketPrice } from '../chain/prices/coingecko';
import { babylonRowAddress } from '../../../shared/domain/bitcoin/row-keys';
import type { AppContext } from './context';
import type { SettingsService } from './settings.service';
import { failNetwork } from './refresh-failure';
import { behindLastSnapshot } from './snapshot-floor';
import { screenBalance, screenRates } from '../../../shared/domain/sanity-screen';
import { checkNativeBalance } from '../../../shared/domain/sanity';

/** Pages of address history scanned for staking transactions (25 confirmed transactions a page). */
const HISTORY_PAGES = 10;

interface WalletRead {
  walletId: number;
  address: string;
  confirmed: bigint;
  unconfirmed: bigint;
  txCount: { confirmed: number; mempool: number };
  scan: StakingScan;
}

export async function refreshBitcoin(ctx: AppContext, settings: SettingsService): Promise<RefreshChainOutcome> {
  const chain = 'bitcoin' as const;
  const wallets = ctx.repos.wallets.listByKind('bitcoin').map((wallet) => ({ walletId: wallet.id, address: wallet.address }));
  if (wallets.length === 0) return { chain, status: 'skipped', reason: 'No Bitcoin wallets to refresh' };
  let requests = 0;
  const http: HttpOptions = { ...ctx.httpOptions, onRequest: () => void (requests += 1) };
  const progress = (phase: 'started' | 'calls' | 'done', done: number, total: number) => ctx.events.emit('refresh.progress', { chain, phase, done, total });
  progress('started', 0, wallets.length + 2);
  try {
    const { esplora, tipHeight } = await connectEsplora(settings.rpcUrls(chain), http, (height, host) => behindLastSnapshot(ctx, chain, BigInt(height), `Esplora ${host}`));
    const babylon = createBabylonApiClient({ ...http, baseUrl: settings.babylonApiBase() });
    let done = 0;
    const reads = await Promise.all(wallets.map((wallet) => readWallet(esplora, wallet).then((read) => (progress('calls', ++done, wallets.length + 2), read))));

    const keysByWallet = await stakerKeys(babylon, reads);
    const keys = [...new Set([...keysByWallet.values()].flat())].sort();
    const [delegationLists, info, providers, stats] = await Promise.all([
      Promise.all(keys.map((key) => babylon.delegations(key))),
      babylon.networkInfo(),
      babylon.finalityProviders(),
      babylon.stats(),
    ]);
    progress('calls', wallets.length + 1, wallets.length + 2);
    const incomplete = [...delegationLists.entries()].find(([, list]) => !list.complete);
    if (incomplete) throw new Error(`Babylon API /v2/delegations: more than ${incomplete[1].requests} pages for staker ${keys[incomplete[0]]}; not all delegations could be read`);
    const apiDelegations = delegationLists.flatMap((list) => list.items);
    const rates = new Map(info.params.bbn.map((params) => [params.version, params.slashing_rate]));

    const delegations = assignDelegations(reads, keysByWallet, apiDelegations);
    // Phase-1 stakes found on Bitcoin that the API does not list: their output tells whether they were spent.
    const apiHashes = new Set(apiDelegations.map((item) => item.delegation_staking.staking_tx_hash_hex));
    for (const read of reads) {
      for (const stake of read.scan.stakes.filter((item) => !apiHashes.has(item.txid))) {
        if (delegations.some((row) => row.stakingTxHash === stake.txid)) continue;
        delegations.push(bitcoinOnlyRow(read.walletId, stake, (await esplora.outspend(stake.txid, stake.stakingOutputIndex)).spent));
      }
    }

    const fetchedAt = ctx.now();
    const [apr, usd] = await Promise.all([readApr(babylon, delegations, stats.btc_staking_apr, fetchedAt), readBtcUsd(settings.priceApiBase(), http)]);
    const params: StakingParamsRow[] = info.params.bbn.map((item) => ({ version: item.version, slashingRate: item.slashing_rate, unbondingTimeBlocks: item.unbonding_time_blocks, btcActivationHeight: item.btc_activation_height }));
    const addresses: BitcoinAddressRow[] = reads.map((read) => ({
      walletId: read.walletId,
      confirmedSat: read.confirmed.toString(),
      unconfirmedSat: read.unconfirmed.toString(),
      txCount: read.txCount.confirmed,
      mempoolTxCount: read.txCount.mempool,
      historyScanned: read.scan.scanned,
      historyComplete: read.scan.complete,
      rejectedTxs: read.scan.rejected,
      stakerPks: keysByWallet.get(read.walletId) ?? [],
    }));
    // An impossible amount (negative, above all BTC there is) fails its position (shared/domain/sanity.ts).
    const balances: BalanceRow[] = [
      ...reads.map((read) => ({ walletId: read.walletId, tokenAddress: null, symbol: 'BTC', name: 'Bitcoin', decimals: 8, rawAmount: read.confirmed, error: null })),
      ...delegations.filter((row) => row.phase !== 'withdrawn').map((row) => stakeBalance(row, rates)),
    ].map((row) => screenBalance(row, (raw) => checkNativeBalance(raw, 'BTC')));
    const [usdRate] = screenRates([usd], { now: Math.floor(fetchedAt / 1000), previous: (key) => ctx.repos.rates.latestGood(chain, key) });
    const esploraUrl = esplora.baseUrl;
    ctx.transaction(() => {
      const snapshotId = ctx.repos.snapshots.write({ chain, blockNumber: BigInt(tipHeight), blockTime: Math.floor(fetchedAt / 1000), fetchedAt, rpcUrl: esploraUrl, walletCount: wallets.length, balances });
      ctx.repos.bitcoin.insertAll(snapshotId, {
        addresses,
        delegations,
        finalityProviders: providers.items.map((fp) => ({ btcPk: fp.btc_pk, moniker: fp.description.moniker, state: fp.state, commission: fp.commission, website: fp.description.website, activeTvlSat: fp.active_tvl.toString() })),
        params,
        apr,
      });
      ctx.repos.rates.insertAll(snapshotId, [usdRate!]);
    });
    progress('done', balances.length, balances.length);
    return { chain, status: 'ok', blockNumber: String(tipHeight), positions: balances.length, failedPositions: balances.filter((row) => row.error !== null).length, httpRequests: requests, riskRequests: 0, historyRequests: 0 };
  } catch (cause) {
    return failNetwork(ctx, chain, cause instanceof Error ? cause.message : String(cause));
  }
}

/** The first Esplora base in the list that answers its tip height; the rest are fallbacks. */
/** The first Esplora that answers with a tip not behind the last snapshot (a lagging one, or a truncated height, is passed over). */
async function connectEsplora(urls: readonly string[], http: HttpOptions, behind: (height: number, host: string) => string | null): Promise<{ esplora: EsploraClient; tipHeight: number }> {
  const errors: string[] = [];
  for (const baseUrl of urls) {
    const esplora = createEsploraClient({ ...http, baseUrl });
    try {
      const tipHeight = await esplora.tipHeight();
      const refused = behind(tipHeight, new URL(baseUrl).host);
      if (refused) throw new Error(refused);
      return { esplora, tipHeight };
    } catch (cause) {
      errors.push(cause instanceof Error ? cause.message : String(cause));
    }
  }
  throw new Error(errors.join('; ') || 'No Esplora URL configured for Bitcoin');
}

async function readWallet(esplora: EsploraClient, wallet: { walletId: number; address: string }): Promise<WalletRead> {
  const [balance, scan] = await Promise.all([esplora.addressBalance(wallet.address), scanForStakes(esplora, wallet.address, HISTORY_PAGES)]);
  return { ...wallet, confirmed: balance.confirmed, unconfirmed: balance.unconfirmed, txCount: balance.txCount, scan };
}

/** Each wallet's staker keys: the API's pubkey lookup (Taproot and native SegWit only) and the stakers of its staking transactions. */
async function stakerKeys(babylon: BabylonApiClient, reads: readonly WalletRead[]): Promise<Map<number, string[]>> {
  const lookable = reads.filter((read) => {
    const check = checkBitcoinAddress(read.address);
    return check.ok && (check.type === 'p2tr' || check.type === 'p2wpkh');
  });
  const found: Record<string, string> = {};
  for (let i = 0; i < lookable.length; i += MAX_PUBKEY_LOOKUP_ADDRESSES) {
    Object.assign(found, await babylon.pubkeyLookup(lookable.slice(i, i + MAX_PUBKEY_LOOKUP_ADDRESSES).map((read) => read.address)));
  }
  return new Map(reads.map((read) => [read.walletId, [...new Set([...(found[read.address] ? [found[read.address]!] : []), ...read.scan.stakes.map((stake) => stake.stakerPkHex)])].sort()]));
}

/**
 * One row per delegation, under one wallet: the one whose history holds the staking
 * transaction, else the first wallet with the staker key (a Taproot and a SegWit address of
 * the same key share its delegations, which must not be counted twice).
 */
function assignDelegations(reads: readonly WalletRead[], keysByWallet: Map<number, string[]>, items: readonly BabylonDelegation[]): DelegationRow[] {
  const seen = new Set<string>();
  const rows: DelegationRow[] = [];
  for (const item of items) {
    const hash = item.delegation_staking.staking_tx_hash_hex;
    if (seen.has(hash)) continue;
    seen.add(hash);
    const holder = reads.find((read) => read.scan.stakes.some((stake) => stake.txid === hash)) ?? reads.find((read) => keysByWallet.get(read.walletId)?.includes(item.staker_btc_pk_hex));
    if (!holder) continue;
    const { phase, slashed } = delegationPhase(item.state);
    const staking = item.delegation_staking;
    rows.push({
      walletId: holder.walletId,
      stakingTxHash: hash,
      stakerPk: item.staker_btc_pk_hex,
      finalityProviders: item.finality_provider_btc_pks_hex,
      amountSat: staking.staking_amount.toString(),
      state: item.state,
      phase,
      slashed,
      source: 'babylon-api',
      onBitcoin: holder.scan.stakes.some((stake) => stake.txid === hash),
      paramsVersion: item.params_version,
      stakingOutputIndex: staking.staking_output_idx,
      stakingTimeBlocks: staking.staking_timelock,
      unbondingTimeBlocks: item.delegation_unbonding.unbonding_timelock,
      startHeight: staking.start_height ?? null,
      endHeight: staking.end_height ?? null,
      inceptionTime: staking.bbn_inception_time,
    });
  }
  return rows;
}

function bitcoinOnlyRow(walletId: number, stake: FoundStake, spent: boolean): DelegationRow {
  return {
    walletId,
    stakingTxHash: stake.txid,
    stakerPk: stake.stakerPkHex,
    finalityProviders: [stake.finalityProviderPkHex],
    amountSat: stake.stakingAmount.toString(),
    state: 'BITCOIN_ONLY',
    phase: spent ? 'withdrawn' : 'unknown',
    slashed: false,
    source: 'bitcoin',
    onBitcoin: true,
    paramsVersion: null,
    stakingOutputIndex: stake.stakingOutputIndex,
    stakingTimeBlocks: stake.stakingTime,
    unbondingTimeBlocks: null,
    startHeight: stake.blockHeight,
    endHeight: stake.blockHeight === null ? null : stake.blockHeight + stake.stakingTime,
    inceptionTime: null,
  };
}

/** A stake's BTC as a position; a slashed one counts what is left after its params' slashing rate. */
function stakeBalance(row: DelegationRow, rates: Map<number, string>): BalanceRow {
  const amount = BigInt(row.amountSat);
  const rate = row.paramsVersion === null ? undefined : rates.get(row.paramsVersion);
  const slashed = row.slashed && rate !== undefined;
  return {
    walletId: row.walletId,
    tokenAddress: babylonRowAddress(row.stakingTxHash),
    symbol: 'BTC',
    name: `Babylon stake (${row.slashed ? 'slashed, ' : ''}${row.phase})`,
    decimals: 8,
    rawAmount: slashed ? amount - slashedSat(amount, rate) : row.slashed ? null : amount,
    error: row.slashed && !slashed ? `Slashed, and the slashing rate of params version ${row.paramsVersion} is not published: amount left unknown` : null,
  };
}

/**
 * BTC/USD from the configured price API, stored with the Bitcoin snapshot: the portfolio uses
 * it only when the Ethereum snapshot has no Chainlink BTC/USD (a BTC-only portfolio). Never fatal.
 */
async function readBtcUsd(base: string, http: HttpOptions): Promise<StoredRate> {
  const source = `CoinGecko market_chart bitcoin in USD (${new URL(base).host})`;
  try {
    const price = await fetchMarketPrice(base, 'bitcoin', 'usd', { fetchFn: http.fetchFn, timeoutMs: http.timeoutMs, retries: http.retries, maxWaitMs: http.maxWaitMs, onRequest: () => http.onRequest?.(base) });
    return { key: 'usd:BTC', value: price.value.toString(), decimals: price.decimals, updatedAt: price.updatedAt, source, error: null };
  } catch (cause) {
    return { key: 'usd:BTC', value: null, decimals: 18, updatedAt: null, source, error: (cause instanceof Error ? cause.message : String(cause)).slice(0, 300) };
  }
}

/** The network APR (GET /v2/stats) and, per active delegation, the APR the API gives for its amount (GET /v2/apr). */
async function readApr(babylon: BabylonApiClient, delegations: readonly DelegationRow[], networkApr: number, fetchedAt: number): Promise<AprRow[]> {
  const host = new URL(babylon.baseUrl).host;
  const rows: AprRow[] = [{ scope: 'network', btcStakingApr: networkApr, totalApr: null, source: `Babylon staking API ${host} GET /v2/stats btc_staking_apr`, fetchedAt, error: null }];
  for (const row of delegations.filter((item) => item.phase === 'active')) {
    const source = `Babylon staking API ${host} GET /v2/apr?satoshis_staked=${row.amountSat}&ubbn_staked=0 current.btc_staking_apr`;
    try {
      const apr = await babylon.apr(BigInt(row.amountSat));
      rows.push({ scope: `delegation:${row.stakingTxHash}`, btcStakingApr: apr.current.btc_staking_apr, totalApr: apr.current.total_apr, source, fetchedAt, error: null });
    } catch (cause) {
      rows.push({ scope: `delegation:${row.stakingTxHash}`, btcStakingApr: null, totalApr: null, source, fetchedAt, error: cause instanceof Error ? cause.message : String(cause) });
    }
  }
  return rows;
}
