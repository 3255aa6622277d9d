/**
 * Synthetic refresh history written straight through the repos (no network): EVM wallets,
 * Ethereum snapshots holding each wallet's ETH and stETH with the rates that value them
 * (ETH/USD, BTC/USD and the stETH market price, as a refresh stores them), and optionally Bitcoin
 * snapshots. For retention tests and bench:history; amounts are deterministic bigints.
 */
import { tokensOn } from '../../shared/registry/evm-tokens';
import type { AppContext } from '../../electron/main/services/context';
import type { BalanceRow } from '../../electron/main/db/repos/snapshots.repo';

export const DAY = 86_400;
const STETH = tokensOn('ethereum').find((token) => token.symbol === 'stETH')!;

export const evmAddress = (index: number) => `0x${(0x5b0000000000 + index).toString(16).padStart(40, '0')}`;

/** `count` EVM wallets with synthetic addresses, numbered from `first`. */
export function seedEvmWallets(ctx: AppContext, count: number, first = 0): number[] {
  const wallets = Array.from({ length: count }, (_, index) => ({ kind: 'evm' as const, address: evmAddress(first + index), label: `W${first + index}`, ensName: null, ensResolvedAt: null }));
  return ctx.repos.wallets.insertMany(wallets, ctx.now()).map((wallet) => wallet.id);
}

export interface HistoryShape {
  walletIds: readonly number[];
  /** Unix seconds of the first snapshot. */
  start: number;
  days: number;
  /** Snapshots per day and network, evenly spaced. */
  perDay: number;
  /** Positions per wallet in each Ethereum snapshot: 1 (ETH) or 2 (ETH and stETH). */
  positions?: 1 | 2;
  bitcoin?: boolean;
}

function ethereumBalances(walletIds: readonly number[], step: number, positions: 1 | 2): BalanceRow[] {
  const rows: BalanceRow[] = [];
  for (const walletId of walletIds) {
    const wei = 10n ** 18n * BigInt(walletId) + BigInt(step) * 1_000_000_007n;
    rows.push({ walletId, tokenAddress: null, symbol: 'ETH', name: 'Ether', decimals: 18, rawAmount: wei, error: null });
    if (positions === 2) rows.push({ walletId, tokenAddress: STETH.address, symbol: STETH.symbol, name: STETH.name, decimals: 18, rawAmount: wei / 2n, error: null });
  }
  return rows;
}

/** One Ethereum snapshot (and its rates) at `time`; returns its id. */
export function writeEthereumSnapshot(ctx: AppContext, walletIds: readonly number[], time: number, step: number, positions: 1 | 2 = 2): number {
  return ctx.transaction(() => {
    const id = ctx.repos.snapshots.write({ chain: 'ethereum', blockNumber: 20_000_000n + BigInt(step), blockTime: time, fetchedAt: time * 1000, rpcUrl: 'http://synthetic', walletCount: walletIds.length, balances: ethereumBalances(walletIds, step, positions) });
    ctx.repos.rates.insertAll(id, [
      { key: 'usd:ETH', value: (300_000_000_000n + BigInt(step % 1000) * 100_000_000n).toString(), decimals: 8, updatedAt: time, source: 'synthetic ETH/USD', error: null },
      { key: 'market:stETH', value: '999000000000000000', decimals: 18, updatedAt: time, source: 'synthetic stETH/ETH', error: null },
      { key: 'usd:BTC', value: '9000000000000', decimals: 8, updatedAt: time, source: 'synthetic BTC/USD', error: null },
    ]);
    return id;
  });
}

export function writeBitcoinSnapshot(ctx: AppContext, walletIds: readonly number[], time: number, step: number): number {
  return ctx.repos.snapshots.write({
    chain: 'bitcoin',
    blockNumber: 900_000n + BigInt(step),
    blockTime: time,
    fetchedAt: time * 1000,
    rpcUrl: 'http://synthetic',
    walletCount: walletIds.length,
    balances: walletIds.map((walletId) => ({ walletId, tokenAddress: null, symbol: 'BTC', name: 'Bitcoin', decimals: 8, rawAmount: 100_000n + BigInt(step), error: null })),
  });
}

/** Writes the whole history, a day per transaction; returns the number of snapshots written. */
export function seedHistory(ctx: AppContext, shape: HistoryShape, onDay?: (day: number) => void): number {
  let step = 0;
  for (let day = 0; day < shape.days; day++) {
    ctx.transaction(() => {
      for (let i = 0; i < shape.perDay; i++) {
        const time = shape.start + day * DAY + Math.floor((i * DAY) / shape.perDay);
        writeEthereumSnapshot(ctx, shape.walletIds, time, step, shape.positions ?? 2);
        if (shape.bitcoin) writeBitcoinSnapshot(ctx, shape.walletIds, time, step);
        step++;
      }
    });
    onDay?.(day);
  }
  return step * (shape.bitcoin ? 2 : 1);
}
