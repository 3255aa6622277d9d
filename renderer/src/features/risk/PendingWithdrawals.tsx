import type { PendingWithdrawal } from '../../../../shared/ipc/risk-schemas';
import { exactRaw, formatDateTime, formatRaw } from '../../format';
import { formatDuration } from './format';

/** Queued EigenLayer withdrawals and unbonding Babylon stakes, as main sorted them, with a bar from now to completion. */
export function PendingWithdrawals({ rows, now }: { rows: PendingWithdrawal[]; now: number }) {
  const nowSeconds = Math.floor(now / 1000);
  // The bars share one scale: the furthest completion is the full width.
  const horizon = Math.max(1, ...rows.map((row) => (row.completesAt ?? nowSeconds) - nowSeconds));
  return (
    <section className="card" aria-labelledby="pending-withdrawals-title">
      <h2 id="pending-withdrawals-title">Pending withdrawals</h2>
      {rows.length === 0 ? <p className="muted small">No queued withdrawal or unbonding stake.</p> : (
        <table className="table" data-testid="pending-withdrawals">
          <thead>
            <tr><th>Withdrawal</th><th>Status</th><th className="num">Amount</th><th>Completes</th><th className="timeline-head">From now to completion</th><th>Basis</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const left = row.completesAt === null ? null : row.completesAt - nowSeconds;
              return (
                <tr key={row.id} data-testid={`pending-${row.id}`}>
                  <td>{row.label}</td>
                  <td><span className={`badge status-${row.status}`}>{row.status}</span></td>
                  <td className="num mono amount" title={exactRaw(row.amount, row.decimals)}>{formatRaw(row.amount, row.decimals)} {row.symbol}</td>
                  <td className="completes small">
                    {row.completableAt !== null && <div>{row.source === 'babylon' ? 'height' : 'block'} <span className="mono">{row.completableAt}</span></div>}
                    {row.completesAt === null ? <div className="muted">time unknown</div> : <div>est. {formatDateTime(row.completesAt * 1000)}</div>}
                  </td>
                  <td>
                    <div className="timeline" aria-hidden="true">
                      {left !== null && <div className={`timeline-fill status-${row.status}`} style={{ width: `${Math.min(100, (Math.max(0, left) / horizon) * 100)}%` }} />}
                    </div>
                    <div className="muted small">{left === null ? 'unknown' : left <= 0 ? 'ready now' : `in ${formatDuration(left)}`}</div>
                  </td>
                  <td className="muted small basis">{row.basis}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
