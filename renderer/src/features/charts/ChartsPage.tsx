import { useEffect } from 'react';
import { CANDLE_INTERVALS, MARKETS, type CandleInterval } from '../../../../shared/registry/markets';
import { formatDateTime } from '../../format';
import { useChartsStore } from '../../stores/useChartsStore';
import { CandleChart } from './CandleChart';
import { LineHistoryChart } from './LineHistoryChart';

const RANGES = [100, 300, 1_000] as const;
const AT_NAV = { price: 0, title: 'NAV' };
const AT_PAR = { price: 0, title: 'same as reference' };
const percent = (value: number) => `${value.toFixed(2)} %`;
const usd = (value: number) => `$${value.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** Candles with indicators from the local cache (works offline), and LRT premium/discount to NAV over time. */
export function ChartsPage() {
  const state = useChartsStore();
  const { data, error, market, interval, limit, fetching, fetchNote, premium, premiumSymbol, value } = state;
  useEffect(() => {
    const store = useChartsStore.getState();
    void store.load();
    void store.loadPremium(store.premiumSymbol);
    void store.loadValue();
  }, []);

  return (
    <div className="page">
      <div className="toolbar" role="group" aria-label="Chart options">
        <label className="inline-field">Market
          <select value={market} onChange={(event) => state.set({ market: event.target.value })}>
            {MARKETS.map((item) => <option key={item.id} value={item.id}>{item.label}</option>)}
          </select>
        </label>
        <span className="inline-field" role="radiogroup" aria-label="Interval">
          {Object.keys(CANDLE_INTERVALS).map((name) => (
            <button key={name} type="button" role="radio" aria-checked={name === interval} className={name === interval ? 'active' : undefined} onClick={() => state.set({ interval: name as CandleInterval })}>{name}</button>
          ))}
        </span>
        <label className="inline-field">Range
          <select value={limit} onChange={(event) => state.set({ limit: Number(event.target.value) })}>
            {RANGES.map((count) => <option key={count} value={count}>last {count}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void state.fetchMissing()} disabled={fetching}>{fetching ? 'Fetching…' : 'Fetch new candles'}</button>
        {fetchNote && <span className="small" role="status">{fetchNote}</span>}
      </div>
      {error && <p className="error-text" role="alert">{error.message}</p>}
      {data && (
        <section className="card" aria-label={`${data.label} ${data.interval}`}>
          <p className="muted small">
            {data.label} {data.interval} from {data.source} (USD quoted as USDT) · cached {data.candles.length} · SMA 20, EMA 50, RSI 14 (30/70), S/R from pivots (3 candles each side, 1 % clusters), volume spikes above 2 × the 20-candle mean
            {data.lastFetch && ` · last fetch ${formatDateTime(data.lastFetch.fetchedAt)}`}
            {data.lastFetch?.error && <span className="error-text"> (failed: {data.lastFetch.error})</span>}
            {data.gaps.length > 0 && <span className="warn-text"> · {data.gaps.length} gap(s) in the cache, shown as gaps</span>}
          </p>
          {data.candles.length === 0 ? <p className="muted">No candles cached yet: fetch them (needs the network once).</p> : <CandleChart data={data} />}
        </section>
      )}
      <section className="card" aria-labelledby="premium-title">
        <h2 id="premium-title">Premium / discount to NAV</h2>
        <label className="inline-field">LRT
          <select value={premiumSymbol} onChange={(event) => void state.loadPremium(event.target.value)}>
            {(premium?.symbols ?? [premiumSymbol]).map((symbol) => <option key={symbol} value={symbol}>{symbol}</option>)}
          </select>
        </label>
        {premium && premium.points.length === 0 && <p className="muted small">No stored refresh has both a market price and a NAV for {premiumSymbol} yet.</p>}
        {premium && premium.points.length > 0 && (
          <LineHistoryChart testId="premium-chart" points={premium.points.map((point) => ({ time: point.time, value: point.premium * 100 }))} format={percent} baseline={AT_NAV} />
        )}
        {premium && premium.spread.length > 0 && (
          <>
            <h3>{premiumSymbol} − {premium.reference} premium (spread to staked ETH)</h3>
            <LineHistoryChart testId="spread-chart" points={premium.spread.map((point) => ({ time: point.time, value: point.premium * 100 }))} format={percent} baseline={AT_PAR} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="value-title">
        <h2 id="value-title">Portfolio value over time</h2>
        {value.length === 0 ? (
          <p className="muted small">Each Ethereum refresh adds a point (valued with that refresh's rates).</p>
        ) : (
          <LineHistoryChart testId="value-chart" points={value.map((point) => ({ time: point.time, value: Number(BigInt(point.usdCents)) / 100 }))} format={usd} />
        )}
      </section>
    </div>
  );
}
