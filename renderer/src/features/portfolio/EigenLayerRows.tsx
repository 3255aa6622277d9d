import type { EigenPosition } from '../../../../shared/ipc/schemas';
import { exactRaw, formatDateTime, formatRaw, shortAddress } from '../../format';

const amount = (raw: string | null, decimals: number | null) =>
  raw === null || decimals === null ? '—' : formatRaw(raw, decimals);
const exact = (raw: string | null, decimals: number | null) =>
  raw === null || decimals === null ? undefined : exactRaw(raw, decimals);

/** Native EigenLayer restaking of one wallet, as of the latest Ethereum snapshot. */
export function EigenLayerRows({ rows }: { rows: EigenPosition[] }) {
  if (rows.length === 0) return null;
  const failed = rows.find((row) => row.kind === 'error');
  const operator = rows.find((row) => row.operator)?.operator ?? null;
  return (
    <div className="eigen" data-testid="eigenlayer">
      <h3>
        EigenLayer <span className="muted small">{operator ? `delegated to ${operator}` : 'not delegated to an operator'}</span>
      </h3>
      {failed && <p className="error-text">EigenLayer could not be read: {failed.error}</p>}
      <table className="table">
        <thead>
          <tr><th>Position</th><th>Asset</th><th className="num">Deposited</th><th className="num">Withdrawable</th><th>Notes</th></tr>
        </thead>
        <tbody>
          {rows.filter((row) => row.kind !== 'error').map((row, index) => (
            <tr key={`${row.kind}-${row.strategy ?? row.pod}-${index}`} data-testid={`eigen-${row.kind}-${row.assetSymbol}`} title={row.source}>
              <td>{row.kind === 'strategy' ? 'Restaked deposit' : row.kind === 'pod' ? 'EigenPod (beacon ETH)' : 'Queued withdrawal'}</td>
              <td>{row.assetSymbol}</td>
              <td className="num mono" title={exact(row.depositUnderlying, row.assetDecimals)}>{amount(row.depositUnderlying, row.assetDecimals)}</td>
              <td className="num mono" title={exact(row.withdrawableUnderlying, row.assetDecimals)}>{amount(row.withdrawableUnderlying, row.assetDecimals)}</td>
              <td className="muted small">{notes(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function notes(row: EigenPosition): string {
  if (row.kind === 'pod') {
    const factor = row.slashingFactor === null ? '' : `, beacon slashing factor ${exactRaw(row.slashingFactor, 18)}`;
    return `pod ${shortAddress(row.pod ?? '')}${factor}`;
  }
  if (row.kind === 'withdrawal') {
    const when = row.completableAtEstimate ? ` (≈ ${formatDateTime(row.completableAtEstimate * 1000)}, est.)` : '';
    return `completable from block ${row.completableBlock}${when}`;
  }
  const slashed = row.depositShares !== row.withdrawableShares ? 'reduced by slashing' : '';
  return [`strategy ${shortAddress(row.strategy ?? '')}`, slashed].filter(Boolean).join(' · ');
}
