/**
 * `backup [--to FILE]`, `restore FILE` and `thin [--keep-days N] [--vacuum]`. The person at the
 * terminal may name any file, so backup and restore call the services directly (the IPC
 * channels accept only files inside `<dataDir>/backups`). `restore` also works when the
 * database cannot be opened: it then moves the unreadable file aside, as recovery mode does.
 */
import { keepAllDaysSchema } from '../../../shared/ipc/backup-schemas';
import type { Dispatch } from '../ipc/handle';
import type { Services } from '../services';
import type { ContextOptions } from '../services/context';
import { openAppOrRecovery } from '../services/recovery';
import { UsageError } from '../options';
import { call, rejectExtra, takeFlag } from './args';

type Out = (line: string) => void;

export async function backupCommand(services: Services, args: string[], out: Out): Promise<void> {
  const to = takeFlag(args, '--to');
  rejectExtra('backup', args);
  const result = await services.backup.create(to);
  out(`Backup written and verified: ${result.path} (${result.bytes} bytes, ${result.ms} ms)`);
}

export async function thinCommand(dispatch: Dispatch, args: string[], out: Out): Promise<void> {
  const days = takeFlag(args, '--keep-days');
  const vacuumIndex = args.indexOf('--vacuum');
  if (vacuumIndex !== -1) args.splice(vacuumIndex, 1);
  rejectExtra('thin', args);
  if (days !== undefined) {
    const parsed = keepAllDaysSchema.safeParse(/^\d+$/.test(days) ? Number(days) : NaN);
    if (!parsed.success) throw new UsageError(`--keep-days must be a whole number of days from 1 to 36500, got "${days}"`);
    await call(dispatch, 'retention.set', { keepAllDays: parsed.data });
  }
  const { keepAllDays } = await call(dispatch, 'retention.get');
  const result = await call(dispatch, 'retention.run', { vacuum: vacuumIndex !== -1 });
  out(`Removed ${result.removed} snapshot(s): every snapshot of the last ${keepAllDays} days is kept, and one per network per day before that`);
  if (result.vacuumed) out(`Compacted the database: ${result.bytesBefore} → ${result.bytesAfter} bytes`);
}

export async function restoreCommand(options: ContextOptions, args: string[], out: Out): Promise<void> {
  const [file, ...extra] = args;
  if (!file) throw new UsageError('restore needs a backup file');
  rejectExtra('restore', extra);
  const opened = openAppOrRecovery(options);
  if (opened.kind === 'recovery') {
    out(opened.recovery.error.message);
    const { services, result } = await opened.recovery.restoreFrom(file);
    services.ctx.close();
    out(`Moved the unreadable database aside: ${result.movedAside.join(', ') || '(there was none)'}`);
    return out(`Restored ${result.path} (schema ${result.schemaVersion})`);
  }
  try {
    const result = await opened.services.backup.restore(file);
    const schema = result.fromSchema === result.toSchema ? `schema ${result.toSchema}` : `schema ${result.fromSchema}, migrated to ${result.toSchema}`;
    out(`Restored ${result.path} (${schema}) in ${result.ms} ms`);
    out(`The data it replaced was saved to ${result.asidePath}`);
  } finally {
    opened.services.ctx.close();
  }
}
