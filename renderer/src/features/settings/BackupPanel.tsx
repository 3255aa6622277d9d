import { useEffect, useState } from 'react';
import { invoke, onEvent } from '../../api';
import { formatDateTime } from '../../format';
import type { BackupList, Retention } from '../../../../shared/ipc/backup-schemas';

const fetchBoth = () => Promise.all([invoke('backup.list'), invoke('retention.get')]);
const size = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/** Backups (made now or automatically after refreshes), restore from one, and how long every snapshot is kept. */
export function BackupPanel() {
  const [list, setList] = useState<BackupList | null>(null);
  const [retention, setRetention] = useState<Retention | null>(null);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  // Bumped after each action (and by finished backups) to read the list and the setting again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void fetchBoth().then(([backups, kept]) => {
      if (backups.ok) setList(backups.value);
      if (kept.ok) {
        setRetention(kept.value);
        setDays(String(kept.value.keepAllDays));
      }
    });
  }, [version]);
  useEffect(
    () =>
      onEvent((event) => {
        if (event.name === 'backup.progress' && (event.payload.phase === 'done' || event.payload.phase === 'failed')) setVersion((value) => value + 1);
      }),
    [],
  );

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await action(), error: false });
    } catch (cause) {
      setMessage({ text: cause instanceof Error ? cause.message : String(cause), error: true });
    } finally {
      setBusy(false);
      setVersion((value) => value + 1);
    }
  };
  const backupNow = () =>
    run(async () => {
      const result = await invoke('backup.create', {});
      if (!result.ok) throw new Error(result.error.message);
      return `Backup written: ${result.value.path} (${size(result.value.bytes)}, ${result.value.ms} ms)`;
    });
  const restore = (path: string) => {
    if (!window.confirm(`Replace all data with the backup ${path}? The current data is first saved aside as a backup.`)) return;
    void run(async () => {
      const result = await invoke('backup.restore', { path });
      if (!result.ok) throw new Error(result.error.message);
      return `Restored ${result.value.path} (schema ${result.value.fromSchema} → ${result.value.toSchema}); the previous data is kept in ${result.value.asidePath}`;
    });
  };
  const saveRetention = () =>
    run(async () => {
      const set = await invoke('retention.set', { keepAllDays: Number(days) });
      if (!set.ok) throw new Error(set.error.message);
      const thinned = await invoke('retention.run', {});
      if (!thinned.ok) throw new Error(thinned.error.message);
      return `Keeping every snapshot for ${set.value.keepAllDays} days, then one a day: ${thinned.value.removed} older snapshot(s) thinned`;
    });

  return (
    <section className="card" aria-labelledby="backup-title" data-testid="backup-panel">
      <h2 id="backup-title">Backups and history</h2>
      <p className="muted small">
        A backup is a consistent copy of the database, made while the app runs. One is made automatically after a refresh, at most once a day (the newest 7 are kept), in{' '}
        <span className="mono">{list?.dir ?? '…'}</span>.
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void backupNow()} disabled={busy}>Back up now</button>
      </div>
      {message && <p className={message.error ? 'error-text' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="backup-message">{message.text}</p>}
      {list && list.backups.length > 0 && (
        <table className="table" data-testid="backup-list">
          <thead><tr><th>Backup</th><th>Kind</th><th>Time</th><th className="num">Size</th><th /></tr></thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.path}>
                <td className="mono small">{backup.name}</td>
                <td>{backup.kind}</td>
                <td>{formatDateTime(backup.time)}</td>
                <td className="num">{size(backup.bytes)}</td>
                <td><button type="button" className="link-button" onClick={() => restore(backup.path)} disabled={busy}>Restore</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {retention && (
        <label className="inline-field">
          Keep every snapshot for
          <input type="number" min={1} max={36500} value={days} onChange={(event) => setDays(event.target.value)} style={{ width: 90 }} aria-label="Days to keep every snapshot" />
          days, then one per day
          <button type="button" onClick={() => void saveRetention()} disabled={busy || !/^\d+$/.test(days)}>Apply</button>
        </label>
      )}
    </section>
  );
}
