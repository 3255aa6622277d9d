/**
 * What a refresh does once its snapshots are written: database failures get a sentence a
 * person can act on; and, when some network succeeded, old snapshots are thinned and the
 * automatic backup is taken (at most one per 24 hours). Neither can fail the refresh: a failed
 * backup is reported as a `backup.progress` event with phase 'failed'.
 */
import type { RefreshChainOutcome } from '../../../shared/ipc/schemas';
import { autoBackup } from './backup.service';
import { describeDatabaseMessage } from './database-errors';
import { thinSnapshots } from './retention.service';
import type { AppContext } from './context';

export async function afterRefresh(ctx: AppContext, outcomes: RefreshChainOutcome[]): Promise<RefreshChainOutcome[]> {
  const described = outcomes.map((outcome) => (outcome.status === 'failed' ? { ...outcome, error: describeDatabaseMessage(outcome.error) } : outcome));
  if (!outcomes.some((outcome) => outcome.status === 'ok')) return described;
  try {
    thinSnapshots(ctx);
  } catch (cause) {
    // Thinning is housekeeping: the next refresh tries again.
    console.warn(`slashboard: thinning old snapshots failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  // createBackup has already reported a failure as a backup.progress event.
  await autoBackup(ctx).catch(() => null);
  return described;
}
