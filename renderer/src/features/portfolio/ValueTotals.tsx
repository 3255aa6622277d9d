import { NETWORKS, isNetworkId } from '../../../../shared/registry/networks';
import type { ValueTotal } from '../../../../shared/ipc/schemas';
import { formatRaw, formatUsdCents } from '../../format';

const TITLES = { underlying: 'By underlying', protocol: 'By protocol', chain: 'By chain' } as const;

/** Totals computed in main (bigint): value in the underlying and USD, with unvalued counts. */
export function ValueTotals({ totals }: { totals: ValueTotal[] }) {
  return (
    <div className="totals-grid" data-testid="value-totals">
      {(['underlying', 'protocol', 'chain'] as const).map((by) => (
        <div key={by}>
          <h3>{TITLES[by]}</h3>
          <table className="table">
            <tbody>
              {totals.filter((total) => total.by === by).map((total) => (
                <tr key={`${total.key}-${total.underlying}`} data-testid={`total-${by}-${total.key}`}>
                  <td>{by === 'chain' && isNetworkId(total.key) ? NETWORKS[total.key].name : total.key}</td>
                  <td className="num mono">{formatRaw(total.underlyingValue, total.underlyingDecimals, { maxFractionDigits: total.underlying === 'BTC' ? 8 : 4 })} {total.underlying}</td>
                  <td className="num mono">{total.usdCents === null ? <span className="muted" title="No USD price available">USD n/a</span> : formatUsdCents(total.usdCents)}</td>
                  <td className="muted small">{total.unvalued > 0 ? `${total.unvalued} not valued` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
