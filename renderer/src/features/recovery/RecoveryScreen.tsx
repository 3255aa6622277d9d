import { useState } from 'react';
import { invoke } from '../../api';
import { formatDateTime } from '../../format';
import type { RecoveryStatus } from '../../../../shared/ipc/backup-schemas';

/**
 * Shown instead of the app when the database cannot be opened (corrupt or unreadable): what
 * went wrong, and the automatic backups to restore from. Nothing is deleted: the unreadable
 * file is moved aside.
 */
export function RecoveryScreen({ status, onRestored }: { status: RecoveryStatus; onRestored: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newest = status.backups[0];

  const restore = async (path: string) => {
    setBusy(true);
    const result = await invoke('recovery.restore', { path });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onRestored();
  };

  return (
    <div className="recovery" role="alert" data-testid="recovery-screen">
      <div className="card">
        <h1>Slashboard cannot open its database</h1>
        <p>{status.error?.message ?? 'The database could not be opened.'}</p>
        <p className="muted small">Data folder: <span className="mono">{status.dataDir}</span>. The unreadable file is kept beside it, renamed, when you restore.</p>
        {newest ? (
          <>
            <p>
              <button type="button" className="primary" onClick={() => void restore(newest.path)} disabled={busy} data-testid="restore-latest">
                Restore the latest backup ({formatDateTime(newest.time)})
              </button>
            </p>
            {status.backups.length > 1 && (
              <details>
                <summary className="muted small">Other backups</summary>
                <ul>
                  {status.backups.slice(1).map((backup) => (
                    <li key={backup.path}>
                      <button type="button" className="link-button" onClick={() => void restore(backup.path)} disabled={busy}>{backup.name}</button> {formatDateTime(backup.time)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        ) : (
          <p className="muted">No automatic backup was found in the data folder. Move the file aside to start empty, or restore a copy of it by hand.</p>
        )}
        {error && <p className="error-text" data-testid="recovery-error">{error}</p>}
      </div>
    </div>
  );
}
