/**
 * Slashable amounts at a past Ethereum snapshot, the way the Exposure page computes them for
 * the latest one: each native EigenLayer stake and each LRT's look-through stake against the
 * operators' allocations, all stored with that snapshot (migration 0005). Costs a few indexed
 * reads per snapshot and no network.
 */
import { exposuresOf, type Stake } from '../../../shared/domain/exposure';
import type { RateBook } from '../../../shared/domain/position-valuation';
import type { Position } from '../../../shared/ipc/schemas';
import type { AppContext } from './context';
import { lookThroughStakes } from './look-through';
import { nativeStake } from './exposure.service';

export interface SlashableAt {
  /** ETH wei slashable over every position (native EigenLayer and LRTs). */
  total: bigint;
  /** Per exposure position id (`token:<wallet>:<network>:<address>`, `el:<wallet>:<strategy>`). */
  byPosition: Map<string, bigint>;
}

/** The exposure service's id of a token position, so look-through amounts map back to balances. */

export function slashableAt(ctx: AppContext, snapshotId: number, positions: readonly Position[], book: RateBook): SlashableAt {
  // Delegated native EigenLayer rows, as the Exposure page counts them (undelegated ones cannot be slashed).
  const stakes: Stake[] = ctx.repos.eigen.forSnapshot(snapshotId).flatMap((row) => {
    const native = nativeStake(row, book);
    return native && row.operator && native.amount > 0n ? [{ positionId: native.id, operator: row.operator, strategy: native.strategy, amount: native.amount }] : [];
  });
  stakes.push(...lookThroughStakes(ctx, snapshotId, positions, book).stakes);
  const byPosition = new Map<string, bigint>();
  let total = 0n;
  for (const exposure of exposuresOf(stakes, ctx.repos.exposure.allocations(snapshotId))) {
    byPosition.set(exposure.positionId, (byPosition.get(exposure.positionId) ?? 0n) + exposure.amount);
    total += exposure.amount;
  }
  return { total, byPosition };
}
