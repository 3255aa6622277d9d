import type { TimelinePoint } from '../../../../shared/ipc/history-schemas';
import { formatDateTime, formatRaw, formatUsdCents } from '../../format';
import { MeasuredText } from './cells';

const UNDERLYINGS = ['ETH', 'BTC', 'SOL'] as const;

/** Every refresh point, newest first: value, value per underlying, slashable and realized yield since the point before. */
export function TimelineTable({ points }: { points: TimelinePoint[] }) {
  return (
    <table className="table" data-testid="timeline-table">
      <thead>
        <tr>
          <th>Refresh</th>
          <th className="num">USD value</th>
          {UNDERLYINGS.map((underlying) => <th key={underlying} className="num">{underlying}</th>)}
          <th className="num">Slashable (ETH)</th>
          <th className="num">Yield since previous (a year)</th>
        </tr>
      </thead>
      <tbody>
        {[...points].reverse().map((point) => (
          <tr key={point.time} data-testid={`point-${point.time}`}>
            <td title={point.snapshots.map((ref) => `${ref.network} ${ref.blockNumber}`).join(', ')}>{formatDateTime(point.time * 1000)}</td>
            <td className="num mono">
              {formatUsdCents(point.usdCents)}
              {point.unvalued > 0 && <span className="muted small"> ({point.unvalued} not valued)</span>}
            </td>
            {UNDERLYINGS.map((underlying) => {
              const sum = point.byUnderlying.find((item) => item.underlying === underlying);
              return <td key={underlying} className="num mono">{sum ? formatRaw(sum.value, sum.decimals, { maxFractionDigits: 4 }) : '—'}</td>;
            })}
            <td className="num mono">{point.slashable ? formatRaw(point.slashable.amount, 18, { maxFractionDigits: 4 }) : '—'}</td>
            <td className="num" data-testid={`yield-${point.time}`}>
              {point.yieldSincePrevious ? <MeasuredText {...point.yieldSincePrevious.figure} /> : <span className="muted">first point</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
