/**
 * Refresh: read every EVM wallet's balances (and, on Ethereum, its native EigenLayer
 * positions) at one block per chain and store one snapshot per chain, atomically; Solana
 * wallets the same way at one slot (solana-refresh.ts), Bitcoin wallets at the tip height
 * (bitcoin-refresh.ts). Chains
 * run in parallel and fail independently: a failing chain keeps its last good snapshot and
 * records the error, which the portfolio shows as stale.
 */
import { CHAINS, type ChainId } from '../../../shared/registry/chains';
import { NETWORK_IDS, isEvmNetwork, type NetworkId } from '../../../shared/registry/networks';
import { refreshSolana } from './solana-refresh';
import { refreshBitcoin } from './bitcoin-refresh';
import { offlineMessage, offlineState, recordDetection } from './offline';
import { tokensOn } from '../../../shared/registry/evm-tokens';
import type { RefreshChainOutcome, RefreshSummary } from '../../../shared/ipc/schemas';
import { AppFailure } from '../../../shared/result';
import { readBalances, type BalanceRead } from '../chain/evm/balances';
import { describeRpcError } from '../chain/evm/errors';
import { readEigenLayer } from '../chain/evm/eigenlayer';
import { planNavRates, planRates, readPlanned } from '../chain/evm/rates';
import { planRewardClaims } from '../chain/evm/rewards';
import { readRateHistory } from './rate-history';
import { readAllStakerLists, readExposureInputs, storeExposureInputs } from './exposure-refresh';
import { readApiMarkets } from '../chain/prices/api-markets';
import { EVM_TOKENS } from '../../../shared/registry/evm-tokens';
import { USD_FEEDS } from '../../../shared/registry/price-feeds';
import type { BalanceRow } from '../db/repos/snapshots.repo';
import { toStoredEigenRows } from './eigen-rows';
import { afterRefresh } from './after-refresh';
import { refreshRisk } from './risk-refresh';
import type { AppContext } from './context';
import type { SettingsService } from './settings.service';
import { failNetwork } from './refresh-failure';
import { log } from '../logging';
import { pinEvmBlock } from './snapshot-floor';
import { screenRates } from '../../../shared/domain/sanity-screen';

