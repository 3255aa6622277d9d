import { useEffect } from 'react';
import { YIELD_REFERENCES, YIELD_WINDOWS_DAYS, type YieldWindowDays } from '../../../../shared/domain/yield';
import type { PortfolioYield } from '../../../../shared/ipc/yield-schemas';
import { invoke } from '../../api';
import { formatAge, formatDateTime, formatPercent, formatRaw, formatUsdCents } from '../../format';
import { useWalletsStore } from '../../stores/useWalletsStore';
import { useYieldStore } from '../../stores/useYieldStore';
import { YieldChart } from './YieldChart';
import { YieldTable } from './YieldTable';

/** Blended yield per position and for the portfolio: base staking yield + restaking premium. */
export function YieldPage() {
  const { report, loadError, windowDays, setWindow, chartSymbol, setChartSymbol, series, seriesError } = useYieldStore();
  const wallets = useWalletsStore((state) => state.wallets);
  useEffect(() => {
    void useYieldStore.getState().load();
  }, []);

  if (loadError) return <p className="error-text" role="alert">{loadError.message}</p>;
  if (!report) return <p className="muted">Loading…</p>;
  // Without an Ethereum snapshot there can still be Solana positions, measured from Solana snapshots.
  if (!report.asOf && report.positions.length === 0) {
    return (
      <div className="page">
        <div className="card empty"><p className="muted">Refresh first: yields are measured from NAV rates read on chain at each refresh.</p></div>
      </div>
    );
  }
  const portfolio = report.portfolio.find((item) => item.windowDays === windowDays);
  const failedReads = report.history.filter((read) => read.error && read.label === `${windowDays}d`);
  const symbols = [...new Set(report.assets.map((asset) => asset.rateSymbol))];

  return (
    <div className="page">
      <div className="toolbar" role="group" aria-label="Yield options">
        <span className="inline-field" role="radiogroup" aria-label="Window">
          Window
          {YIELD_WINDOWS_DAYS.map((days) => (
            <button key={days} type="button" role="radio" aria-checked={days === windowDays} className={days === windowDays ? 'active' : undefined} onClick={() => setWindow(days as YieldWindowDays)}>
              {days} d
            </button>
          ))}
        </span>
        <label className="inline-field">
          Base reference
          <select value={report.reference} onChange={(event) => void invoke('settings.setYieldReference', { reference: event.target.value as (typeof YIELD_REFERENCES)[number] }).then(() => useYieldStore.getState().load())}>
            {YIELD_REFERENCES.map((symbol) => <option key={symbol} value={symbol}>{symbol}</option>)}
          </select>
        </label>
        {report.asOf
          ? <span className="muted small">as of block {report.asOf.blockNumber}, {formatDateTime(report.asOf.blockTime * 1000)} ({formatAge(report.asOf.blockTime * 1000)})</span>
          : <span className="muted small">no Ethereum snapshot yet: Solana and Bitcoin positions only, as of their latest refresh</span>}
      </div>

      {portfolio && <PortfolioSummary portfolio={portfolio} />}
      {failedReads.map((read) => (
        <p key={read.label} className="warn-text small" role="status">Past rates for the {read.label} window could not be read on chain: {read.error}. Stored refresh samples are used where there are any.</p>
      ))}

      <section className="card" aria-labelledby="yield-positions-title">
        <h2 id="yield-positions-title">Positions</h2>
        <YieldTable positions={report.positions} assets={report.assets} wallets={wallets} windowDays={windowDays} />
        <p className="muted small">Base = realized yield of {report.reference} over the window. Premium = the position's own realized yield − base (restaking rewards net of fees; it can be negative). Realized yield = growth of the on-chain NAV rate, annualized over the exact time between the two blocks.</p>
      </section>

      <section className="card" aria-labelledby="yield-chart-title">
        <h2 id="yield-chart-title">Rolling {windowDays}-day yield</h2>
        <label className="inline-field">
          Rate
          <select value={chartSymbol ?? ''} onChange={(event) => setChartSymbol(event.target.value)}>
            {symbols.map((symbol) => <option key={symbol} value={symbol}>{symbol}</option>)}
          </select>
        </label>
        {seriesError && <p className="error-text">{seriesError.message}</p>}
        {series && series.points.length === 0 && <p className="muted small">Not enough stored samples yet ({series.samples} of {chartSymbol}); each refresh adds some.</p>}
        {series && <YieldChart series={series} />}
      </section>
    </div>
  );
}

function PortfolioSummary({ portfolio }: { portfolio: PortfolioYield }) {
  const figure = (value: number | null, signed = false) => (value === null ? <span className="muted">not measured</span> : formatPercent(value, signed));
  return (
    <section className="card yield-summary" aria-label="Portfolio yield" data-testid="portfolio-yield">
      <div><div className="muted small">Blended</div><div className="figure" data-testid="portfolio-blended">{figure(portfolio.blended)}</div></div>
      <div><div className="muted small">Base</div><div className="figure" data-testid="portfolio-base">{figure(portfolio.base)}</div></div>
      <div><div className="muted small">Restaking premium</div><div className="figure" data-testid="portfolio-premium">{figure(portfolio.premium, true)}</div></div>
      <div>
        <div className="muted small">Projected income / year</div>
        <div className="figure" data-testid="portfolio-income">{portfolio.incomeUsdCents ? formatUsdCents(portfolio.incomeUsdCents) : '—'}</div>
        <div className="muted small">{portfolio.income.map((item) => `${formatRaw(item.raw, item.decimals)} ${item.underlying}`).join(' · ')}</div>
      </div>
      {portfolio.excluded > 0 && <p className="muted small">{portfolio.excluded} position(s) left out: no measured yield or no USD price.</p>}
    </section>
  );
}
