/**
 * Portfolio value over time from stored snapshots: at each Ethereum snapshot (which carries
 * the rates), the balances of that snapshot and of the latest snapshot of every other chain
 * at or before it, valued with that snapshot's rates. Positions without a price are left
 * out and counted. Offline by construction: nothing is fetched.
 */
import { valuePosition } from '../../../shared/domain/position-valuation';
import type { NetworkId } from '../../../shared/registry/networks';
import type { AppContext } from './context';
import { assetOf, rateBook } from './portfolio-valuation';

export interface ValuePoint {
  time: number;
  blockNumber: string;
  usdCents: string;
  /** Positions with a balance but no USD value at that time. */
  unvalued: number;
}

export function portfolioValueHistory(ctx: AppContext): ValuePoint[] {
  const snapshots = ctx.repos.snapshots.all();
  const latestByChain = new Map<NetworkId, number>();
  const points: ValuePoint[] = [];
  // Another network's latest snapshot stays the same over many Ethereum points: keep each network's last read.
  const lastRead = new Map<NetworkId, { id: number; rows: ReturnType<typeof ctx.repos.snapshots.balancesOf> }>();
  const balancesOf = (chain: NetworkId, id: number) => {
    const cached = lastRead.get(chain);
    if (cached?.id === id) return cached.rows;
    const rows = ctx.repos.snapshots.balancesOf(id);
    lastRead.set(chain, { id, rows });
    return rows;
  };
  for (const snapshot of snapshots) {
    latestByChain.set(snapshot.chain, snapshot.id);
    if (snapshot.chain !== 'ethereum') continue;
    const solana = latestByChain.get('solana');
    const book = rateBook({ blockNumber: snapshot.blockNumber, blockTime: snapshot.blockTime, rates: ctx.repos.rates.forSnapshot(snapshot.id) }, solana ? ctx.repos.rates.forSnapshot(solana) : []);
    let cents = 0n;
    let unvalued = 0;
    for (const [chain, snapshotId] of latestByChain) {
      for (const balance of balancesOf(chain, snapshotId)) {
        if (balance.rawAmount === null || balance.rawAmount === '0') continue;
        const asset = assetOf(chain, balance.tokenAddress, balance.symbol);
        if (!asset) continue;
        const value = valuePosition(BigInt(balance.rawAmount), balance.decimals, asset.token, book, asset.native);
        if (value.usdCents === null) unvalued += 1;
        else cents += value.usdCents;
      }
    }
    points.push({ time: snapshot.blockTime, blockNumber: snapshot.blockNumber, usdCents: cents.toString(), unvalued });
  }
  return points;
}
