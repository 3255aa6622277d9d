/** The portfolio as last refreshed: wallets, each chain's snapshot and status, positions. */
import { NETWORK_IDS, NETWORKS } from '../../../shared/registry/networks';
import type { AssetTotal, ChainStatus, EigenPosition, Portfolio, Position, StakeAccountDto } from '../../../shared/ipc/schemas';
import { EIGENLAYER } from '../../../shared/registry/eigenlayer';
import { rateBook, valuationOf, valueTotals, type RatesSnapshot } from './portfolio-valuation';
import { isStakeAccountRow } from './solana-rates';
import { bitcoinPortfolio } from './bitcoin-portfolio';
import { stakingTxHashOf } from '../../../shared/domain/bitcoin/row-keys';
import type { AppContext } from './context';

/** Ethereum's slot time since the Merge: an estimate for turning blocks into time. */
const SLOT_SECONDS = 12;

export function createPortfolioService(ctx: AppContext) {
  function chainStatuses(): ChainStatus[] {
    const statuses = new Map(ctx.repos.snapshots.statuses().map((row) => [row.chain, row]));
    return NETWORK_IDS.map((chain) => {
      const row = statuses.get(chain);
      return {
        chain,
        name: NETWORKS[chain].name,
        snapshot:
          row && row.snapshotId !== null
            ? {
                id: row.snapshotId,
                blockNumber: row.blockNumber!,
                blockTime: row.blockTime!,
                fetchedAt: row.fetchedAt!,
                rpcUrl: row.rpcUrl!,
                walletCount: row.walletCount!,
              }
            : null,
        lastError: row?.lastError ? { message: row.lastError, at: row.lastErrorAt ?? 0 } : null,
        lastAttemptAt: row?.lastAttemptAt ?? null,
      };
    });
  }

  function eigenRows(ethereum: NonNullable<ChainStatus['snapshot']>): EigenPosition[] {
    return ctx.repos.eigen.forSnapshot(ethereum.id).map((row) => ({
      ...row,
      completableAtEstimate:
        row.completableBlock === null ? null : ethereum.blockTime + Number(BigInt(row.completableBlock) - BigInt(ethereum.blockNumber)) * SLOT_SECONDS,
      blockNumber: ethereum.blockNumber,
      blockTime: ethereum.blockTime,
      source: `EigenLayer core contracts (${EIGENLAYER.source}) via Multicall3 at ${ethereum.rpcUrl}`,
    }));
  }

  /** BTC/USD for Bitcoin positions: Chainlink at the Ethereum snapshot when it has a price, else the price API's at the Bitcoin snapshot. */
  function bitcoinRates(chains: readonly ChainStatus[], ethereum: RatesSnapshot | null): RatesSnapshot | null {
    if (ethereum?.rates.some((rate) => rate.key === 'usd:BTC' && rate.value !== null)) return ethereum;
    const snapshot = chains.find((chain) => chain.chain === 'bitcoin')?.snapshot;
    return snapshot ? { blockNumber: snapshot.blockNumber, blockTime: snapshot.blockTime, rates: ctx.repos.rates.forSnapshot(snapshot.id) } : ethereum;
  }

  return {
    get(): Portfolio {
      const chains = chainStatuses();
      const ethereum = chains.find((chain) => chain.chain === 'ethereum')?.snapshot ?? null;
      const ratesSnapshot = ethereum
        ? { blockNumber: ethereum.blockNumber, blockTime: ethereum.blockTime, rates: ctx.repos.rates.forSnapshot(ethereum.id) }
        : null;
      const solana = chains.find((chain) => chain.chain === 'solana')?.snapshot ?? null;
      const solanaRates = solana ? { blockNumber: solana.blockNumber, blockTime: solana.blockTime, rates: ctx.repos.rates.forSnapshot(solana.id) } : null;
      const book = rateBook(ratesSnapshot, solanaRates?.rates ?? []);
      const bitcoin = bitcoinRates(chains, ratesSnapshot);
      const positions: Position[] = ctx.repos.snapshots.latestPositions().map(({ rpcUrl, ...row }) => {
        const position = { ...row, source: positionSource(row.chain, row.tokenAddress, rpcUrl) };
        if (row.chain === 'bitcoin') return { ...position, valuation: valuationOf(position, rateBook(bitcoin), bitcoin) };
        // A Solana token's NAV was read at the Solana slot; its SOL/USD price at the Ethereum block.
        return { ...position, valuation: valuationOf(position, book, row.chain === 'solana' && solanaRates ? solanaRates : ratesSnapshot) };
      });
      return {
        wallets: ctx.repos.wallets.list(),
        chains,
        positions,
        totals: sumByAsset(positions),
        valueTotals: valueTotals(positions),
        eigenlayer: ethereum ? eigenRows(ethereum) : [],
        stakeAccounts: solana ? ctx.repos.solana.stakes(solana.id).map((row) => ({ ...row, state: row.state as StakeAccountDto['state'] })) : [],
        bitcoin: bitcoinPortfolio(ctx, chains),
      };
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;

function positionSource(chain: string, tokenAddress: string | null, rpcUrl: string): string {
  if (chain === 'bitcoin') {
    if (tokenAddress === null) return `Esplora GET /address (chain_stats funded − spent: confirmed only) at ${rpcUrl}`;
    return `Babylon staking transaction ${stakingTxHashOf(tokenAddress)} (staking API delegation or phase-1 transaction in the address's history)`;
  }
  if (chain !== 'solana') return `${tokenAddress ? 'ERC-20 balanceOf' : 'native balance'} via Multicall3 at ${rpcUrl}`;
  if (tokenAddress === null) return `getBalance at ${rpcUrl}`;
  if (isStakeAccountRow(tokenAddress)) return `Stake program account ${tokenAddress.slice('stake:'.length)} (getProgramAccounts by staker/withdrawer) at ${rpcUrl}`;
  return `getTokenAccountsByOwner (Token and Token-2022 programs) at ${rpcUrl}`;
}

/** Totals per chain and asset, in raw units; `wallets` counts holders, a failed read counts as failed, never as zero. */
export function sumByAsset(positions: readonly Position[]): AssetTotal[] {
  const totals = new Map<string, AssetTotal & { sum: bigint }>();
  for (const position of positions) {
    const key = `${position.chain}:${position.tokenAddress ?? ''}`;
    const total = totals.get(key) ?? {
      chain: position.chain,
      tokenAddress: position.tokenAddress,
      symbol: position.symbol,
      decimals: position.decimals,
      rawAmount: '0',
      wallets: 0,
      failed: 0,
      sum: 0n,
    };
    if (position.rawAmount === null) total.failed += 1;
    else if (position.rawAmount !== '0') {
      total.sum += BigInt(position.rawAmount);
      total.wallets += 1;
    }
    totals.set(key, total);
  }
  return [...totals.values()].map(({ sum, ...total }) => ({ ...total, rawAmount: sum.toString() }));
}
