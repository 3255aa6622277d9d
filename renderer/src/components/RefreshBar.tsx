import { NETWORKS } from '../../../shared/registry/networks';
import { usePortfolioStore } from '../stores/usePortfolioStore';
import { useSettingsStore } from '../stores/useSettingsStore';

/** The refresh button with live per-chain progress (calls done / total). */
export function RefreshBar() {
  const { refreshing, progress, refreshError, refresh } = usePortfolioStore();
  const entries = Object.values(progress);
  const offline = useSettingsStore((state) => state.settings?.offline.enabled ?? false);
  return (
    <div className="refresh-bar">
      <div className="refresh-progress" role="status" aria-live="polite">
        {refreshError && <span className="error-text">{refreshError.message}</span>}
        {entries.map((item) => (
          <span key={item.chain} className={`chip chip-${item.phase}`} data-testid={`progress-${item.chain}`}>
            {NETWORKS[item.chain].name}:{' '}
            {phaseText(item.phase, item.done, item.total)}
          </span>
        ))}
      </div>
      <button type="button" className="primary" onClick={() => void refresh()} disabled={refreshing || offline} title={offline ? 'Offline mode is on (Settings): nothing is fetched' : undefined}>
        {refreshing ? 'Refreshing…' : offline ? 'Offline' : 'Refresh'}
      </button>
    </div>
  );
}

function phaseText(phase: string, done: number, total: number): string {
  if (phase === 'failed') return 'failed';
  if (phase === 'done') return `done (${total} calls)`;
  if (phase === 'risk') return 'reading contract admins and exit quotes…';
  if (phase === 'history') return 'reading past rates…';
  return `${done}/${total} calls`;
}
