/**
 * Backups, retention and (outside recovery mode) the recovery channels. Paths from the
 * renderer are confined to `<dataDir>/backups` (a browser-mode client is only as trusted as
 * whoever holds the token); the CLI calls the services with any path the user types.
 */
import { AppFailure } from '../../../shared/result';
import type { Services } from '../services';
import type { Handlers } from './handle';

export const backupHandlers = (services: Services) =>
  ({
    'backup.create': (input) => services.backup.create(input?.path === undefined ? undefined : services.backup.insideBackupsDir(input.path, false)),
    'backup.list': () => services.backup.list(),
    'backup.restore': ({ path }) => services.backup.restore(services.backup.insideBackupsDir(path, true)),
    'retention.get': () => services.retention.get(),
    'retention.set': ({ keepAllDays }) => services.retention.set(keepAllDays),
    'retention.run': (input) => services.retention.run({ vacuum: input?.vacuum }),
    'recovery.status': () => ({ active: false, error: null, dataDir: services.ctx.dataDir, backups: services.backup.list().backups }),
    'recovery.restore': () => {
      throw new AppFailure('INVALID_INPUT', 'Slashboard is not in recovery mode; restore a backup with backup.restore');
    },
  }) satisfies Partial<Handlers>;
