/** How every network's refresh fails: its last good snapshot stays, marked stale with the message, and the UI hears it. */
import type { RefreshChainOutcome } from '../../../shared/ipc/schemas';
import type { NetworkId } from '../../../shared/registry/networks';
import type { AppContext } from './context';

export function failNetwork(ctx: AppContext, chain: NetworkId, message: string): RefreshChainOutcome {
  ctx.repos.snapshots.recordFailure(chain, message, ctx.now());
  ctx.events.emit('refresh.progress', { chain, phase: 'failed', done: 0, total: 0, message });
  return { chain, status: 'failed', error: message };
}
