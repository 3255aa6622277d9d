import type { Exit } from '../../../../shared/ipc/risk-schemas';
import { exactRaw, formatPercent, formatRaw, formatUsdCents, shortAddress } from '../../format';
import { amountOrDash, ppmPercent, waitRange } from './format';

/** Per position: redeeming through the protocol (and how long it takes) against selling now. */
export function ExitComparison({ exits, labels }: { exits: Exit[]; labels: ReadonlyMap<string, string> }) {
  return (
    <section className="card" aria-labelledby="exit-comparison-title">
      <h2 id="exit-comparison-title">Exit now or redeem</h2>
      {exits.length === 0 ? <p className="muted small">No position with an exit route.</p> : (
        <table className="table exit-table" data-testid="exit-comparison">
          <thead>
            <tr>
              <th>Position</th><th className="num">Amount</th><th>Redeem route</th><th>Expected wait</th><th className="num">Redeem receives</th>
              <th className="num">Sell at market</th><th className="num">Sell on DEX</th><th className="num">Price impact</th>
              <th className="num" title="Redeem receive − the best sell-now receive: positive means selling now costs that much">Cost of exiting now</th><th>Note</th>
            </tr>
          </thead>
          <tbody>{exits.map((exit) => <ExitRow key={exit.positionId} exit={exit} label={labels.get(exit.positionId) ?? `${exit.symbol} (${exit.chain})`} />)}</tbody>
        </table>
      )}
    </section>
  );
}

function ExitRow({ exit, label }: { exit: Exit; label: string }) {
  const unit = exit.underlying;
  const inUnderlying = (raw: string | null) => amountOrDash(raw, exit.underlyingDecimals, unit);
  const exact = (raw: string | null) => (raw === null ? undefined : exactRaw(raw, exit.underlyingDecimals));
  const { redeem, market, dex, costNow } = exit;
  return (
    <tr data-testid={`exit-${exit.positionId}`}>
      <td>{label}</td>
      <td className="num mono amount" title={exactRaw(exit.rawAmount, exit.decimals)}>{formatRaw(exit.rawAmount, exit.decimals)} {exit.symbol}</td>
      <td className="route">
        <span className="badge">{redeem.route}</span> {redeem.text}
        {redeem.contract && <div className="muted small mono" title={redeem.contract}>via {shortAddress(redeem.contract)}</div>}
      </td>
      <td className="wait">
        <span className="nowrap wait-range">{waitRange(redeem.wait)}</span> <span className={`badge basis basis-${redeem.wait.basis}`}>{redeem.wait.basis}</span>
        <div className="muted small">{redeem.wait.text}</div>
        {redeem.wait.source && <div className="muted small">source: {redeem.wait.source}</div>}
      </td>
      <td className="num mono redeem-receive" title={exact(redeem.receive)}>{inUnderlying(redeem.receive)}</td>
      <td className="num mono market-receive" title={exact(market.receive)}>
        {inUnderlying(market.receive)}
        {market.premium !== null && <div className="muted small">{formatPercent(market.premium, true)} vs NAV</div>}
      </td>
      <td className="num mono dex-receive" title={exact(dex?.receive ?? null)}>
        {dex ? inUnderlying(dex.receive) : <span className="muted">no DEX quote</span>}
        {dex && <div className="muted small wrap">{dex.venue}{dex.feeTier !== null && ` ${ppmPercent(dex.feeTier)} pool`}, block {dex.blockNumber}</div>}
        {dex?.error && <div className="error-text small wrap">{dex.error}</div>}
      </td>
      <td className="num mono dex-impact">{dex?.priceImpactPpm != null ? ppmPercent(dex.priceImpactPpm) : <span className="muted">—</span>}</td>
      <td className="num mono cost-now" title={exact(costNow.underlying)}>
        {inUnderlying(costNow.underlying)}
        {costNow.usdCents !== null && <div>{formatUsdCents(costNow.usdCents)}</div>}
        {costNow.basis && <div className="muted small">vs {costNow.basis === 'dex' ? 'DEX' : 'market'}</div>}
      </td>
      <td className="muted small note">{exit.note ?? ''}</td>
    </tr>
  );
}
