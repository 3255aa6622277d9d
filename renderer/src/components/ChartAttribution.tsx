/** The attribution TradingView Lightweight Charts™ asks for (its NOTICE), as text: see chartOptions.ts. */
export function ChartAttribution() {
  return <p className="muted small">Charts: TradingView Lightweight Charts™, Copyright © TradingView, Inc. (tradingview.com)</p>;
}
