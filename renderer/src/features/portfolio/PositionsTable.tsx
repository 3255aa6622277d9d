import { NETWORKS } from '../../../../shared/registry/networks';
import type { Position, RateFigureDto } from '../../../../shared/ipc/schemas';
import { exactRaw as exactOf, formatPercent, formatRaw as amountOf, formatUsdCents } from '../../format';
import { isBabylonRow } from '../../../../shared/domain/bitcoin/row-keys';
import { tokenPositionId } from '../../../../shared/domain/position-id';
import type { PositionRisk } from '../../../../shared/ipc/risk-schemas';
import { useRiskStore } from '../../stores/useRiskStore';
import { isSanityReason } from '../../../../shared/domain/sanity';
import { Missing, SanityMark } from '../../components/SanityMark';
import { reasonOf } from './SanityWarning';

/** A figure's source, or why it is missing: what the tooltip of each valued cell says. */
const explain = (figure: RateFigureDto | undefined): string | undefined => (figure ? (figure.ok ? figure.source : figure.reason) : undefined);

function Rate({ figure }: { figure: RateFigureDto }) {
  if (!figure.ok) return <Missing reason={figure.reason} />;
  return <span title={`${exactOf(figure.value, figure.decimals)} — ${figure.source}`}>{amountOf(figure.value, figure.decimals)}</span>;
}

/** The risk report's id of a Portfolio row: a Babylon stake by its row key, a token by wallet, chain and address. */
const riskIdOf = (position: Position) => (isBabylonRow(position.tokenAddress) ? position.tokenAddress! : tokenPositionId(position));

/** The position's worst flag, else its weakest control; every flag in the tooltip. */
function RiskCell({ risk }: { risk: PositionRisk | undefined }) {
  const shown = risk?.flags[0] ?? risk?.weakest?.line;
  return (
    <td className="small risk" title={risk?.flags.length ? risk.flags.join('\n') : undefined}>
      {shown ?? <span className="muted">—</span>}
    </td>
  );
}

/** One wallet's positions with their valuation: every figure's source is in its tooltip. */
export function PositionsTable({ positions }: { positions: Position[] }) {
  const risks = useRiskStore((state) => state.report?.positions);
  const riskOf = new Map((risks ?? []).map((risk) => [risk.id, risk]));
  return (
    <table className="table positions">
      <thead>
        <tr>
          <th>Asset</th><th>Protocol</th><th>Chain</th><th className="num">Amount</th><th className="num">NAV</th>
          <th className="num">Underlying</th><th className="num">Market value</th><th className="num">vs NAV</th><th className="num">USD</th><th>As of</th><th>Risk</th>
        </tr>
      </thead>
      <tbody>
        {positions.map((position) => {
          const v = position.valuation;
          return (
            <tr key={`${position.chain}-${position.tokenAddress}`} data-testid={`pos-${position.chain}-${isBabylonRow(position.tokenAddress) ? position.tokenAddress : position.symbol}`}>
              <td title={position.name}>{position.symbol}{v && <span className="muted small"> {v.kind}</span>}</td>
              <td>{v?.protocol ?? '—'}</td>
              <td>{NETWORKS[position.chain].name}</td>
              <td className="num mono amount" title={position.rawAmount === null ? undefined : exactOf(position.rawAmount, position.decimals)}>
                {position.rawAmount === null ? (
                  isSanityReason(position.error) ? <SanityMark reason={position.error!} /> : <span className="error-text" title={position.error ?? ''}>unreadable: {position.error}</span>
                ) : (
                  amountOf(position.rawAmount, position.decimals)
                )}
              </td>
              <td className="num mono nav">{v ? <Rate figure={v.nav} /> : '—'}</td>
              <td className="num mono underlying" title={v?.underlyingValue ? exactOf(v.underlyingValue, v.underlyingDecimals) : undefined}>
                {v?.underlyingValue ? `${amountOf(v.underlyingValue, v.underlyingDecimals)} ${v.underlying}` : <span className="muted">n/a</span>}
              </td>
              <td className="num mono market" title={explain(v?.market)}>
                {v?.marketValue ? `${amountOf(v.marketValue, v.underlyingDecimals)} ${v.underlying}` : <Missing reason={reasonOf(v?.market)} />}
              </td>
              <td
                className={`num mono premium${v?.premium !== null && v?.premium !== undefined && v.premium < 0 ? ' negative' : ''}`}
                title={v?.sellVsRedeem ? `Selling at market instead of redeeming: ${exactOf(v.sellVsRedeem, v.underlyingDecimals)} ${v.underlying}${v.sellVsRedeemUsdCents ? ` (${formatUsdCents(v.sellVsRedeemUsdCents)})` : ''}` : undefined}
              >
                {v?.premium !== null && v?.premium !== undefined ? formatPercent(v.premium, true) : <span className="muted">—</span>}
              </td>
              <td className="num mono usd" title={v ? `${explain(v.usd)}; rates at block ${v.ratesBlock}` : undefined}>
                {v?.usdCents ? formatUsdCents(v.usdCents) : <Missing reason={reasonOf(v?.usd)} />}
              </td>
              <td className="muted small" title={position.source}>{position.chain === 'solana' ? 'slot' : 'block'} {position.blockNumber}</td>
              <RiskCell risk={riskOf.get(riskIdOf(position))} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