export function createRefreshService(ctx: AppContext, settings: SettingsService) {
  let running = false;

  async function refreshChain(chain: ChainId): Promise<RefreshChainOutcome> {
    const wallets = ctx.repos.wallets
      .listByKind('evm')
      .map((wallet) => ({ walletId: wallet.id, address: wallet.address as `0x${string}` }));
    if (wallets.length === 0) return { chain, status: 'skipped', reason: 'No EVM wallets to refresh' };
    const tokens = tokensOn(chain);
    const urls = settings.rpcUrls(chain);
    ctx.events.emit('refresh.progress', { chain, phase: 'started', done: 0, total: wallets.length * (tokens.length + 1) });
    try {
      // From the first endpoint not behind the last snapshot (snapshot-floor.ts, docs/faults.md).
      const { evm, block } = await pinEvmBlock(ctx, chain, urls);
      // Native EigenLayer lives on Ethereum only. Started in the same tick as the balances, so
      // its first round shares their HTTP batch; both read the same pinned block.
      const onEthereum = chain === 'ethereum';
      const [reads, eigenReads, rates, apiMarkets, stakerLists] = await Promise.all([
        readBalances(evm, block, wallets, tokens, (done, total) => ctx.events.emit('refresh.progress', { chain, phase: 'calls', done, total })),
        onEthereum ? readEigenLayer(evm, block, wallets) : Promise.resolve([]),
        // Rates for every chain's tokens are read on Ethereum: bridged LRTs use the mainnet rate.
        // Claimed EigenLayer rewards are read like rates, for the native restaking premium.
        onEthereum
          ? readPlanned(evm, block.number, [...planRates(EVM_TOKENS, USD_FEEDS), ...planRewardClaims(wallets.map((wallet) => wallet.address))])
          : Promise.resolve([]),
        // Market prices of tokens without an on-chain market feed; never fails the chain.
        onEthereum ? readApiMarkets(EVM_TOKENS, settings.priceApiBase(), { fetchFn: ctx.httpOptions.fetchFn }) : Promise.resolve([]),
        // The LRT protocols' staker lists, for the exposure look-through; never fails the chain.
        onEthereum ? readAllStakerLists(evm, block) : Promise.resolve('not Ethereum'),
      ]);
      const eigen = toStoredEigenRows(eigenReads);
      // The operators the wallets delegate to: their allocations are what can slash them.
      const operators = [...new Set(eigen.flatMap((row) => (row.operator ? [row.operator as `0x${string}`] : [])))];
      const held = new Set([
        ...reads.filter((read) => read.token && read.rawAmount !== null && read.rawAmount > 0n).map((read) => read.token!.symbol),
        ...ctx.repos.snapshots.latestPositions().filter((position) => position.rawAmount !== null && position.rawAmount !== '0').map((position) => position.symbol),
      ]);
      const exposure = onEthereum ? await readExposureInputs(ctx, evm, block, operators, held, stakerLists) : null;
      const snapshotId = ctx.transaction(() => {
        const id = ctx.repos.snapshots.write({
          chain,
          blockNumber: block.number,
          blockTime: block.timestamp,
          fetchedAt: ctx.now(),
          rpcUrl: evm.stats.lastUrl ?? urls[0]!,
          walletCount: wallets.length,
          balances: reads.map((read) => toBalanceRow(chain, read)),
        });
        ctx.repos.eigen.insertAll(id, eigen);
        if (exposure) storeExposureInputs(ctx, id, block.number, exposure);
        // Out-of-bounds rates are stored as suspect, with the reason (shared/domain/sanity.ts).
        const stored = [...rates, ...apiMarkets].map((rate) => ({ ...rate, value: rate.value === null ? null : rate.value.toString() }));
        ctx.repos.rates.insertAll(id, screenRates(stored, { now: block.timestamp, previous: (key) => ctx.repos.rates.latestGood(chain, key) }));
        return id;
      });
      const snapshotRequests = evm.stats.httpRequests;
      let riskRequests = 0;
      if (onEthereum) {
        // Risk reads (upgradeability, DEX quotes, redeem parameters) at the same block, stored with
        // the snapshot in a second transaction; they never fail the snapshot (docs/risk.md).
        ctx.events.emit('refresh.progress', { chain, phase: 'risk', done: 0, total: 0 });
        await refreshRisk(ctx, evm, { id: snapshotId, blockNumber: block.number }, { held, eigen, reads }).catch((cause: unknown) => {
          ctx.events.emit('refresh.progress', { chain, phase: 'risk', done: 0, total: 0, message: describeRpcError(cause) });
        });
        riskRequests = evm.stats.httpRequests - snapshotRequests;

        // Rates at the yield windows' start blocks; a failure here never fails the snapshot.
        ctx.events.emit('refresh.progress', { chain, phase: 'history', done: 0, total: 0 });
        const earners = wallets.filter((wallet) => eigen.some((row) => row.walletId === wallet.walletId && row.kind !== 'error')).map((wallet) => wallet.address);
        await readRateHistory(ctx, evm, { number: block.number, timestamp: block.timestamp }, [...planNavRates(EVM_TOKENS), ...planRewardClaims(earners)]).catch((cause: unknown) => {
          ctx.events.emit('refresh.progress', { chain, phase: 'history', done: 0, total: 0, message: describeRpcError(cause) });
        });
      }
      ctx.events.emit('refresh.progress', { chain, phase: 'done', done: reads.length, total: reads.length });
      return {
        chain,
        status: 'ok',
        blockNumber: block.number.toString(),
        positions: reads.length,
        failedPositions: reads.filter((read) => read.error !== null).length,
        httpRequests: snapshotRequests,
        riskRequests,
        historyRequests: evm.stats.httpRequests - snapshotRequests - riskRequests,
      };
    } catch (cause) {
      return failNetwork(ctx, chain, describeRpcError(cause));
    }
  }

  return {
    isRunning: () => running,
    async run(chains: readonly NetworkId[] = NETWORK_IDS): Promise<RefreshSummary> {
      if (running) throw new AppFailure('BUSY', 'A refresh is already running');
      const startedAt = ctx.now();
      const networks = [...new Set(chains)];
      if (offlineState(ctx).enabled) return { startedAt, finishedAt: startedAt, chains: networks.map((chain) => ({ chain, status: 'skipped', reason: offlineMessage('a refresh') })) };
      running = true;
      try {
        const outcomes = await Promise.all(networks.map((network) => (isEvmNetwork(network) ? refreshChain(network) : network === 'solana' ? refreshSolana(ctx, settings) : refreshBitcoin(ctx, settings))));
        recordDetection(ctx, outcomes);
        // Thinning and the automatic backup (at most one per 24 h); they never fail the refresh.
        const summary = { startedAt, finishedAt: ctx.now(), chains: await afterRefresh(ctx, outcomes) };
        for (const outcome of summary.chains) (outcome.status === 'failed' ? log.warn : log.info)('refresh.network', { ...outcome, ms: summary.finishedAt - startedAt });
        return summary;
      } catch (cause) {
        log.error('refresh.failed', { error: cause });
        throw cause;
      } finally {
        running = false;
        ctx.events.emit('data.changed', { what: 'portfolio' });
      }
    },
  };
}

function toBalanceRow(chain: ChainId, read: BalanceRead): BalanceRow {
  const asset = read.token
    ? { tokenAddress: read.token.address, symbol: read.token.symbol, name: read.token.name, decimals: read.token.decimals }
    : { tokenAddress: null, symbol: CHAINS[chain].nativeSymbol, name: CHAINS[chain].nativeName, decimals: 18 };
  return { walletId: read.walletId, ...asset, rawAmount: read.rawAmount, error: read.error };
}

export type RefreshService = ReturnType<typeof createRefreshService>;
