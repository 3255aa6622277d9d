/**
 * Pending withdrawals on one timeline (issue 11): EigenLayer queued withdrawals (completable
 * after DelegationManager's delay, read at refresh) and Babylon stakes unbonding or ready to
 * withdraw. Times are estimates from the block distance (12 s Ethereum slots, 10-minute Bitcoin
 * blocks) and say so; sorted by when they complete, unknown last.
 */
import type { Portfolio } from '../../../shared/ipc/schemas';
import type { PendingWithdrawal } from '../../../shared/ipc/risk-schemas';

const BITCOIN_BLOCK_SECONDS = 600;

export function pendingWithdrawals(portfolio: Portfolio): PendingWithdrawal[] {
  const rows: PendingWithdrawal[] = [];
  for (const row of portfolio.eigenlayer) {
    if (row.kind !== 'withdrawal' || row.withdrawableUnderlying === null) continue;
    const claimable = row.completableBlock !== null && BigInt(row.blockNumber) >= BigInt(row.completableBlock);
    rows.push({
      id: `el-withdrawal:${row.walletId}:${row.strategy ?? ''}:${row.startBlock ?? ''}`,
      walletId: row.walletId,
      source: 'eigenlayer',
      label: `EigenLayer queued withdrawal (${row.assetSymbol ?? 'unknown asset'})`,
      amount: row.withdrawableUnderlying,
      decimals: row.assetDecimals ?? 18,
      symbol: row.assetSymbol ?? 'ETH',
      completableAt: row.completableBlock,
      completesAt: claimable ? row.blockTime : row.completableAtEstimate,
      status: claimable ? 'claimable' : 'waiting',
      basis: claimable
        ? `completable since block ${row.completableBlock} (read at block ${row.blockNumber})`
        : `completable at block ${row.completableBlock}: DelegationManager delay from chain, time estimated at 12 s a block from block ${row.blockNumber}`,
    });
  }
  const fetchedAt = portfolio.chains.find((chain) => chain.chain === 'bitcoin')?.snapshot?.fetchedAt ?? null;
  const tip = portfolio.bitcoin.tipHeight;
  for (const stake of portfolio.bitcoin.delegations) {
    if (stake.phase !== 'unbonding' && stake.phase !== 'withdrawable') continue;
    const claimable = stake.phase === 'withdrawable';
    const early = stake.phase === 'unbonding' && stake.state !== 'TIMELOCK_UNBONDING';
    rows.push({
      id: `babylon:${stake.stakingTxHash}`,
      walletId: stake.walletId,
      source: 'babylon',
      label: `Babylon stake ${stake.stakingTxHash.slice(0, 8)}… ${claimable ? 'ready to withdraw' : 'unbonding'}`,
      amount: stake.amountSat,
      decimals: 8,
      symbol: 'BTC',
      completableAt: !claimable && !early && stake.endHeight !== null ? String(stake.endHeight) : null,
      completesAt: fetchedAt === null ? null : claimable ? Math.floor(fetchedAt / 1000) : stake.unbondingBlocks === null ? null : Math.floor(fetchedAt / 1000) + stake.unbondingBlocks * BITCOIN_BLOCK_SECONDS,
      status: claimable ? 'claimable' : 'waiting',
      basis: claimable
        ? `withdrawable at tip ${tip}`
        : early
          ? `early unbonding of ${stake.unbondingBlocks} blocks; its start is not published, so the full length from the last refresh is shown (10-minute blocks)`
          : `timelock ends at height ${stake.endHeight} (tip ${tip}); estimated at 10 minutes a block`,
    });
  }
  return rows.sort((a, b) => (a.completesAt ?? Number.MAX_SAFE_INTEGER) - (b.completesAt ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id));
}
