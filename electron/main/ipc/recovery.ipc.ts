/**
 * The dispatcher of recovery mode: only recovery.status and recovery.restore work; every
 * other channel (app.info included) answers the RECOVERY error, which tells the renderer to
 * show its recovery screen. After a restore the caller switches to the normal dispatcher.
 */
import { CHANNELS, type Channel } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/result';
import type { RecoveredApp, Recovery } from '../services/recovery';
import { createDispatcher, type Dispatch } from './handle';

export function createRecoveryDispatcher(recovery: Recovery, onRestored: (app: RecoveredApp) => void): Dispatch {
  const refuse = () => {
    throw new AppFailure('RECOVERY', recovery.error.message);
  };
  // Every channel gets the same refusal; built from the list, so the map is typed by hand.
  const refusals = Object.fromEntries(CHANNELS.map((channel) => [channel, refuse])) as Record<Channel, typeof refuse>;
  return createDispatcher({
    ...refusals,
    'recovery.status': () => ({ active: true, error: recovery.error, dataDir: recovery.dataDir, backups: recovery.backups() }),
    'recovery.restore': async ({ path }) => {
      // Only a listed backup: a free path from a browser-mode client could name any file.
      const listed = recovery.backups().find((entry) => entry.path === path);
      if (!listed) throw new AppFailure('INVALID_INPUT', 'Choose one of the backups that recovery.status lists');
      const app = await recovery.restoreFrom(listed.path);
      onRestored(app);
      return app.result;
    },
  });
}
