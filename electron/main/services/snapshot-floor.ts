/**
 * A refresh never stores a block older than its network's last snapshot. An endpoint behind it
 * (a lagging or stuck node, a cached tip, a truncated tip height) answers consistently for its
 * own block, so nothing in the answers looks wrong, but storing it would make the newest data
 * older than what is already shown and move history backwards. Such an endpoint is passed over
 * for the next one in the user's order; when none is left the network is stale with the reason
 * (docs/faults.md). A block at or after the last one is fine, even if the endpoint lags the tip:
 * every figure carries its block.
 */
import type { ChainId } from '../../../shared/registry/chains';
import type { NetworkId } from '../../../shared/registry/networks';
import { createEvmClient, type EvmClient } from '../chain/evm/client';
import { pinLatestBlock, type PinnedBlock } from '../chain/evm/balances';
import type { AppContext } from './context';

export function lastSnapshotBlock(ctx: AppContext, network: NetworkId): bigint | null {
  const row = ctx.repos.snapshots.statuses().find((item) => item.chain === network);
  return row?.blockNumber ? BigInt(row.blockNumber) : null;
}

/** Why `block` from `source` cannot be stored, or null when it can. */
export function behindLastSnapshot(ctx: AppContext, network: NetworkId, block: bigint, source: string): string | null {
  const last = lastSnapshotBlock(ctx, network);
  const unit = network === 'solana' ? 'slot' : network === 'bitcoin' ? 'height' : 'block';
  return last !== null && block < last ? `${source} is at ${unit} ${block}, behind the last snapshot at ${unit} ${last} (kept)` : null;
}

export function assertNotBehind(ctx: AppContext, network: NetworkId, block: bigint, source: string): void {
  const reason = behindLastSnapshot(ctx, network, block, source);
  if (reason) throw new Error(reason);
}

/**
 * The latest block from the first endpoint, in the user's order, that is not behind the last
 * snapshot; the rest of the refresh uses that endpoint and the ones after it.
 */
export async function pinEvmBlock(ctx: AppContext, chain: ChainId, urls: readonly string[]): Promise<{ evm: EvmClient; block: PinnedBlock }> {
  const refused: string[] = [];
  let rest = [...urls];
  let requests = 0;
  for (;;) {
    const evm = createEvmClient(chain, rest, ctx.evmClientOptions);
    evm.stats.httpRequests = requests;
    const block = await pinLatestBlock(evm);
    const served = evm.stats.lastUrl ?? rest[0]!;
    const behind = behindLastSnapshot(ctx, chain, block.number, `The RPC endpoint ${new URL(served).host}`);
    if (!behind) return { evm, block };
    refused.push(behind);
    rest = rest.slice(Math.max(rest.indexOf(served), 0) + 1);
    if (rest.length === 0) throw new Error(refused.join('; '));
    requests = evm.stats.httpRequests;
  }
}
