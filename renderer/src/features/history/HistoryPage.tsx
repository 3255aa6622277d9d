import { useEffect } from 'react';
import { formatDateTime, formatUsdCents } from '../../format';
import { useHistoryStore } from '../../stores/useHistoryStore';
import { usePortfolioStore } from '../../stores/usePortfolioStore';
import { LineHistoryChart } from '../charts/LineHistoryChart';
import { CompareTable } from './CompareTable';
import { ExportBar } from './ExportBar';
import { TimelineTable } from './TimelineTable';
import { fromLocalInput, toLocalInput } from './time';

const usd = (value: number) => `$${value.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

function RangePicker() {
  const { from, to, setRange } = useHistoryStore();
  const field = (label: string, value: number | null, key: 'from' | 'to') => (
    <label className="inline-field">
      {label}
      <input
        type="datetime-local"
        step={1}
        value={value === null ? '' : toLocalInput(value)}
        onChange={(event) => {
          const seconds = fromLocalInput(event.target.value);
          if (seconds !== null) setRange({ [key]: seconds });
        }}
      />
    </label>
  );
  return (
    <div className="toolbar" role="group" aria-label="Compare range">
      {field('From', from, 'from')}
      {field('To', to, 'to')}
    </div>
  );
}

/** The portfolio over stored refreshes, and two chosen times compared position by position (works offline). */
export function HistoryPage() {
  const { timeline, loadError, compare, compareError } = useHistoryStore();
  // The portfolio store reloads after every refresh (data.changed): the history follows it.
  const portfolio = usePortfolioStore((state) => state.portfolio);
  useEffect(() => {
    void useHistoryStore.getState().load();
  }, [portfolio]);
  if (loadError) return <p className="error-text" role="alert">{loadError.message}</p>;
  if (!timeline) return <p className="muted">Loading…</p>;
  if (timeline.points.length === 0) return <p className="muted">No refresh stored yet: each refresh adds a point here.</p>;
  // lightweight-charts needs strictly increasing times; main sends one point per time.
  const chartPoints = timeline.points.map((point) => ({ time: point.time, value: Number(BigInt(point.usdCents)) / 100 }));
  return (
    <div className="page">
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Portfolio value at each refresh</h2>
        <LineHistoryChart testId="history-chart" points={chartPoints} format={usd} />
        <TimelineTable points={timeline.points} />
      </section>
      <section className="card" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare two times</h2>
        <p className="muted small">Each network as of its latest snapshot at or before the time, valued with the rates of that time. The change splits exactly into balance, rate (NAV) and price effects.</p>
        <RangePicker />
        {compareError && <p className="error-text" role="alert">{compareError.message}</p>}
        {compare && (
          <>
            <p className="small" data-testid="compare-summary">
              {formatDateTime(compare.from.time * 1000)}: {formatUsdCents(compare.from.usdCents)} → {formatDateTime(compare.to.time * 1000)}: {formatUsdCents(compare.to.usdCents)}
            </p>
            <CompareTable compare={compare} />
          </>
        )}
        <ExportBar />
      </section>
    </div>
  );
}
