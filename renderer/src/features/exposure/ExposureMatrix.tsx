import type { ExposureReport } from '../../../../shared/ipc/exposure-schemas';
import { formatPercent } from '../../format';

/** Row i, column j: how much of position i's slashable amount is in sets that can also slash j. */
export function ExposureMatrix({ report, labels }: { report: ExposureReport; labels: Map<string, string> }) {
  const { ids, shared } = report.matrix;
  if (ids.length < 2) return <p className="muted small">Shared risk needs at least two restaked positions.</p>;
  return (
    <table className="table matrix" data-testid="exposure-matrix">
      <thead>
        <tr><th>Risk of ↓ also in →</th>{ids.map((id) => <th key={id} className="num">{labels.get(id) ?? id}</th>)}</tr>
      </thead>
      <tbody>
        {ids.map((row, i) => (
          <tr key={row}>
            <th scope="row">{labels.get(row) ?? row}</th>
            {ids.map((column, j) => (
              <td key={column} className={`num ${i === j ? 'muted' : shared[i]![j]! > 0 ? 'warn-text' : ''}`} data-testid={`matrix-${i}-${j}`}>
                {i === j ? '—' : formatPercent(shared[i]![j]!)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
