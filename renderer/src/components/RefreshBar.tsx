import { CHAINS } from '../../../shared/registry/chains';
import { usePortfolioStore } from '../stores/usePortfolioStore';

/** The refresh button with live per-chain progress (calls done / total). */
export function RefreshBar() {
  const { refreshing, progress, refreshError, refresh } = usePortfolioStore();
  const entries = Object.values(progress);
  return (
    <div className="refresh-bar">
      <div className="refresh-progress" role="status" aria-live="polite">
        {refreshError && <span className="error-text">{refreshError.message}</span>}
        {entries.map((item) => (
          <span key={item.chain} className={`chip chip-${item.phase}`} data-testid={`progress-${item.chain}`}>
            {CHAINS[item.chain].name}:{' '}
            {item.phase === 'failed' ? 'failed' : item.phase === 'done' ? `done (${item.total} calls)` : `${item.done}/${item.total} calls`}
          </span>
        ))}
      </div>
      <button type="button" className="primary" onClick={() => void refresh()} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
